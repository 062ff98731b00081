// The classroom's workflows: what a trainee has done and may do next, starting and grading quiz
// attempts, and the program events a result causes — appended in the transaction that grades it.
// Pages and server actions call these after authorizing; the rules themselves are in domain/classroom.ts.
import { randomUUID } from 'node:crypto';
import {
  canLeadWaiveModule,
  examQuestionPool,
  examState,
  isAttemptExpired,
  isClassroomComplete,
  isClassroomStageRecorded,
  moduleQuizState,
  outstandingModuleIds,
  passedModuleIds,
  placementState,
  requiredModuleIds,
  waivedModuleIds,
  type ExamState,
  type ModuleQuizState,
  type PlacementState,
  type QuizKind,
} from '@/domain/classroom';
import { resolveEffectiveEvents, type ProgramEvent, type ProgramEventDraft } from '@/domain/events';
import { drawQuiz, type QuizQuestion } from '@/domain/quiz';
import {
  findUngradedAttempt,
  getQuizAttempt,
  gradeQuizAttempt,
  listLessonProgress,
  listQuizAttempts,
  markLessonComplete,
  saveQuizAnswers,
  startQuizAttempt,
  type QuizAttempt,
} from '@/db/queries/classroom';
import { findEventsByRequestKey } from '@/db/queries/program';
import type { DbOrTx } from '@/db/tx';
import type { Db } from '@/db/client';
import { getLesson, getModule, loadAllQuestions, loadModules, type ClassroomModule } from './content/modules';
import { AppError } from './errors';
import { appendProgramEvents, listTraineeEvents, todayFor, type PlannedTrainee, type ProgramContext } from './program';

export type ClassroomTrainee = PlannedTrainee & { status: string };

let byId: Map<string, QuizQuestion> | undefined;
/** Every question of every bank by id (ids are unique across banks; lib/content/modules.ts checks it). */
export function questionsById(): ReadonlyMap<string, QuizQuestion> {
  byId ??= new Map(loadAllQuestions().map((q) => [q.id, q]));
  return byId;
}

export type ModuleProgress = {
  module: ClassroomModule;
  required: boolean;
  lessonsRead: string[];
  quiz: ModuleQuizState;
  placement: PlacementState;
  /** A lead may waive it now (domain/classroom.ts canLeadWaiveModule). */
  leadMayWaive: boolean;
};

export type ClassroomProgress = {
  modules: ModuleProgress[];
  requiredModuleIds: string[];
  outstandingModuleIds: string[];
  /** Every required module passed or waived. */
  complete: boolean;
  /** The classroom stage's completion is on record (this feature's stage_completed or a lead's override). */
  stageRecorded: boolean;
  exam: ExamState;
  attempts: QuizAttempt[];
  waiverEvents: ProgramEvent[];
};

/**
 * Everything the classroom pages show for one trainee. Grades any exam whose time ran out first,
 * so what is shown (and the events on record) already include it.
 */
export function loadClassroomProgress(db: Db, ctx: ProgramContext, trainee: ClassroomTrainee, now: number): ClassroomProgress {
  gradeExpiredAttempts(db, ctx, trainee, now);
  const modules = loadModules();
  const attempts = listQuizAttempts(db, { traineeId: trainee.id });
  const read = listLessonProgress(db, { traineeId: trainee.id });
  const effective = resolveEffectiveEvents(listTraineeEvents(db, trainee.id)).effective;
  const waived = waivedModuleIds(effective);
  const required = requiredModuleIds(modules, trainee.traineeClass);
  const passed = passedModuleIds(attempts);
  const { attemptLimit } = ctx.settings.classroom.quiz;

  const progress = modules.map((module): ModuleProgress => {
    const quiz = moduleQuizState({ moduleId: module.id, attempts, attemptLimit, waived: waived.includes(module.id), now });
    return {
      module,
      required: required.includes(module.id),
      lessonsRead: read.filter((r) => r.moduleId === module.id).map((r) => r.lessonId),
      quiz,
      placement: placementState({ traineeClass: trainee.traineeClass, moduleId: module.id, attempts, moduleStatus: quiz.status }),
      leadMayWaive: canLeadWaiveModule({ traineeClass: trainee.traineeClass, status: quiz.status }),
    };
  });
  const completion = { requiredModuleIds: required, passedModuleIds: passed, waivedModuleIds: waived };
  const stageRecorded = isClassroomStageRecorded(effective);
  return {
    modules: progress,
    requiredModuleIds: required,
    outstandingModuleIds: outstandingModuleIds(completion),
    complete: isClassroomComplete(completion),
    stageRecorded,
    exam: examState({ classroomComplete: stageRecorded || isClassroomComplete(completion), exited: trainee.status === 'exited', attempts }),
    attempts,
    waiverEvents: effective.filter((e) => e.kind === 'module_waived'),
  };
}

