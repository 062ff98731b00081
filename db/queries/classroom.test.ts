import { describe, expect, it } from 'vitest';
import { DEADLINE_GRACE_MS, moduleQuizState } from '@/domain/classroom';
import { drawQuiz, type QuizQuestion } from '@/domain/quiz';
import { createTestDb } from '@/lib/test/db';
import { organisations, trainees, users } from '../schema';
import {
  findUngradedAttempt,
  getQuizAttempt,
  gradeQuizAttempt,
  listLessonProgress,
  listQuizAttempts,
  markLessonComplete,
  saveQuizAnswers,
  startQuizAttempt,
} from './classroom';

const BANK: QuizQuestion[] = Array.from({ length: 12 }, (_, i) => ({
  id: `tst-${String(i).padStart(3, '0')}`,
  type: i % 3 === 0 ? 'multiple' : 'single',
  prompt: `第${i}题`,
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `${id}-${i}` })),
  answer: i % 3 === 0 ? ['a', 'c'] : ['b'],
  explanation: '解析',
  source: 'seeds/002',
}));
const BY_ID = new Map(BANK.map((q) => [q.id, q]));
const PASS_MARK = 80;

function setup() {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const other = db.insert(organisations).values({ name: 'Other' }).returning().get();
  const user = db.insert(users).values({ orgId: org.id, username: 'tr', displayName: 'Tr', passwordHash: 'x' }).returning().get();
  const trainee = db
    .insert(trainees)
    .values({ orgId: org.id, userId: user.id, traineeClass: 'A', cohort: 'c', startDate: '2026-11-02' })
    .returning()
    .get();
  return { db, orgId: org.id, otherOrgId: other.id, traineeId: trainee.id };
}

function keyAnswers(questionIds: readonly string[], wrong = 0): Record<string, string[]> {
  return Object.fromEntries(
    questionIds.map((id, i) => {
      const q = BY_ID.get(id)!;
      return [id, i < wrong ? ['d'] : [...q.answer]];
    }),
  );
}

function start(db: ReturnType<typeof setup>['db'], traineeId: number, seed: string, opts: { deadlineAt?: number | null; startedAt?: number } = {}) {
  const drawn = drawQuiz({ bank: BANK, count: 10, seed });
  return startQuizAttempt(db, {
    traineeId,
    kind: opts.deadlineAt ? 'exam' : 'module',
    moduleId: opts.deadlineAt ? null : 'mod',
    drawn,
    startedAt: opts.startedAt ?? 1_000,
    deadlineAt: opts.deadlineAt ?? null,
  });
}

