import { describe, expect, it } from 'vitest';
import { DEADLINE_GRACE_MS } from '@/domain/classroom';
import { listTraineeEventRows } from '@/db/queries/program';
import { listQuizAttempts } from '@/db/queries/classroom';
import { organisations, trainees, users } from '@/db/schema';
import type { QuizAttempt } from '@/db/queries/classroom';
import { finishAttempt, loadClassroomProgress, questionsById, saveAnswers, startAttempt, waiveModuleByLead, type ClassroomTrainee } from './classroom';
import { loadModules } from './content/modules';
import { appendProgramEvents, computeTraineePlan, loadProgramContext, todayFor } from './program';
import { createTestDb } from './test/db';

// 2026-11-02 10:00 in Shanghai: a Monday.
const T0 = Date.parse('2026-11-02T02:00:00Z');
const MINUTE = 60_000;

function setup(traineeClass: 'A' | 'B') {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const user = db.insert(users).values({ orgId: org.id, username: 'tr', displayName: 'Tr', passwordHash: 'x' }).returning().get();
  const lead = db.insert(users).values({ orgId: org.id, username: 'lead', displayName: 'Lead', passwordHash: 'x' }).returning().get();
  const row = db
    .insert(trainees)
    .values({ orgId: org.id, userId: user.id, traineeClass, cohort: 'c', startDate: '2026-11-02' })
    .returning()
    .get();
  const trainee: ClassroomTrainee = { id: row.id, orgId: org.id, traineeClass, startDate: '2026-11-02', status: 'on_track' };
  const ctx = loadProgramContext(db, org.id);
  appendProgramEvents(db, { ctx, trainee, drafts: [{ kind: 'enrolled', effectiveDate: '2026-11-02', payload: {} }], actorId: null, today: todayFor(ctx, T0) });
  return { db, ctx, trainee, userId: user.id, leadId: lead.id };
}

/** The key's answers, with the first `wrong` questions answered wrongly. */
function answers(attempt: QuizAttempt, wrong = 0): Record<string, string[]> {
  return Object.fromEntries(
    attempt.questionIds.map((id, i) => {
      const q = questionsById().get(id)!;
      return [id, i < wrong ? [q.options.find((o) => !q.answer.includes(o.id))!.id] : [...q.answer]];
    }),
  );
}

function eventKinds(db: ReturnType<typeof setup>['db'], traineeId: number) {
  return listTraineeEventRows(db, { traineeId }).map((e) => ({ kind: e.kind, payload: e.payload }));
}

const MODULE_IDS = loadModules().map((m) => m.id);

describe('module quizzes and the classroom stage', () => {
  it('the last required pass appends stage_completed{classroom} in the grading transaction; a resubmission appends nothing', () => {
    const { db, ctx, trainee, userId } = setup('A');
    let now = T0;
    for (const moduleId of MODULE_IDS.slice(0, -1)) {
      const attempt = startAttempt(db, { ctx, trainee, kind: 'module', moduleId, now: (now += MINUTE) });
      const done = finishAttempt(db, { ctx, trainee, attemptId: attempt.id, submitted: answers(attempt), now: (now += MINUTE), actorId: userId });
      expect(done.events).toEqual([]);
    }
    const last = MODULE_IDS.at(-1)!;
    const failed = startAttempt(db, { ctx, trainee, kind: 'module', moduleId: last, now: (now += MINUTE) });
    const failure = finishAttempt(db, { ctx, trainee, attemptId: failed.id, submitted: answers(failed, 5), now: (now += MINUTE), actorId: userId });
    expect(failure).toMatchObject({ newlyGraded: true, events: [], attempt: { passed: false, scorePercent: 50 } });
    expect(loadClassroomProgress(db, ctx, trainee, now)).toMatchObject({ complete: false, outstandingModuleIds: [last], exam: { status: 'not_yet' } });

    const retake = startAttempt(db, { ctx, trainee, kind: 'module', moduleId: last, now: (now += MINUTE) });
    expect(retake.id).not.toBe(failed.id);
    expect(retake.seed).not.toBe(failed.seed);
    const pass = finishAttempt(db, { ctx, trainee, attemptId: retake.id, submitted: answers(retake, 2), now: (now += MINUTE), actorId: userId });
    expect(pass.attempt).toMatchObject({ passed: true, scorePercent: 80 });
    expect(pass.events.map((e) => e.kind)).toEqual(['stage_completed']);
    expect(eventKinds(db, trainee.id).at(-1)).toEqual({ kind: 'stage_completed', payload: { stage: 'classroom' } });

    const again = finishAttempt(db, { ctx, trainee, attemptId: retake.id, submitted: answers(retake, 10), now: (now += MINUTE), actorId: userId });
    expect(again).toMatchObject({ newlyGraded: false, events: [], attempt: { scorePercent: 80 } });
    expect(eventKinds(db, trainee.id).filter((e) => e.kind === 'stage_completed')).toHaveLength(1);

    const progress = loadClassroomProgress(db, ctx, trainee, now);
    expect(progress).toMatchObject({ complete: true, stageRecorded: true, exam: { status: 'available' } });
    const plan = computeTraineePlan(db, ctx, trainee, todayFor(ctx, now));
    expect(plan.blocks.find((b) => b.stage === 'classroom')?.outcome).toBe('completed');
    expect(() => startAttempt(db, { ctx, trainee, kind: 'module', moduleId: last, now })).toThrow('module_already_done');
  });

  it('refuses a fourth attempt once the limit is used up; then, and only then, a lead may waive an A module', () => {
    const { db, ctx, trainee, userId, leadId } = setup('A');
    const moduleId = MODULE_IDS[0]!;
    const waive = (requestKey: string) =>
      waiveModuleByLead(db, { ctx, trainee, moduleId, reason: '多次未通过,主管面谈后豁免', actorId: leadId, requestKey, now: T0 + 99 * MINUTE });
    expect(() => waive('early-waiver-key-0001')).toThrow('waiver_not_allowed');
    for (let i = 0; i < ctx.settings.classroom.quiz.attemptLimit; i++) {
      const attempt = startAttempt(db, { ctx, trainee, kind: 'module', moduleId, now: T0 + i * MINUTE });
      finishAttempt(db, { ctx, trainee, attemptId: attempt.id, submitted: {}, now: T0 + i * MINUTE + 1, actorId: userId });
    }
    expect(() => startAttempt(db, { ctx, trainee, kind: 'module', moduleId, now: T0 + 50 * MINUTE })).toThrow('attempt_limit_reached');
    expect(loadClassroomProgress(db, ctx, trainee, T0 + 50 * MINUTE).modules[0]).toMatchObject({ quiz: { status: 'limit_reached' }, leadMayWaive: true });

    const first = waive('late-waiver-key-00001');
    const second = waive('late-waiver-key-00001');
    expect(second.duplicate).toBe(true);
    expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    const waivers = listTraineeEventRows(db, { traineeId: trainee.id }).filter((e) => e.kind === 'module_waived');
    expect(waivers).toHaveLength(1);
    expect(waivers[0]).toMatchObject({ payload: { moduleId, via: 'lead' }, reason: '多次未通过,主管面谈后豁免', actorId: leadId });
    expect(loadClassroomProgress(db, ctx, trainee, T0 + 100 * MINUTE).modules[0]?.quiz.status).toBe('waived');
  });
});

