import { afterEach, describe, expect, it, vi } from 'vitest';
import { callReviews, programEvents } from '@/db/schema';
import { getTrainee } from '@/db/queries/trainees';
import { loadSoloWeek } from '@/lib/assessment';
import type { Actor } from '@/lib/authz';
import { loadScorecard } from '@/lib/content/scorecard';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, listTraineeEvents, loadProgramContext } from '@/lib/program';
import { createAssessmentFixture, reviewAnswer, SOLO_DAYS, SOLO_START, type AssessmentFixture } from '@/lib/test/assessment-fixture';
import { setToday } from '@/lib/test/floor-fixture';
import { confirmSoloResult, correctSoloResult, overrideSoloResult, submitAssessmentReview } from './handlers';

afterEach(() => {
  vi.useRealTimers();
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected a refusal');
}

const key = (n: number) => `request-key-${String(n).padStart(8, '0')}`;

function plan(f: AssessmentFixture, today: string) {
  const ctx = loadProgramContext(f.db, f.org.id);
  return computeTraineePlan(f.db, ctx, f.trainee, today);
}

function week(f: AssessmentFixture, today: string) {
  const ctx = loadProgramContext(f.db, f.org.id);
  return loadSoloWeek(f.db, { plan: plan(f, today), traineeId: f.trainee.id, settings: ctx.settings, scorecard: loadScorecard(), today })!;
}

function score(f: AssessmentFixture, actor: Actor, callId: number, rating: 'met' | 'partial' | 'not_met' = 'met', critical = false) {
  return submitAssessmentReview(f.db, actor, { traineeId: f.trainee.id, callId, review: reviewAnswer(rating, critical) });
}

describe('qa scoring a call of the solo week', () => {
  it("is qa's alone, for calls of the week's days up to today", () => {
    const f = createAssessmentFixture();
    const [first, , third] = f.addCalls(SOLO_DAYS.slice(0, 3), 1);
    const before = f.addCalls(['2026-11-13'], 1);
    setToday('2026-11-17');
    for (const actor of [f.mentor, f.lead, f.traineeActor, f.otherMentor, f.otherLead]) {
      expect(refusal(() => score(f, actor, first!)), actor.displayName).toBe('not_found');
    }
    // A call of a future day of the week, and one before the week: not assessable.
    expect(refusal(() => score(f, f.qa, third!))).toBe('assessment_call_not_in_week');
    expect(refusal(() => score(f, f.qa, before[0]!))).toBe('assessment_call_not_in_week');
    const saved = score(f, f.qa, first!, 'partial');
    expect(saved).toMatchObject({ duplicate: false, passed: false });
    expect(f.db.select().from(callReviews).all()).toHaveLength(1);
  });

  it('is immutable: posting again — any answer, any role — returns the stored review and changes nothing', () => {
    const f = createAssessmentFixture();
    const [callId] = f.addCalls([SOLO_START], 1);
    setToday(SOLO_START);
    const first = score(f, f.qa, callId!, 'not_met');
    const again = score(f, f.qa, callId!, 'met');
    expect(again).toEqual({ ...first, duplicate: true });
    const stored = f.db.select().from(callReviews).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.total).toBe(first.total);
    for (const actor of [f.mentor, f.lead, f.traineeActor, f.otherLead]) {
      expect(refusal(() => score(f, actor, callId!, 'met')), actor.displayName).toBe('not_found');
    }
    expect(f.db.select().from(callReviews).all()[0]).toEqual(stored[0]);
    // Once the week has its result, no call of it can be scored any more.
    const [late] = f.addCalls(['2026-11-18'], 1);
    setToday('2026-11-20');
    overrideSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed', reason: '提前结束', requestKey: key(1) }, { db: f.db, actor: f.lead });
    expect(refusal(() => score(f, f.qa, late!))).toBe('assessment_call_not_in_week');
  });
});

