// The wired server actions, called the way a hand-made POST would call them: the browser's
// checks are bypassed, only the server's remain.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { listSampledCallRows } from '@/db/queries/calls';
import { callReviews } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { drawDailySample } from '@/lib/call-samples';
import { importCalls, validateCallRows } from '@/lib/calls-import';
import { createCallsFixture, fullReview, NOW_MS, TODAY } from '@/lib/test/calls-fixture';

const current: { actor: Actor | null; db: Db | null } = { actor: null, db: null };
vi.mock('@/lib/session', () => ({ getActor: async () => current.actor }));
vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/db/client')>()), getDb: () => current.db }));

const { acknowledgeReviewAction, submitMentorReviewAction } = await import('./actions');

function setup() {
  const f = createCallsFixture();
  const raw = [60, 70, 80, 90, 100, 110].map((durationSec, i) => ({
    row: i,
    values: { callId: `A-${i}`, agent: 'trainee', startTime: `${TODAY} 10:0${i}:00`, durationSec, direction: 'inbound' },
  }));
  importCalls(f.db, { orgId: f.orgId, rows: validateCallRows(raw, { timeZone: 'Asia/Shanghai', nowMs: NOW_MS }).rows, nowMs: NOW_MS });
  const { sampleId } = drawDailySample(f.db, f.actors.mentor, { traineeId: f.traineeId, day: TODAY, nowMs: NOW_MS });
  const callId = listSampledCallRows(f.db, { sampleId })[0]!.callId;
  current.db = f.db;
  return { f, callId };
}

describe('review server actions', () => {
  beforeEach(() => {
    current.actor = null;
    current.db = null;
  });

  it('refuses a review with a required item missing and writes nothing', async () => {
    const { f, callId } = setup();
    current.actor = f.actors.mentor;
    const { courtesy: _missing, ...items } = fullReview().items;
    const result = await submitMentorReviewAction({ traineeId: f.traineeId, callId, review: { ...fullReview(), items } });
    expect(result).toEqual({ ok: false, fieldErrors: { 'review.items.courtesy': ['review.itemRequired'] }, formError: 'errors.invalid_input' });
    expect(f.db.select().from(callReviews).all()).toEqual([]);
  });

  it('records a review submitted twice once and answers the second with the first', async () => {
    const { f, callId } = setup();
    current.actor = f.actors.mentor;
    const first = await submitMentorReviewAction({ traineeId: f.traineeId, callId, review: fullReview() });
    const second = await submitMentorReviewAction({ traineeId: f.traineeId, callId, review: fullReview() });
    expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(second).toEqual({ ok: true, data: { reviewId: (first as { data: { reviewId: number } }).data.reviewId, duplicate: true } });
    expect(f.db.select().from(callReviews).where(eq(callReviews.callId, callId)).all()).toHaveLength(1);
  });

  it("answers not found to another mentor's review of this mentee, and to nobody signed in", async () => {
    const { f, callId } = setup();
    current.actor = f.actors.otherMentor;
    expect(await submitMentorReviewAction({ traineeId: f.traineeId, callId, review: fullReview() })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: 'errors.not_found',
    });
    current.actor = null;
    expect(await submitMentorReviewAction({ traineeId: f.traineeId, callId, review: fullReview() })).toMatchObject({ ok: false, formError: 'errors.unauthenticated' });
    expect(f.db.select().from(callReviews).all()).toEqual([]);
  });

  it('lets only the trainee acknowledge', async () => {
    const { f, callId } = setup();
    current.actor = f.actors.mentor;
    const saved = await submitMentorReviewAction({ traineeId: f.traineeId, callId, review: fullReview() });
    const reviewId = (saved as { data: { reviewId: number } }).data.reviewId;
    expect(await acknowledgeReviewAction({ traineeId: f.traineeId, reviewId })).toMatchObject({ ok: false, formError: 'errors.not_found' });
    current.actor = f.actors.trainee;
    expect(await acknowledgeReviewAction({ traineeId: f.traineeId, reviewId })).toMatchObject({ ok: true, data: { alreadyAcknowledged: false } });
    expect(await acknowledgeReviewAction({ traineeId: f.traineeId, reviewId })).toMatchObject({ ok: true, data: { alreadyAcknowledged: true } });
  });
});
