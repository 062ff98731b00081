// Reads behind the dashboards: the lead's filtered cohort (with the filter choices), the mentors'
// pending reviews, and a trainee's reviews of one day. Scoped by organisation, or by a trainee id
// the caller already authorized. Aggregation lives in domain/dashboard.ts.
import { and, asc, count, desc, eq, inArray, isNull, lte, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { IsoDate } from '@/domain/dates';
import type { DbOrTx } from '../tx';
import {
  callReviews,
  calls,
  dailySamples,
  sampledCalls,
  trainees,
  userRoles,
  users,
  type TraineeClass,
  type TraineeStatus,
} from '../schema';

export type DashboardTraineeRow = {
  id: number;
  orgId: number;
  displayName: string;
  traineeClass: TraineeClass;
  cohort: string;
  startDate: IsoDate;
  mentorId: number | null;
  mentorName: string | null;
  cachedStatus: TraineeStatus;
  /** The organisation day the cached status and facts are for. */
  statusAsOf: IsoDate | null;
  /** domain/dashboard.ts TraineeDashboardFacts as stored by lib/program.ts refreshTraineeStatus; parse before use. */
  dashboardFacts: unknown;
};

export type DashboardTraineeQuery = {
  orgId: number;
  cohort?: string;
  traineeClass?: TraineeClass;
  mentorId?: number;
  /**
   * Pre-filters on the cached status. Only terminal statuses (certified, exited) are safe to use:
   * the cache is refreshed on writes, and nothing but a write leaves or enters them, whereas a
   * trainee moves from stage to stage with the calendar alone.
   */
  cachedStatusIn?: TraineeStatus[];
  cachedStatusNotIn?: TraineeStatus[];
};

const mentor = alias(users, 'mentor');

/** The organisation's trainees matching the filters, by cohort (newest first) then name. Backed by trainees_org_cohort_idx. */
export function listDashboardTrainees(db: DbOrTx, params: DashboardTraineeQuery): DashboardTraineeRow[] {
  const conditions = [eq(trainees.orgId, params.orgId)];
  if (params.cohort) conditions.push(eq(trainees.cohort, params.cohort));
  if (params.traineeClass) conditions.push(eq(trainees.traineeClass, params.traineeClass));
  if (params.mentorId !== undefined) conditions.push(eq(trainees.mentorId, params.mentorId));
  if (params.cachedStatusIn) conditions.push(inArray(trainees.status, params.cachedStatusIn));
  if (params.cachedStatusNotIn && params.cachedStatusNotIn.length > 0) conditions.push(notInArray(trainees.status, params.cachedStatusNotIn));
  return db
    .select({
      id: trainees.id,
      orgId: trainees.orgId,
      displayName: users.displayName,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      startDate: trainees.startDate,
      mentorId: trainees.mentorId,
      mentorName: mentor.displayName,
      cachedStatus: trainees.status,
      statusAsOf: trainees.statusAsOf,
      dashboardFacts: trainees.dashboardFacts,
    })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .leftJoin(mentor, eq(mentor.id, trainees.mentorId))
    .where(and(...conditions))
    .orderBy(desc(trainees.cohort), asc(users.displayName), asc(trainees.id))
    .all();
}

/** The cohorts the organisation has, newest first (the filter's choices). */
export function listCohorts(db: DbOrTx, params: { orgId: number }): string[] {
  return db
    .selectDistinct({ cohort: trainees.cohort })
    .from(trainees)
    .where(eq(trainees.orgId, params.orgId))
    .orderBy(desc(trainees.cohort))
    .all()
    .map((r) => r.cohort);
}

/**
 * The people who mentor in the organisation: everyone holding the mentor role (enabled), plus
 * anyone still named as a trainee's mentor after losing the role, so no mentee goes unaccounted.
 */
export function listMentors(db: DbOrTx, params: { orgId: number }): { id: number; displayName: string }[] {
  const byRole = db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'mentor')))
    .where(and(eq(users.orgId, params.orgId), eq(users.disabled, false)))
    .all();
  const assigned = db
    .selectDistinct({ id: mentor.id, displayName: mentor.displayName })
    .from(trainees)
    .innerJoin(mentor, eq(mentor.id, trainees.mentorId))
    .where(eq(trainees.orgId, params.orgId))
    .all();
  const all = new Map([...byRole, ...assigned].map((m) => [m.id, m]));
  return [...all.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.id - b.id);
}

/**
 * Per trainee: sampled calls still in the sample (not replaced) without a mentor review, on days up
 * to `upTo`. Trainees with none are absent from the map.
 */
export function countPendingMentorReviews(
  db: DbOrTx,
  params: { orgId: number; traineeIds: readonly number[]; upTo: IsoDate },
): Map<number, number> {
  if (params.traineeIds.length === 0) return new Map();
  const rows = db
    .select({ traineeId: dailySamples.traineeId, pending: count() })
    .from(sampledCalls)
    .innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId))
    .innerJoin(trainees, eq(trainees.id, dailySamples.traineeId))
    .leftJoin(callReviews, and(eq(callReviews.callId, sampledCalls.callId), eq(callReviews.kind, 'mentor')))
    .where(
      and(
        eq(trainees.orgId, params.orgId),
        inArray(dailySamples.traineeId, [...params.traineeIds]),
        lte(dailySamples.day, params.upTo),
        isNull(sampledCalls.replacedAt),
        isNull(callReviews.id),
      ),
    )
    .groupBy(dailySamples.traineeId)
    .all();
  return new Map(rows.map((r) => [r.traineeId, r.pending]));
}

export type DayMentorReview = {
  reviewId: number;
  callId: number;
  externalId: string;
  total: number;
  passed: boolean;
  criticalFailed: boolean;
  note: string;
  items: Record<string, unknown>;
  acknowledgedAt: number | null;
  reviewerName: string;
};

/** The mentor's reviews of one trainee's calls of one day, in call order. */
export function listDayMentorReviews(db: DbOrTx, params: { traineeId: number; day: IsoDate }): DayMentorReview[] {
  return db
    .select({
      reviewId: callReviews.id,
      callId: callReviews.callId,
      externalId: calls.externalId,
      total: callReviews.total,
      passed: callReviews.passed,
      criticalFailed: callReviews.criticalFailed,
      note: callReviews.note,
      items: callReviews.items,
      acknowledgedAt: callReviews.acknowledgedAt,
      reviewerName: users.displayName,
    })
    .from(callReviews)
    .innerJoin(calls, eq(calls.id, callReviews.callId))
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(and(eq(callReviews.traineeId, params.traineeId), eq(callReviews.day, params.day), eq(callReviews.kind, 'mentor')))
    .orderBy(asc(calls.startedAt), asc(callReviews.id))
    .all();
}

/** How many calls of the trainee's sample of that day are still in it (not replaced); 0 without a sample. */
export function countDaySampledCalls(db: DbOrTx, params: { traineeId: number; day: IsoDate }): number {
  return (
    db
      .select({ n: count() })
      .from(sampledCalls)
      .innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId))
      .where(and(eq(dailySamples.traineeId, params.traineeId), eq(dailySamples.day, params.day), isNull(sampledCalls.replacedAt)))
      .get()?.n ?? 0
  );
}