describe("the lead's result of the solo week", () => {
  function scoreWeek(f: AssessmentFixture, options: { rating?: 'met' | 'not_met'; critical?: boolean } = {}) {
    const ids = f.addCalls(SOLO_DAYS, 2);
    setToday('2026-11-20');
    ids.forEach((id, i) => score(f, f.qa, id, options.rating ?? 'met', options.critical === true && i === 0));
  }

  it('computes the result from the settings and shows every reason', () => {
    const f = createAssessmentFixture();
    scoreWeek(f, { critical: true });
    const w = week(f, '2026-11-20');
    expect(w.state).toBe('due');
    expect(w.result).toMatchObject({ passed: false, scoredCount: 10, reasons: ['critical_failure'] });
    expect(Object.keys(w.dimensions).sort()).toEqual(['business_mastery', 'service_language', 'service_warmth']);
  });

  it('a confirmed fail appends solo_failed and, in the same transaction, the extension and a new solo week', () => {
    const f = createAssessmentFixture();
    scoreWeek(f, { rating: 'not_met' });
    const ctx = { db: f.db, actor: f.lead };
    expect(refusal(() => confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'passed', requestKey: key(1) }, ctx))).toBe(
      'solo_result_needs_reason',
    );
    const recorded = confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed', requestKey: key(2) }, ctx);
    expect(recorded.kinds).toEqual(['solo_failed', 'extension_scheduled']);
    const after = plan(f, '2026-11-20');
    const solos = after.blocks.filter((b) => b.stage === 'solo');
    expect(solos.map((b) => b.outcome)).toEqual(['failed', null]);
    expect(after.blocks.some((b) => b.kind === 'extension' && b.start === '2026-11-23')).toBe(true);
    // The same form posted again records nothing and answers with the stored events.
    const again = confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed', requestKey: key(2) }, ctx);
    expect(again).toEqual({ ...recorded, duplicate: true });
    // A fresh submission for the week that now has a result is refused: the page was stale.
    expect(refusal(() => confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed', requestKey: key(3) }, ctx))).toBe('stale');
    expect(f.db.select().from(programEvents).all().filter((e) => e.kind === 'solo_failed')).toHaveLength(1);
  });

  it('only a lead records it; a mentor, qa or trainee posting directly gets not_found', () => {
    const f = createAssessmentFixture();
    scoreWeek(f);
    for (const actor of [f.qa, f.mentor, f.traineeActor, f.otherLead]) {
      const input = { traineeId: f.trainee.id, blockStart: SOLO_START, result: 'passed' as const, requestKey: key(9) };
      expect(refusal(() => confirmSoloResult(input, { db: f.db, actor })), actor.displayName).toBe('not_found');
    }
    const passed = confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'passed', requestKey: key(10) }, { db: f.db, actor: f.lead });
    expect(passed.kinds).toEqual(['solo_passed']);
    const stored = f.db.select().from(programEvents).all().find((e) => e.kind === 'solo_passed')!;
    expect(stored.payload).toMatchObject({ scorePercent: 100, overridden: false, assessment: { computed: 'passed', scoredCount: 10 } });
  });

  it('before the week is over, or against the computed result, a result is an override with a reason', () => {
    const f = createAssessmentFixture();
    f.addCalls(SOLO_DAYS, 1);
    setToday('2026-11-18');
    const input = { traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed' as const, requestKey: key(1) };
    expect(refusal(() => confirmSoloResult(input, { db: f.db, actor: f.lead }))).toBe('solo_result_needs_reason');
    const recorded = overrideSoloResult({ ...input, reason: '学员连续两天违反服务规范' }, { db: f.db, actor: f.lead });
    expect(recorded.kinds).toEqual(['solo_failed', 'extension_scheduled']);
    const event = f.db.select().from(programEvents).all().find((e) => e.kind === 'solo_failed')!;
    expect(event).toMatchObject({ effectiveDate: '2026-11-18', reason: '学员连续两天违反服务规范', actorId: f.lead.userId });
    expect(event.payload).toMatchObject({ overridden: true });
  });

  it('the second failure at the gate sets "needs decision" and schedules nothing', () => {
    const f = createAssessmentFixture();
    setToday('2026-11-23');
    const lead = { db: f.db, actor: f.lead };
    confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed', requestKey: key(1) }, lead);
    const second = plan(f, '2026-11-23').blocks.filter((b) => b.stage === 'solo')[1]!;
    expect(second.kind).toBe('regular');
    setToday(second.plannedEnd);
    const recorded = confirmSoloResult({ traineeId: f.trainee.id, blockStart: second.start, result: 'failed', requestKey: key(2) }, lead);
    expect(recorded.kinds).toEqual(['solo_failed']);
    const after = plan(f, second.plannedEnd);
    expect(after.status).toBe('needs_decision');
    expect(after.pendingDecision).toMatchObject({ gate: 'solo', failures: 2 });
    expect(getTrainee(f.db, { orgId: f.org.id, traineeId: f.trainee.id })?.status).toBe('needs_decision');
  });

  it('a recorded result is corrected by a superseding event with a reason, never edited', () => {
    const f = createAssessmentFixture();
    setToday('2026-11-23');
    const lead = { db: f.db, actor: f.lead };
    const failed = confirmSoloResult({ traineeId: f.trainee.id, blockStart: SOLO_START, result: 'failed', requestKey: key(1) }, lead);
    const failedId = failed.eventIds[0]!;
    const input = { traineeId: f.trainee.id, eventId: failedId, result: 'passed' as const, reason: '质检评分录错了学员', requestKey: key(2) };
    for (const actor of [f.qa, f.mentor, f.traineeActor, f.otherLead]) {
      expect(refusal(() => correctSoloResult(input, { db: f.db, actor })), actor.displayName).toBe('not_found');
    }
    expect(refusal(() => correctSoloResult({ ...input, result: 'failed' }, lead))).toBe('correction_same_result');
    const corrected = correctSoloResult(input, lead);
    expect(corrected.kinds).toEqual(['solo_passed']);
    const events = listTraineeEvents(f.db, f.trainee.id);
    const original = events.find((e) => e.id === failedId)!;
    expect(original.kind).toBe('solo_failed');
    const correction = events.find((e) => e.kind === 'solo_passed')!;
    expect(correction).toMatchObject({ effectiveDate: original.effectiveDate, reason: '质检评分录错了学员', payload: { supersedesEventId: failedId } });
    // The extension scheduled because of the failure is withdrawn with it.
    const after = plan(f, '2026-11-23');
    expect(after.blocks.some((b) => b.kind === 'extension')).toBe(false);
    expect(after.blocks.find((b) => b.stage === 'solo')?.outcome).toBe('passed');
    // The superseded result can't be corrected again; only the latest one can.
    expect(refusal(() => correctSoloResult({ ...input, requestKey: key(3) }, lead))).toBe('correction_not_latest');
  });
});