/** Grades every attempt whose deadline has passed on the answers saved in time (exam papers left open). */
export function gradeExpiredAttempts(db: Db, ctx: ProgramContext, trainee: ClassroomTrainee, now: number): void {
  for (const attempt of listQuizAttempts(db, { traineeId: trainee.id })) {
    if (isAttemptExpired(attempt, now)) finishAttempt(db, { ctx, trainee, attemptId: attempt.id, submitted: null, now, actorId: null });
  }
}

export function completeLesson(
  db: Db,
  params: { trainee: ClassroomTrainee; moduleId: string; lessonId: string; now: number },
): { completedAt: number } {
  if (!getLesson(params.moduleId, params.lessonId)) throw new AppError('not_found');
  return markLessonComplete(db, { traineeId: params.trainee.id, moduleId: params.moduleId, lessonId: params.lessonId, completedAt: params.now });
}

function passMarkOf(ctx: ProgramContext, kind: QuizKind): number {
  if (kind === 'module') return ctx.settings.classroom.quiz.passMark;
  if (kind === 'placement') return ctx.settings.classroom.placementQuiz.passMark;
  return ctx.settings.exam.passMark;
}

/**
 * Starts (or resumes) an attempt. Refused with a coded error when the rules say no: attempt limit
 * reached, module already passed or waived, placement not open to this trainee, exam not yet open.
 * The draw's seed is stored so the paper can be reproduced.
 */
export function startAttempt(
  db: Db,
  params: { ctx: ProgramContext; trainee: ClassroomTrainee; kind: QuizKind; moduleId: string | null; now: number },
): QuizAttempt {
  const { ctx, trainee, kind, now } = params;
  const moduleId = kind === 'exam' ? null : params.moduleId;
  const module = moduleId === null ? undefined : getModule(moduleId);
  if (kind !== 'exam' && !module) throw new AppError('not_found');
  gradeExpiredAttempts(db, ctx, trainee, now);

  return db.transaction(
    (tx) => {
      const ongoing = findUngradedAttempt(tx, { traineeId: trainee.id, kind, moduleId });
      if (ongoing) return ongoing;
      const attempts = listQuizAttempts(tx, { traineeId: trainee.id });
      const effective = resolveEffectiveEvents(listTraineeEvents(tx, trainee.id)).effective;
      const waived = waivedModuleIds(effective);
      let bank: readonly QuizQuestion[];
      let count: number;
      let deadlineAt: number | null = null;

      if (kind === 'exam') {
        const required = requiredModuleIds(loadModules(), trainee.traineeClass);
        const complete =
          isClassroomStageRecorded(effective) ||
          isClassroomComplete({ requiredModuleIds: required, passedModuleIds: passedModuleIds(attempts), waivedModuleIds: waived });
        const state = examState({ classroomComplete: complete, exited: trainee.status === 'exited', attempts });
        if (state.status === 'passed') throw new AppError('exam_already_passed');
        if (state.status !== 'available') throw new AppError('exam_not_available');
        bank = examQuestionPool(loadAllQuestions());
        count = ctx.settings.exam.questionCount;
        deadlineAt = now + ctx.settings.exam.timeLimitMinutes * 60_000;
      } else {
        const id = moduleId as string;
        const quiz = moduleQuizState({ moduleId: id, attempts, attemptLimit: ctx.settings.classroom.quiz.attemptLimit, waived: waived.includes(id), now });
        if (quiz.status === 'passed' || quiz.status === 'waived') throw new AppError('module_already_done');
        if (kind === 'module') {
          if (quiz.status === 'limit_reached') throw new AppError('attempt_limit_reached');
          count = ctx.settings.classroom.quiz.questionCount;
        } else {
          const placement = placementState({ traineeClass: trainee.traineeClass, moduleId: id, attempts, moduleStatus: quiz.status });
          if (!placement.available) throw new AppError('placement_not_available');
          count = ctx.settings.classroom.placementQuiz.questionCount;
        }
        bank = (module as ClassroomModule).questions;
      }

      const drawn = drawQuiz({ bank, count, seed: randomUUID() });
      return startQuizAttempt(tx, { traineeId: trainee.id, kind, moduleId, drawn, startedAt: now, deadlineAt }).attempt;
    },
    { behavior: 'immediate' },
  );
}

/** Autosave: replaces the saved answers of an open attempt. `saved` false means the paper is closed. */
export function saveAnswers(
  db: Db,
  params: { trainee: ClassroomTrainee; attempt: QuizAttempt; answers: Record<string, string[]>; now: number },
): { saved: boolean } {
  if (params.attempt.traineeId !== params.trainee.id) throw new AppError('not_found');
  return db.transaction(
    (tx) => ({ saved: saveQuizAnswers(tx, { attemptId: params.attempt.id, answers: params.answers, now: params.now }).saved }),
    { behavior: 'immediate' },
  );
}

export type FinishedAttempt = { attempt: QuizAttempt; newlyGraded: boolean; timedOut: boolean; events: ProgramEvent[] };