describe('placement quizzes (B)', () => {
  it('a passed placement quiz waives its module; a failed one leaves the module to study, once only', () => {
    const { db, ctx, trainee, userId } = setup('B');
    const [passMod, failMod] = MODULE_IDS;
    const placement = startAttempt(db, { ctx, trainee, kind: 'placement', moduleId: passMod!, now: T0 });
    expect(placement.questionIds).toHaveLength(ctx.settings.classroom.placementQuiz.questionCount);
    const passed = finishAttempt(db, { ctx, trainee, attemptId: placement.id, submitted: answers(placement, 1), now: T0 + MINUTE, actorId: userId });
    expect(passed.events.map((e) => ({ kind: e.kind, payload: e.payload }))).toEqual([
      { kind: 'module_waived', payload: { moduleId: passMod, via: 'placement_quiz' } },
    ]);
    expect(() => startAttempt(db, { ctx, trainee, kind: 'module', moduleId: passMod!, now: T0 + 2 * MINUTE })).toThrow('module_already_done');

    const second = startAttempt(db, { ctx, trainee, kind: 'placement', moduleId: failMod!, now: T0 + 3 * MINUTE });
    // 3 wrong of 15 is 80%, under the placement pass mark.
    const failed = finishAttempt(db, { ctx, trainee, attemptId: second.id, submitted: answers(second, 3), now: T0 + 4 * MINUTE, actorId: userId });
    expect(failed).toMatchObject({ events: [], attempt: { passed: false } });
    expect(() => startAttempt(db, { ctx, trainee, kind: 'placement', moduleId: failMod!, now: T0 + 5 * MINUTE })).toThrow('placement_not_available');
    expect(startAttempt(db, { ctx, trainee, kind: 'module', moduleId: failMod!, now: T0 + 6 * MINUTE }).kind).toBe('module');

    const progress = loadClassroomProgress(db, ctx, trainee, T0 + 7 * MINUTE);
    expect(progress.modules.find((m) => m.module.id === passMod)?.quiz.status).toBe('waived');
    expect(progress.outstandingModuleIds).not.toContain(passMod);
  });

  it('waiving the last outstanding module by placement completes the classroom', () => {
    const { db, ctx, trainee, userId } = setup('B');
    let now = T0;
    for (const moduleId of MODULE_IDS.slice(1)) {
      const attempt = startAttempt(db, { ctx, trainee, kind: 'module', moduleId, now: (now += MINUTE) });
      finishAttempt(db, { ctx, trainee, attemptId: attempt.id, submitted: answers(attempt), now: (now += MINUTE), actorId: userId });
    }
    const placement = startAttempt(db, { ctx, trainee, kind: 'placement', moduleId: MODULE_IDS[0]!, now: (now += MINUTE) });
    const done = finishAttempt(db, { ctx, trainee, attemptId: placement.id, submitted: answers(placement), now: (now += MINUTE), actorId: userId });
    expect(done.events.map((e) => e.kind)).toEqual(['module_waived', 'stage_completed']);
  });

  it('an A trainee has no placement quiz', () => {
    const { db, ctx, trainee } = setup('A');
    expect(() => startAttempt(db, { ctx, trainee, kind: 'placement', moduleId: MODULE_IDS[0]!, now: T0 })).toThrow('placement_not_available');
  });
});

