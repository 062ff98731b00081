// Call reviews (a mentor's daily review, later qa's assessment scoring). A review is a fact:
// there is an insert and an acknowledgement, and no update of what the reviewer wrote.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { IsoDate } from '@/domain/dates';
import type { DbOrTx } from '../tx';
import { callReviews, calls, users, type CallReview } from '../schema';

export type ReviewKind = CallReview['kind'];

export function findCallReview(db: DbOrTx, params: { callId: number; kind: ReviewKind }): CallReview | null {
  return db.select().from(callReviews).where(and(eq(callReviews.callId, params.callId), eq(callReviews.kind, params.kind))).get() ?? null;
}

export type CallReviewWithReviewer = CallReview & { reviewerName: string };

export function getCallReview(db: DbOrTx, params: { orgId: number; reviewId: number }): CallReviewWithReviewer | null {
  const row = db
    .select({ review: callReviews, reviewerName: users.displayName })
    .from(callReviews)
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(and(eq(callReviews.id, params.reviewId), eq(callReviews.orgId, params.orgId)))
    .get();
  return row ? { ...row.review, reviewerName: row.reviewerName } : null;
}

export function findCallReviewWithReviewer(db: DbOrTx, params: { callId: number; kind: ReviewKind }): CallReviewWithReviewer | null {
  const row = db
    .select({ review: callReviews, reviewerName: users.displayName })
    .from(callReviews)
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(and(eq(callReviews.callId, params.callId), eq(callReviews.kind, params.kind)))
    .get();
  return row ? { ...row.review, reviewerName: row.reviewerName } : null;
}

export function insertCallReview(db: DbOrTx, values: typeof callReviews.$inferInsert): CallReview {
  return db.insert(callReviews).values(values).returning().get();
}

/** Sets acknowledgedAt once; a second acknowledgement keeps the first instant. */
export function acknowledgeCallReview(db: DbOrTx, params: { reviewId: number; traineeId: number; at: number }): CallReview | null {
  db.update(callReviews)
    .set({ acknowledgedAt: params.at })
    .where(and(eq(callReviews.id, params.reviewId), eq(callReviews.traineeId, params.traineeId), isNull(callReviews.acknowledgedAt)))
    .run();
  return db.select().from(callReviews).where(and(eq(callReviews.id, params.reviewId), eq(callReviews.traineeId, params.traineeId))).get() ?? null;
}

export type TraineeReviewListItem = {
  id: number;
  callId: number;
  externalId: string;
  day: IsoDate;
  total: number;
  passed: boolean;
  criticalFailed: boolean;
  acknowledgedAt: number | null;
  createdAt: number;
  reviewerName: string;
};

/** A trainee's reviews of one kind, newest first (their calls page). */
export function listTraineeReviews(db: DbOrTx, params: { traineeId: number; kind: ReviewKind; limit?: number }): TraineeReviewListItem[] {
  return db
    .select({
      id: callReviews.id,
      callId: callReviews.callId,
      externalId: calls.externalId,
      day: callReviews.day,
      total: callReviews.total,
      passed: callReviews.passed,
      criticalFailed: callReviews.criticalFailed,
      acknowledgedAt: callReviews.acknowledgedAt,
      createdAt: callReviews.createdAt,
      reviewerName: users.displayName,
    })
    .from(callReviews)
    .innerJoin(calls, eq(calls.id, callReviews.callId))
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(and(eq(callReviews.traineeId, params.traineeId), eq(callReviews.kind, params.kind)))
    .orderBy(desc(callReviews.day), desc(callReviews.createdAt), desc(callReviews.id))
    .limit(params.limit ?? 200)
    .all();
}

export function listReviewsForCalls(db: DbOrTx, params: { callIds: readonly number[]; kind: ReviewKind }): CallReview[] {
  if (params.callIds.length === 0) return [];
  return db
    .select()
    .from(callReviews)
    .where(and(inArray(callReviews.callId, [...params.callIds]), eq(callReviews.kind, params.kind)))
    .orderBy(asc(callReviews.id))
    .all();
}
