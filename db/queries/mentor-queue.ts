// What waits for a mentor across their mentees: sampled calls without the mentor's review,
// shadowing days with activity but no confirmation, drill scripts without a comment. The caller
// passes trainee ids it already scoped (listMentees for the signed-in mentor).
import { and, asc, count, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { callReviews, dailySamples, sampledCalls, traineeDays } from '../schema';

export type PendingReviewDay = { traineeId: number; day: string; pending: number };

/**
 * Per trainee and day up to `upTo`: sampled calls still in the sample (not replaced) that have no
 * mentor review yet. Backed by daily_samples_trainee_day_uq, sampled_calls_sample_idx and
 * call_reviews_call_kind_uq.
 */
export function listPendingMentorReviews(
  db: DbOrTx,
  params: { traineeIds: number[]; upTo: string },
): PendingReviewDay[] {
  if (params.traineeIds.length === 0) return [];
  return db
    .select({ traineeId: dailySamples.traineeId, day: dailySamples.day, pending: count() })
    .from(sampledCalls)
    .innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId))
    .leftJoin(callReviews, and(eq(callReviews.callId, sampledCalls.callId), eq(callReviews.kind, 'mentor')))
    .where(
      and(
        inArray(dailySamples.traineeId, params.traineeIds),
        lte(dailySamples.day, params.upTo),
        isNull(sampledCalls.replacedAt),
        isNull(callReviews.id),
      ),
    )
    .groupBy(dailySamples.traineeId, dailySamples.day)
    .orderBy(asc(dailySamples.day))
    .all();
}

export type UnconfirmedDay = { traineeId: number; day: string; recordingsLogged: number; liveShadowing: boolean };

/** Days up to `upTo` on which the trainee logged something (recordings or the live-shadowing tick) and no mentor confirmed. */
export function listUnconfirmedActiveDays(
  db: DbOrTx,
  params: { traineeIds: number[]; upTo: string },
): UnconfirmedDay[] {
  if (params.traineeIds.length === 0) return [];
  return db
    .select({
      traineeId: traineeDays.traineeId,
      day: traineeDays.day,
      recordingsLogged: traineeDays.recordingsLogged,
      liveShadowing: traineeDays.liveShadowing,
    })
    .from(traineeDays)
    .where(
      and(
        inArray(traineeDays.traineeId, params.traineeIds),
        lte(traineeDays.day, params.upTo),
        isNull(traineeDays.confirmedBy),
        or(sql`${traineeDays.recordingsLogged} > 0`, eq(traineeDays.liveShadowing, true)),
      ),
    )
    .orderBy(asc(traineeDays.day))
    .all();
}
