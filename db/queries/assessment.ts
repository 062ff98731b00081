// The solo assessment week's facts: the trainee's calls on the week's days and qa's scorecard
// reviews of them (call_reviews kind 'assessment'). Reviews are inserted through lib/call-reviews.ts
// and never updated; this file only reads.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '@/domain/dates';
import type { DbOrTx } from '../tx';
import { callReviews, calls, users, type Call } from '../schema';

export type AssessmentReviewRow = {
  id: number;
  callId: number;
  externalId: string;
  day: IsoDate;
  total: number;
  passed: boolean;
  criticalFailed: boolean;
  items: Record<string, unknown>;
  reviewerId: number;
  reviewerName: string;
  createdAt: number;
};

/** qa's assessment reviews of the trainee's calls on the given days, in call order. */
export function listAssessmentReviews(db: DbOrTx, params: { traineeId: number; days: readonly IsoDate[] }): AssessmentReviewRow[] {
  if (params.days.length === 0) return [];
  return db
    .select({
      id: callReviews.id,
      callId: callReviews.callId,
      externalId: calls.externalId,
      day: callReviews.day,
      total: callReviews.total,
      passed: callReviews.passed,
      criticalFailed: callReviews.criticalFailed,
      items: callReviews.items,
      reviewerId: callReviews.reviewerId,
      reviewerName: users.displayName,
      createdAt: callReviews.createdAt,
    })
    .from(callReviews)
    .innerJoin(calls, eq(calls.id, callReviews.callId))
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(and(eq(callReviews.traineeId, params.traineeId), eq(callReviews.kind, 'assessment'), inArray(callReviews.day, [...params.days])))
    .orderBy(asc(calls.startedAt), asc(callReviews.id))
    .all();
}

export type WeekCall = Call & { assessmentReviewId: number | null; assessmentTotal: number | null; assessmentCritical: boolean | null };

/** Every call of the trainee on the given days, earliest first, with its assessment review if any. */
export function listCallsWithAssessment(db: DbOrTx, params: { traineeId: number; days: readonly IsoDate[] }): WeekCall[] {
  if (params.days.length === 0) return [];
  return db
    .select({
      call: calls,
      reviewId: callReviews.id,
      total: callReviews.total,
      critical: callReviews.criticalFailed,
    })
    .from(calls)
    .leftJoin(callReviews, and(eq(callReviews.callId, calls.id), eq(callReviews.kind, 'assessment')))
    .where(and(eq(calls.traineeId, params.traineeId), inArray(calls.day, [...params.days])))
    .orderBy(asc(calls.startedAt), asc(calls.id))
    .all()
    .map((r) => ({ ...r.call, assessmentReviewId: r.reviewId, assessmentTotal: r.total, assessmentCritical: r.critical }));
}
