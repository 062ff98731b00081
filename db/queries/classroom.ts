// Classroom facts: lessons read and quiz attempts (module quizzes, placement quizzes, the exam).
// An attempt is drawn once, collects saved answers while open, and is graded exactly once: the grade
// is written with `submitted_at IS NULL` in the condition, so a second submission changes nothing.
// Callers pass a trainee id they have already authorized, or an orgId to scope a lookup by attempt id.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { answersForPaper, answersToGrade, gradePaper, isAttemptOpen, paperQuestions, type QuizKind } from '@/domain/classroom';
import type { DrawnQuiz, QuizQuestion } from '@/domain/quiz';
import type { DbOrTx } from '../tx';
import { lessonProgress, quizAttempts, trainees, type QuizAttempt } from '../schema';

export type { QuizAttempt };

// ---- lessons

/** Marks a lesson read; reading it again keeps the first time. Returns when it was first completed. */
export function markLessonComplete(
  db: DbOrTx,
  params: { traineeId: number; moduleId: string; lessonId: string; completedAt: number },
): { completedAt: number } {
  db.insert(lessonProgress)
    .values({ traineeId: params.traineeId, moduleId: params.moduleId, lessonId: params.lessonId, completedAt: params.completedAt })
    .onConflictDoNothing()
    .run();
  const row = db
    .select({ completedAt: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.traineeId, params.traineeId), eq(lessonProgress.lessonId, params.lessonId)))
    .get();
  return { completedAt: row?.completedAt ?? params.completedAt };
}

export function listLessonProgress(db: DbOrTx, params: { traineeId: number; moduleId?: string }) {
  const conditions = [eq(lessonProgress.traineeId, params.traineeId)];
  if (params.moduleId) conditions.push(eq(lessonProgress.moduleId, params.moduleId));
  return db
    .select({ lessonId: lessonProgress.lessonId, moduleId: lessonProgress.moduleId, completedAt: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(and(...conditions))
    .orderBy(asc(lessonProgress.completedAt))
    .all();
}

// ---- attempts

/** Every attempt of a trainee (all kinds), oldest first. */
export function listQuizAttempts(db: DbOrTx, params: { traineeId: number }): QuizAttempt[] {
  return db.select().from(quizAttempts).where(eq(quizAttempts.traineeId, params.traineeId)).orderBy(asc(quizAttempts.id)).all();
}

/** An attempt of a trainee of the organisation, or null; the caller then authorizes on its trainee. */
export function getQuizAttempt(db: DbOrTx, params: { orgId: number; attemptId: number }): QuizAttempt | null {
  const row = db
    .select({ attempt: quizAttempts })
    .from(quizAttempts)
    .innerJoin(trainees, eq(trainees.id, quizAttempts.traineeId))
    .where(and(eq(quizAttempts.id, params.attemptId), eq(trainees.orgId, params.orgId)))
    .get();
  return row?.attempt ?? null;
}

function getAttemptById(db: DbOrTx, attemptId: number): QuizAttempt | null {
  return db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).get() ?? null;
}

/** The trainee's ungraded attempt of this kind (and module), if any. */
export function findUngradedAttempt(
  db: DbOrTx,
  params: { traineeId: number; kind: QuizKind; moduleId: string | null },
): QuizAttempt | null {
  return (
    db
      .select()
      .from(quizAttempts)
      .where(
        and(
          eq(quizAttempts.traineeId, params.traineeId),
          eq(quizAttempts.kind, params.kind),
          params.moduleId === null ? isNull(quizAttempts.moduleId) : eq(quizAttempts.moduleId, params.moduleId),
          isNull(quizAttempts.submittedAt),
        ),
      )
      .orderBy(asc(quizAttempts.id))
      .get() ?? null
  );
}

/**
 * Stores a drawn paper as a new attempt. If the trainee already has an ungraded attempt of this kind
 * and module, that one is returned instead (a double click starts one attempt, not two); the caller
 * grades an expired one before starting, inside the same transaction.
 */
export function startQuizAttempt(
  tx: DbOrTx,
  params: { traineeId: number; kind: QuizKind; moduleId: string | null; drawn: DrawnQuiz; startedAt: number; deadlineAt: number | null },
): { attempt: QuizAttempt; created: boolean } {
  const existing = findUngradedAttempt(tx, params);
  if (existing) return { attempt: existing, created: false };
  const attempt = tx
    .insert(quizAttempts)
    .values({
      traineeId: params.traineeId,
      kind: params.kind,
      moduleId: params.moduleId,
      seed: params.drawn.seed,
      questionIds: params.drawn.questionIds,
      optionOrder: params.drawn.optionOrder,
      answers: {},
      startedAt: params.startedAt,
      deadlineAt: params.deadlineAt,
    })
    .returning()
    .get();
  return { attempt, created: true };
}

/**
 * Replaces the attempt's saved answers while it is open. A graded or timed-out attempt keeps what it
 * had: `saved` is false and the caller tells the trainee the paper is closed.
 */
export function saveQuizAnswers(
  tx: DbOrTx,
  params: { attemptId: number; answers: Record<string, string[]>; now: number },
): { saved: boolean; attempt: QuizAttempt | null } {
  const attempt = getAttemptById(tx, params.attemptId);
  if (!attempt || !isAttemptOpen(attempt, params.now)) return { saved: false, attempt };
  const result = tx
    .update(quizAttempts)
    .set({ answers: params.answers })
    .where(and(eq(quizAttempts.id, params.attemptId), isNull(quizAttempts.submittedAt)))
    .run();
  return { saved: result.changes === 1, attempt: getAttemptById(tx, params.attemptId) };
}

export type GradeOutcome = {
  attempt: QuizAttempt;
  /** false when the attempt was already graded: nothing was written and the stored result stands. */
  newlyGraded: boolean;
  /** Graded after its deadline, on the answers saved in time. */
  timedOut: boolean;
};

/**
 * Grades the attempt once. `submitted` is the form as sent (null when grading lazily, e.g. an exam
 * whose time ran out). Run it in an immediate transaction together with whatever the result causes.
 */
export function gradeQuizAttempt(
  tx: DbOrTx,
  params: {
    attemptId: number;
    submitted: Record<string, string[]> | null;
    now: number;
    questionsById: ReadonlyMap<string, QuizQuestion>;
    passMark: number;
  },
): GradeOutcome | null {
  const attempt = getAttemptById(tx, params.attemptId);
  if (!attempt) return null;
  if (attempt.submittedAt !== null) return { attempt, newlyGraded: false, timedOut: false };
  const chosen = answersToGrade({ attempt, submitted: params.submitted, now: params.now });
  const paper = new Map(paperQuestions(attempt.questionIds, params.questionsById).map((q) => [q.id, q]));
  const answers = answersForPaper(chosen.answers, paper);
  const timedOut = chosen.timedOut;
  const grade = gradePaper({ questionIds: attempt.questionIds, questionsById: params.questionsById, answers, passMark: params.passMark });
  const result = tx
    .update(quizAttempts)
    .set({ answers, submittedAt: params.now, scorePercent: grade.scorePercent, passed: grade.passed })
    .where(and(eq(quizAttempts.id, attempt.id), isNull(quizAttempts.submittedAt)))
    .run();
  const stored = getAttemptById(tx, attempt.id) as QuizAttempt;
  return { attempt: stored, newlyGraded: result.changes === 1, timedOut };
}