describe('quiz attempt lifecycle', () => {
  it('draw → save answers → grade once → a resubmission is ignored', () => {
    const { db, orgId, otherOrgId, traineeId } = setup();
    const { attempt, created } = start(db, traineeId, 'seed-1');
    expect(created).toBe(true);
    expect(attempt).toMatchObject({ seed: 'seed-1', submittedAt: null, answers: {} });
    expect(attempt.questionIds).toHaveLength(10);
    expect(Object.keys(attempt.optionOrder).sort()).toEqual([...attempt.questionIds].sort());

    // A second start while it is open resumes it: a double click is one attempt.
    const again = start(db, traineeId, 'seed-other');
    expect(again).toMatchObject({ created: false, attempt: { id: attempt.id, seed: 'seed-1' } });

    const partial = keyAnswers(attempt.questionIds.slice(0, 4));
    expect(saveQuizAnswers(db, { attemptId: attempt.id, answers: partial, now: 2_000 }).saved).toBe(true);
    expect(getQuizAttempt(db, { orgId, attemptId: attempt.id })?.answers).toEqual(partial);
    expect(getQuizAttempt(db, { orgId: otherOrgId, attemptId: attempt.id })).toBeNull();

    const first = gradeQuizAttempt(db, {
      attemptId: attempt.id,
      submitted: keyAnswers(attempt.questionIds, 3),
      now: 3_000,
      questionsById: BY_ID,
      passMark: PASS_MARK,
    });
    expect(first).toMatchObject({ newlyGraded: true, timedOut: false, attempt: { submittedAt: 3_000, scorePercent: 70, passed: false } });

    const resubmitted = gradeQuizAttempt(db, {
      attemptId: attempt.id,
      submitted: keyAnswers(attempt.questionIds),
      now: 4_000,
      questionsById: BY_ID,
      passMark: PASS_MARK,
    });
    expect(resubmitted).toMatchObject({ newlyGraded: false, attempt: { submittedAt: 3_000, scorePercent: 70, passed: false } });
    expect(saveQuizAnswers(db, { attemptId: attempt.id, answers: {}, now: 5_000 }).saved).toBe(false);
    expect(getQuizAttempt(db, { orgId, attemptId: attempt.id })?.answers).toEqual(keyAnswers(attempt.questionIds, 3));
    expect(findUngradedAttempt(db, { traineeId, kind: 'module', moduleId: 'mod' })).toBeNull();
  });

  it('stores only answers that fit the paper', () => {
    const { db, traineeId } = setup();
    const { attempt } = start(db, traineeId, 'seed-fit');
    const [q1] = attempt.questionIds;
    const graded = gradeQuizAttempt(db, {
      attemptId: attempt.id,
      submitted: { [q1!]: ['b', 'zzz'], 'not-on-paper': ['a'] },
      now: 2_000,
      questionsById: BY_ID,
      passMark: PASS_MARK,
    });
    expect(Object.keys(graded!.attempt.answers)).toEqual([q1]);
    expect(graded!.attempt.answers[q1!]).toEqual(['b']);
  });

  it('a timed-out attempt refuses saves and is graded on what was saved in time', () => {
    const { db, traineeId } = setup();
    const deadlineAt = 100_000;
    const { attempt } = start(db, traineeId, 'seed-exam', { deadlineAt, startedAt: 1_000 });
    const saved = keyAnswers(attempt.questionIds.slice(0, 6));
    expect(saveQuizAnswers(db, { attemptId: attempt.id, answers: saved, now: deadlineAt - 1 }).saved).toBe(true);
    const late = deadlineAt + DEADLINE_GRACE_MS + 1;
    expect(saveQuizAnswers(db, { attemptId: attempt.id, answers: keyAnswers(attempt.questionIds), now: late }).saved).toBe(false);

    // Submitted late with every answer right: only the six saved in time count.
    const graded = gradeQuizAttempt(db, {
      attemptId: attempt.id,
      submitted: keyAnswers(attempt.questionIds),
      now: late,
      questionsById: BY_ID,
      passMark: PASS_MARK,
    });
    expect(graded).toMatchObject({ newlyGraded: true, timedOut: true, attempt: { scorePercent: 60, passed: false, answers: saved } });

    // Graded lazily (nothing submitted), e.g. when the trainee next opens the page.
    const other = start(db, traineeId, 'seed-exam-2', { deadlineAt, startedAt: 1_000 });
    saveQuizAnswers(db, { attemptId: other.attempt.id, answers: keyAnswers(other.attempt.questionIds), now: 5_000 });
    const lazy = gradeQuizAttempt(db, { attemptId: other.attempt.id, submitted: null, now: late, questionsById: BY_ID, passMark: PASS_MARK });
    expect(lazy).toMatchObject({ newlyGraded: true, timedOut: true, attempt: { scorePercent: 100, passed: true } });
  });

  it('the attempt limit counts every started attempt of the module', () => {
    const { db, traineeId } = setup();
    const limit = 3;
    for (let i = 0; i < limit; i++) {
      const state = moduleQuizState({ moduleId: 'mod', attempts: listQuizAttempts(db, { traineeId }), attemptLimit: limit, waived: false, now: 0 });
      expect(state.status).toBe('available');
      const { attempt } = start(db, traineeId, `try-${i}`);
      gradeQuizAttempt(db, { attemptId: attempt.id, submitted: keyAnswers(attempt.questionIds, 5), now: 2_000 + i, questionsById: BY_ID, passMark: PASS_MARK });
    }
    const attempts = listQuizAttempts(db, { traineeId });
    expect(attempts.map((a) => a.seed)).toEqual(['try-0', 'try-1', 'try-2']);
    expect(moduleQuizState({ moduleId: 'mod', attempts, attemptLimit: limit, waived: false, now: 0 })).toMatchObject({
      status: 'limit_reached',
      attemptsLeft: 0,
      bestScorePercent: 50,
    });
  });
});

describe('lesson progress', () => {
  it('records a lesson once and keeps the first completion time', () => {
    const { db, traineeId } = setup();
    expect(markLessonComplete(db, { traineeId, moduleId: 'mod', lessonId: 'les-1', completedAt: 10 })).toEqual({ completedAt: 10 });
    expect(markLessonComplete(db, { traineeId, moduleId: 'mod', lessonId: 'les-1', completedAt: 20 })).toEqual({ completedAt: 10 });
    markLessonComplete(db, { traineeId, moduleId: 'other', lessonId: 'les-9', completedAt: 30 });
    expect(listLessonProgress(db, { traineeId, moduleId: 'mod' })).toEqual([{ lessonId: 'les-1', moduleId: 'mod', completedAt: 10 }]);
    expect(listLessonProgress(db, { traineeId })).toHaveLength(2);
  });
});
