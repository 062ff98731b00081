import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callReviews, calls, dailySamples, sampledCalls, traineeDays } from '@/db/schema';
import { createFloorFixture } from '@/lib/test/floor-fixture';
import { listPendingMentorReviews, listUnconfirmedActiveDays } from './mentor-queue';

function sampleDay(f: ReturnType<typeof createFloorFixture>, traineeId: number, day: string, n: number) {
  const callIds: number[] = [];
  for (let i = 0; i < n; i++) {
    callIds.push(
      f.db
        .insert(calls)
        .values({ orgId: f.org.id, traineeId, externalId: `${traineeId}-${day}-${i}`, agentCode: 'A', startedAt: i, day, durationSec: 90, direction: 'inbound' })
        .returning()
        .get().id,
    );
  }
  const sample = f.db
    .insert(dailySamples)
    .values({ traineeId, day, seed: 's', algorithm: 'test', poolCallIds: callIds })
    .returning()
    .get();
  return callIds.map((callId, slot) => f.db.insert(sampledCalls).values({ sampleId: sample.id, callId, slot }).returning().get());
}

function review(f: ReturnType<typeof createFloorFixture>, traineeId: number, callId: number, day: string, kind: 'mentor' | 'assessment') {
  f.db.insert(callReviews)
    .values({ orgId: f.org.id, callId, traineeId, reviewerId: f.mentor2.userId, kind, day, scorecardVersion: 1, items: {}, total: 90, criticalFailed: false, passed: true })
    .run();
}

describe('listPendingMentorReviews', () => {
  it("counts sampled calls without a mentor review, leaving out replaced calls, later days and other trainees", () => {
    const f = createFloorFixture();
    const b = f.classB.id;
    const day1 = sampleDay(f, b, '2026-11-09', 5);
    review(f, b, day1[0]!.callId, '2026-11-09', 'mentor');
    review(f, b, day1[1]!.callId, '2026-11-09', 'mentor');
    // a qa assessment is not the mentor's review
    review(f, b, day1[2]!.callId, '2026-11-09', 'assessment');
    f.db.update(sampledCalls).set({ replacedAt: 1, replaceReason: '录音损坏' }).where(eq(sampledCalls.id, day1[3]!.id)).run();
    sampleDay(f, b, '2026-11-10', 5);
    sampleDay(f, b, '2026-11-11', 5);
    sampleDay(f, f.shadowing.id, '2026-11-10', 2);
    expect(listPendingMentorReviews(f.db, { traineeIds: [b], upTo: '2026-11-10' })).toEqual([
      { traineeId: b, day: '2026-11-09', pending: 2 },
      { traineeId: b, day: '2026-11-10', pending: 5 },
    ]);
    expect(listPendingMentorReviews(f.db, { traineeIds: [], upTo: '2026-11-10' })).toEqual([]);
  });
});

describe('listUnconfirmedActiveDays', () => {
  it('lists days with recordings or the live-shadowing tick and no confirmation, up to the day given', () => {
    const f = createFloorFixture();
    const t = f.shadowing.id;
    f.db.insert(traineeDays).values([
      { traineeId: t, day: '2026-11-09', recordingsLogged: 10, liveShadowing: true, confirmedBy: f.mentor1.userId, confirmedAt: 1 },
      { traineeId: t, day: '2026-11-10', recordingsLogged: 3 },
      { traineeId: t, day: '2026-11-11', liveShadowing: true },
      { traineeId: t, day: '2026-11-12', recordingsLogged: 0 },
      { traineeId: t, day: '2026-11-13', recordingsLogged: 4 },
    ]).run();
    expect(listUnconfirmedActiveDays(f.db, { traineeIds: [t], upTo: '2026-11-12' }).map((d) => d.day)).toEqual(['2026-11-10', '2026-11-11']);
  });
});
