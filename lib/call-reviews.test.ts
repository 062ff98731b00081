import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listSampledCallRows } from '@/db/queries/calls';
import { callReviews, traineeDays } from '@/db/schema';
import type { CallReviewInput } from '@/domain/scorecard';
import { acknowledgeReview, MENTOR_REVIEW_POLICY, submitCallReview, type ReviewSubmission } from './call-reviews';
import { drawDailySample, replaceDailySampleCall } from './call-samples';
import { importCalls, validateCallRows } from './calls-import';
import { loadScorecard } from './content/scorecard';
import { AppError } from './errors';
import { createCallsFixture, fullReview, NOW_MS, TODAY, type CallsFixture } from './test/calls-fixture';

const scorecard = loadScorecard();
const options = { policy: MENTOR_REVIEW_POLICY, scorecard, nowMs: NOW_MS };

function sampledDay(): { f: CallsFixture; callIds: number[]; unsampledCallId: number } {
  const f = createCallsFixture();
  const raw = [60, 70, 80, 90, 100, 110, 120].map((durationSec, i) => ({
    row: i,
    values: { callId: `R-${i}`, agent: 'trainee', startTime: `${TODAY} 10:0${i}:00`, durationSec, direction: 'inbound' },
  }));
  const { rows } = validateCallRows(raw, { timeZone: 'Asia/Shanghai', nowMs: NOW_MS });
  importCalls(f.db, { orgId: f.orgId, rows, nowMs: NOW_MS });
  const { sampleId } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
  const sampled = listSampledCallRows(f.db, { sampleId }).map((r) => r.callId);
  const all = f.db.select({ id: callReviews.id }).from(callReviews).all();
  expect(all).toEqual([]);
  const unsampled = f.db.$client.prepare('select id from calls where id not in (' + sampled.join(',') + ') limit 1').get() as { id: number };
  return { f, callIds: sampled, unsampledCallId: unsampled.id };
}