/**
 * Grades the attempt once and, in the same transaction, records what the result causes:
 * a passed module quiz or placement quiz that leaves nothing outstanding completes the classroom
 * stage; a passed placement quiz waives its module; an exam is recorded for the solo-assessment gate.
 * A second submission returns the stored result and appends nothing.
 */
export function finishAttempt(
  db: Db,
  params: {
    ctx: ProgramContext;
    trainee: ClassroomTrainee;
    attemptId: number;
    submitted: Record<string, string[]> | null;
    now: number;
    actorId: number | null;
  },
): FinishedAttempt {
  const { ctx, trainee, now } = params;
  return db.transaction(
    (tx) => {
      const stored = getQuizAttempt(tx, { orgId: trainee.orgId, attemptId: params.attemptId });
      if (!stored || stored.traineeId !== trainee.id) throw new AppError('not_found');
      const outcome = gradeQuizAttempt(tx, {
        attemptId: stored.id,
        submitted: params.submitted,
        now,
        questionsById: questionsById(),
        passMark: passMarkOf(ctx, stored.kind),
      });
      if (!outcome) throw new AppError('not_found');
      if (!outcome.newlyGraded) return { ...outcome, events: [] };

      const { attempt } = outcome;
      const today = todayFor(ctx, now);
      const drafts: ProgramEventDraft[] = [];
      if (attempt.kind === 'exam') {
        drafts.push({ kind: 'exam_recorded', effectiveDate: today, payload: { passed: attempt.passed === true, scorePercent: attempt.scorePercent ?? 0 } });
      } else if (attempt.passed === true && attempt.moduleId) {
        const newlyWaived = attempt.kind === 'placement' ? [attempt.moduleId] : [];
        for (const moduleId of newlyWaived) drafts.push({ kind: 'module_waived', effectiveDate: today, payload: { moduleId, via: 'placement_quiz' } });
        drafts.push(...classroomCompletionDrafts(tx, trainee, today, newlyWaived));
      }
      const events =
        drafts.length === 0 ? [] : appendProgramEvents(tx, { ctx, trainee, drafts, actorId: params.actorId, today, nowMs: now }).events;
      return { ...outcome, events };
    },
    { behavior: 'immediate' },
  );
}

/**
 * stage_completed{classroom} when nothing required is outstanding (counting waivers about to be
 * appended) and the completion isn't on record yet. Read inside the grading transaction.
 */
function classroomCompletionDrafts(tx: DbOrTx, trainee: ClassroomTrainee, today: string, newlyWaived: readonly string[]): ProgramEventDraft[] {
  const effective = resolveEffectiveEvents(listTraineeEvents(tx, trainee.id)).effective;
  if (isClassroomStageRecorded(effective)) return [];
  const complete = isClassroomComplete({
    requiredModuleIds: requiredModuleIds(loadModules(), trainee.traineeClass),
    passedModuleIds: passedModuleIds(listQuizAttempts(tx, { traineeId: trainee.id })),
    waivedModuleIds: [...waivedModuleIds(effective), ...newlyWaived],
  });
  return complete ? [{ kind: 'stage_completed', effectiveDate: today, payload: { stage: 'classroom' } }] : [];
}

/**
 * A lead waives a module with a reason (SPEC: B by a lead's waiver; A only once the attempt limit is
 * used up — domain/classroom.ts canLeadWaiveModule). The same form submitted twice records once.
 */
export function waiveModuleByLead(
  db: Db,
  params: { ctx: ProgramContext; trainee: ClassroomTrainee; moduleId: string; reason: string; actorId: number; requestKey: string; now: number },
): { events: ProgramEvent[]; duplicate: boolean } {
  const { ctx, trainee, moduleId, now } = params;
  if (!getModule(moduleId)) throw new AppError('not_found');
  return db.transaction(
    (tx) => {
      const today = todayFor(ctx, now);
      const effective = resolveEffectiveEvents(listTraineeEvents(tx, trainee.id)).effective;
      const attempts = listQuizAttempts(tx, { traineeId: trainee.id });
      const quiz = moduleQuizState({
        moduleId,
        attempts,
        attemptLimit: ctx.settings.classroom.quiz.attemptLimit,
        waived: waivedModuleIds(effective).includes(moduleId),
        now,
      });
      const drafts: ProgramEventDraft[] = [
        { kind: 'module_waived', effectiveDate: today, reason: params.reason, payload: { moduleId, via: 'lead' } },
      ];
      const append = () =>
        appendProgramEvents(tx, { ctx, trainee, drafts, actorId: params.actorId, today, requestKey: params.requestKey, nowMs: now });
      // A resubmitted form finds its own waiver: answer like the first time (appendProgramEvents returns it) instead of refusing.
      if (findEventsByRequestKey(tx, { requestKey: params.requestKey }).length > 0) return append();
      if (!canLeadWaiveModule({ traineeClass: trainee.traineeClass, status: quiz.status })) throw new AppError('waiver_not_allowed');
      drafts.push(...classroomCompletionDrafts(tx, trainee, today, [moduleId]));
      return append();
    },
    { behavior: 'immediate' },
  );
}