describe('the business-knowledge exam', () => {
  function completeClassroom(setupResult: ReturnType<typeof setup>) {
    const { db, ctx, trainee } = setupResult;
    appendProgramEvents(db, {
      ctx,
      trainee,
      drafts: [{ kind: 'override', effectiveDate: '2026-11-02', reason: '主管确认', payload: { action: 'complete_stage', stage: 'classroom' } }],
      actorId: null,
      today: '2026-11-02',
    });
  }

  it('is closed until the classroom is complete', () => {
    const { db, ctx, trainee } = setup('A');
    expect(() => startAttempt(db, { ctx, trainee, kind: 'exam', moduleId: null, now: T0 })).toThrow('exam_not_available');
  });

  it('is timed, one paper at a time, records exam_recorded, and closes once passed', () => {
    const s = setup('A');
    completeClassroom(s);
    const { db, ctx, trainee, userId } = s;
    const exam = startAttempt(db, { ctx, trainee, kind: 'exam', moduleId: null, now: T0 });
    expect(exam).toMatchObject({ moduleId: null, deadlineAt: T0 + ctx.settings.exam.timeLimitMinutes * MINUTE });
    expect(exam.questionIds).toHaveLength(ctx.settings.exam.questionCount);
    expect(new Set(exam.questionIds.map((id) => questionsById().get(id)!.prompt)).size).toBe(exam.questionIds.length);
    expect(startAttempt(db, { ctx, trainee, kind: 'exam', moduleId: null, now: T0 + MINUTE }).id).toBe(exam.id);

    const result = finishAttempt(db, { ctx, trainee, attemptId: exam.id, submitted: answers(exam), now: T0 + 10 * MINUTE, actorId: userId });
    expect(result.events.map((e) => ({ kind: e.kind, payload: e.payload }))).toEqual([{ kind: 'exam_recorded', payload: { passed: true, scorePercent: 100 } }]);
    expect(computeTraineePlan(db, ctx, trainee, '2026-11-02').exam).toMatchObject({ passed: true, bestScorePercent: 100 });
    expect(() => startAttempt(db, { ctx, trainee, kind: 'exam', moduleId: null, now: T0 + 11 * MINUTE })).toThrow('exam_already_passed');
  });

  it('a paper left open past its time limit is graded on the saved answers when next opened', () => {
    const s = setup('A');
    completeClassroom(s);
    const { db, ctx, trainee } = s;
    const exam = startAttempt(db, { ctx, trainee, kind: 'exam', moduleId: null, now: T0 });
    const all = answers(exam);
    const half = Object.fromEntries(Object.entries(all).slice(0, exam.questionIds.length / 2));
    expect(saveAnswers(db, { trainee, attempt: exam, answers: half, now: T0 + 5 * MINUTE })).toEqual({ saved: true });
    const late = exam.deadlineAt! + DEADLINE_GRACE_MS + 1;
    expect(saveAnswers(db, { trainee, attempt: exam, answers: all, now: late })).toEqual({ saved: false });

    const progress = loadClassroomProgress(db, ctx, trainee, late);
    expect(progress.exam).toMatchObject({ status: 'available', attemptsTaken: 1, bestScorePercent: 50 });
    expect(listQuizAttempts(db, { traineeId: trainee.id })[0]).toMatchObject({ scorePercent: 50, passed: false, submittedAt: late });
    expect(eventKinds(db, trainee.id).at(-1)).toEqual({ kind: 'exam_recorded', payload: { passed: false, scorePercent: 50 } });
    // Submitting the closed paper afterwards changes nothing.
    expect(finishAttempt(db, { ctx, trainee, attemptId: exam.id, submitted: all, now: late + 1, actorId: null })).toMatchObject({
      newlyGraded: false,
      attempt: { scorePercent: 50 },
    });
  });
});

describe('attempts belong to their trainee', () => {
  it('another trainee cannot save into or submit someone else’s attempt', () => {
    const a = setup('A');
    const attempt = startAttempt(a.db, { ctx: a.ctx, trainee: a.trainee, kind: 'module', moduleId: MODULE_IDS[0]!, now: T0 });
    const intruder = { ...a.trainee, id: a.trainee.id + 1000 };
    expect(() => saveAnswers(a.db, { trainee: intruder, attempt, answers: {}, now: T0 })).toThrow('not_found');
    expect(() => finishAttempt(a.db, { ctx: a.ctx, trainee: intruder, attemptId: attempt.id, submitted: {}, now: T0, actorId: null })).toThrow('not_found');
  });
});