function submission(f: CallsFixture, callId: number, review: unknown = fullReview()): ReviewSubmission {
  return { traineeId: f.traineeId, callId, review: review as CallReviewInput };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('submitCallReview (mentor)', () => {
  it('scores and stores the review with the scorecard version, and counts it on the day', () => {
    const { f, callIds } = sampledDay();
    const review = fullReview({ items: { ...fullReview().items, accuracy: { rating: 'partial', comment: '资费说明漏了月租' } } });
    const result = submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!, review), options);
    expect(result).toMatchObject({ duplicate: false, passed: true, total: 90, day: TODAY });
    const stored = f.db.select().from(callReviews).where(eq(callReviews.id, result.reviewId)).get()!;
    expect(stored).toMatchObject({ kind: 'mentor', scorecardVersion: scorecard.version, reviewerId: f.actors.mentor.userId, criticalFailed: false, criticalFlags: [] });
    expect(stored.items.accuracy).toEqual({ rating: 'partial', comment: '资费说明漏了月租' });
    expect(stored.items.opening).toEqual({ rating: 'met' });
    const day = f.db.select().from(traineeDays).where(and(eq(traineeDays.traineeId, f.traineeId), eq(traineeDays.day, TODAY))).get();
    expect(day?.callsReviewed).toBe(1);
  });

  it('fails a call with a critical item whatever the total', () => {
    const { f, callIds } = sampledDay();
    const review = fullReview({ critical: { ...fullReview().critical, hang_up_on_customer: true }, note: '客户还在说话就挂机了' });
    const result = submitCallReview(f.db, f.actors.mentor, submission(f, callIds[1]!, review), options);
    expect(result).toMatchObject({ passed: false, total: 100 });
    const stored = f.db.select().from(callReviews).where(eq(callReviews.id, result.reviewId)).get()!;
    expect(stored).toMatchObject({ criticalFailed: true, criticalFlags: ['hang_up_on_customer'], passed: false, note: '客户还在说话就挂机了' });
  });

  it('records the same review submitted twice once, and never changes the first', () => {
    const { f, callIds } = sampledDay();
    const first = submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!), options);
    const changed = fullReview({ items: { ...fullReview().items, courtesy: { rating: 'not_met' } } });
    const second = submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!, changed), { ...options, nowMs: NOW_MS + 5000 });
    expect(second).toEqual({ ...first, duplicate: true });
    const rows = f.db.select().from(callReviews).where(eq(callReviews.callId, callIds[0]!)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.items.courtesy).toEqual({ rating: 'met' });
  });

  it('refuses a review with a required item missing, even when the browser is bypassed', () => {
    const { f, callIds } = sampledDay();
    const { opening: _dropped, ...withoutOpening } = fullReview().items;
    expect(codeOf(() => submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!, { ...fullReview(), items: withoutOpening }), options))).toBe(
      'invalid_input',
    );
    const notApplicable = fullReview({ items: { ...fullReview().items, accuracy: { rating: 'na' } } });
    expect(codeOf(() => submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!, notApplicable), options))).toBe('invalid_input');
    const criticalWithoutNote = fullReview({ critical: { ...fullReview().critical, argue_or_insult: true } });
    expect(codeOf(() => submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!, criticalWithoutNote), options))).toBe('invalid_input');
    expect(f.db.select().from(callReviews).all()).toEqual([]);
  });

  it("answers not found to another mentor, the trainee, a lead (who doesn't review) and for a call that isn't the trainee's", () => {
    const { f, callIds } = sampledDay();
    for (const who of [f.actors.otherMentor, f.actors.trainee, f.actors.lead, f.actors.qa]) {
      expect(codeOf(() => submitCallReview(f.db, who, submission(f, callIds[0]!), options))).toBe('not_found');
    }
    expect(codeOf(() => submitCallReview(f.db, f.actors.mentor, { ...submission(f, callIds[0]!), traineeId: f.otherTraineeId }, options))).toBe('not_found');
    expect(f.db.select().from(callReviews).all()).toEqual([]);
  });

  it('reviews only calls in the current sample', () => {
    const { f, callIds, unsampledCallId } = sampledDay();
    expect(codeOf(() => submitCallReview(f.db, f.actors.mentor, submission(f, unsampledCallId), options))).toBe('review_call_not_sampled');
    replaceDailySampleCall(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, callId: callIds[0]!, reason: '测试来电', nowMs: NOW_MS });
    expect(codeOf(() => submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!), options))).toBe('review_call_not_sampled');
  });

  it('keeps a reviewed call in the sample', () => {
    const { f, callIds } = sampledDay();
    submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!), options);
    expect(
      codeOf(() => replaceDailySampleCall(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, callId: callIds[0]!, reason: 'x', nowMs: NOW_MS })),
    ).toBe('sample_call_reviewed');
  });
});

describe('acknowledgeReview', () => {
  it('lets the trainee acknowledge once; the first instant is kept', () => {
    const { f, callIds } = sampledDay();
    const { reviewId } = submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!), options);
    expect(acknowledgeReview(f.db, f.actors.trainee, { traineeId: f.traineeId, reviewId }, NOW_MS + 1000)).toEqual({
      acknowledgedAt: NOW_MS + 1000,
      alreadyAcknowledged: false,
    });
    expect(acknowledgeReview(f.db, f.actors.trainee, { traineeId: f.traineeId, reviewId }, NOW_MS + 9000)).toEqual({
      acknowledgedAt: NOW_MS + 1000,
      alreadyAcknowledged: true,
    });
  });

  it('is refused to the mentor, another trainee, and for a review of someone else', () => {
    const { f, callIds } = sampledDay();
    const { reviewId } = submitCallReview(f.db, f.actors.mentor, submission(f, callIds[0]!), options);
    expect(codeOf(() => acknowledgeReview(f.db, f.actors.mentor, { traineeId: f.traineeId, reviewId }, NOW_MS))).toBe('not_found');
    expect(codeOf(() => acknowledgeReview(f.db, f.actors.otherTrainee, { traineeId: f.traineeId, reviewId }, NOW_MS))).toBe('not_found');
    expect(codeOf(() => acknowledgeReview(f.db, f.actors.otherTrainee, { traineeId: f.otherTraineeId, reviewId }, NOW_MS))).toBe('not_found');
    expect(f.db.select().from(callReviews).where(eq(callReviews.id, reviewId)).get()?.acknowledgedAt).toBeNull();
  });
});
