import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDailySample, listDayCalls, listSampledCallRows } from '@/db/queries/calls';
import { callReviews, dailySamples, traineeDays, trainees, users } from '@/db/schema';
import { decodeSampleAlgorithm, verifyDailySample } from '@/lib/call-samples';
import { createTestDb } from '@/lib/test/db';
import { seedDemoData } from '../seed';

const TODAY = '2026-11-25';

describe('seedFloorCalls (through the whole demo seed)', async () => {
  const db = createTestDb();
  await seedDemoData(db, TODAY);
  const traineeId = (username: string) =>
    db.select({ id: trainees.id }).from(trainees).innerJoin(users, eq(users.id, trainees.userId)).where(eq(users.username, username)).get()!.id;

  it("gives trainee4 today's calls and leaves the draw to the mentor", () => {
    const id = traineeId('trainee4');
    expect(listDayCalls(db, { traineeId: id, day: TODAY }).length).toBeGreaterThanOrEqual(7);
    expect(getDailySample(db, { traineeId: id, day: TODAY })).toBeNull();
    const day = db.select().from(traineeDays).where(and(eq(traineeDays.traineeId, id), eq(traineeDays.day, TODAY))).get();
    expect(day?.callsHandled).toBeGreaterThan(0);
    expect(day?.callsSampled).toBe(0);
  });

  it("leaves mentor1's supervised mentees with a drawn sample, a swap, and reviews waiting to be acknowledged", () => {
    for (const username of ['trainee5', 'trainee7']) {
      const id = traineeId(username);
      const sample = getDailySample(db, { traineeId: id, day: TODAY });
      expect(sample, username).not.toBeNull();
      const rows = listSampledCallRows(db, { sampleId: sample!.id });
      expect(rows.filter((r) => r.replacedAt !== null)).toHaveLength(1);
      expect(verifyDailySample(db, { sample: sample!, traineeId: id }).matches).toBe(true);
      const reviews = db.select().from(callReviews).where(and(eq(callReviews.traineeId, id), eq(callReviews.day, TODAY))).all();
      expect(reviews).toHaveLength(2);
      expect(reviews.every((r) => r.acknowledgedAt === null)).toBe(true);
      const day = db.select().from(traineeDays).where(and(eq(traineeDays.traineeId, id), eq(traineeDays.day, TODAY))).get()!;
      expect(day.callsReviewed).toBe(2);
      expect(day.callsSampled).toBe(rows.length - 1);
    }
  });

  it("makes the history's draws verifiable", () => {
    const all = db.select().from(dailySamples).all();
    expect(all.length).toBeGreaterThan(10);
    for (const sample of all) {
      expect(decodeSampleAlgorithm(sample.algorithm), sample.algorithm).not.toBeNull();
      expect(verifyDailySample(db, { sample, traineeId: sample.traineeId }).matches, `${sample.traineeId} ${sample.day}`).toBe(true);
    }
  });
});
