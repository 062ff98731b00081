'use server';

import { getTraineeByUser, type TraineeRecord } from '@/db/queries/trainees';
import { getQuizAttempt } from '@/db/queries/classroom';
import type { Db } from '@/db/client';
import { answersForPaper, paperQuestions } from '@/domain/classroom';
import { loadTraineeFor } from '@/lib/access';
import { defineAction } from '@/lib/action';
import type { Actor } from '@/lib/authz';
import { completeLesson, finishAttempt, loadClassroomProgress, questionsById, saveAnswers, startAttempt } from '@/lib/classroom';
import { getModule } from '@/lib/content/modules';
import { AppError } from '@/lib/errors';
import { loadProgramContext } from '@/lib/program';
import { completeLessonSchema, moduleStateSchema, saveAnswersSchema, startAttemptSchema, submitAttemptSchema } from './schema';

/** The signed-in trainee, allowed to study; anyone else gets not_found. */
function ownTrainee(db: Db, actor: Actor): TraineeRecord {
  const trainee = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!trainee) throw new AppError('not_found');
  return loadTraineeFor(db, actor, trainee.id, 'classroom.study');
}

function ownAttempt(db: Db, actor: Actor, attemptId: number) {
  const trainee = ownTrainee(db, actor);
  const attempt = getQuizAttempt(db, { orgId: actor.orgId, attemptId });
  if (!attempt || attempt.traineeId !== trainee.id) throw new AppError('not_found');
  return { trainee, attempt };
}

export type ModuleStateView =
  | { viewer: 'staff' }
  | {
      viewer: 'trainee';
      traineeClass: 'A' | 'B';
      lessonsRead: string[];
      quiz: {
        status: 'waived' | 'passed' | 'in_progress' | 'limit_reached' | 'available';
        attemptsUsed: number;
        attemptLimit: number;
        bestScorePercent: number | null;
        openAttemptId: number | null;
        lastGradedAttemptId: number | null;
        questionCount: number;
        passMark: number;
      };
      placement: {
        available: boolean;
        openAttemptId: number | null;
        taken: { attemptId: number; passed: boolean; scorePercent: number | null } | null;
        questionCount: number;
        passMark: number;
      };
      classroomComplete: boolean;
    };

/**
 * The per-trainee part of the static module and lesson pages, fetched by their client islands.
 * Staff reading a lesson get `staff` and see the lesson alone.
 */
export const moduleStateAction = defineAction(moduleStateSchema, ({ moduleId }, { actor, db }): ModuleStateView => {
  if (!getModule(moduleId)) throw new AppError('not_found');
  const record = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!record || !actor.roles.includes('trainee')) return { viewer: 'staff' };
  const trainee = loadTraineeFor(db, actor, record.id, 'classroom.study');
  const ctx = loadProgramContext(db, actor.orgId);
  const progress = loadClassroomProgress(db, ctx, trainee, Date.now());
  const mod = progress.modules.find((m) => m.module.id === moduleId);
  if (!mod) throw new AppError('not_found');
  const { quiz, placementQuiz } = ctx.settings.classroom;
  return {
    viewer: 'trainee',
    traineeClass: trainee.traineeClass,
    lessonsRead: mod.lessonsRead,
    quiz: { ...mod.quiz, attemptLimit: quiz.attemptLimit, questionCount: quiz.questionCount, passMark: quiz.passMark },
    placement: { ...mod.placement, questionCount: placementQuiz.questionCount, passMark: placementQuiz.passMark },
    classroomComplete: progress.complete || progress.stageRecorded,
  };
});

export const completeLessonAction = defineAction(completeLessonSchema, ({ moduleId, lessonId }, { actor, db }) => {
  const trainee = ownTrainee(db, actor);
  return completeLesson(db, { trainee, moduleId, lessonId, now: Date.now() });
});

export const startAttemptAction = defineAction(startAttemptSchema, ({ kind, moduleId }, { actor, db }) => {
  const trainee = ownTrainee(db, actor);
  const ctx = loadProgramContext(db, actor.orgId);
  const attempt = startAttempt(db, { ctx, trainee, kind, moduleId: moduleId ?? null, now: Date.now() });
  return { attemptId: attempt.id };
});

/** Autosave. A closed paper (graded, or out of time) answers `saved: false` and the form reloads to its result. */
export const saveAnswersAction = defineAction(saveAnswersSchema, ({ attemptId, answers }, { actor, db }) => {
  const { trainee, attempt } = ownAttempt(db, actor, attemptId);
  const paper = new Map(paperQuestions(attempt.questionIds, questionsById()).map((q) => [q.id, q]));
  return saveAnswers(db, { trainee, attempt, answers: answersForPaper(answers, paper), now: Date.now() });
});

/** Grades once; a second submission of the same attempt returns the stored result. */
export const submitAttemptAction = defineAction(submitAttemptSchema, ({ attemptId, answers }, { actor, db }) => {
  const { trainee } = ownAttempt(db, actor, attemptId);
  const ctx = loadProgramContext(db, actor.orgId);
  const { attempt, newlyGraded } = finishAttempt(db, { ctx, trainee, attemptId, submitted: answers, now: Date.now(), actorId: actor.userId });
  return { attemptId: attempt.id, newlyGraded };
});
