// Reads behind the dashboards: the lead's filtered cohort (with the filter choices), the mentors'
// pending reviews, and a trainee's reviews of one day. Scoped by organisation, or by a trainee id
// the caller already authorized. Aggregation lives in domain/dashboard.ts.
import { and, asc, count, desc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
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
  /** What the dashboard's name search also finds. */
  username: string;
  traineeClass: TraineeClass;
  cohort: string;
  startDate: IsoDate;
  mentorId: number | null;
  mentorName: string | null;
  /**
   * domain/dashboard.ts TraineeDashboardFacts as stored by lib/program.ts refreshTraineeStatus: the
   * stored JSON text, unparsed, so the caller can skip parsing text it has seen before (lib/dashboard.ts).
   */
  dashboardFacts: string | null;
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

// One collator: localeCompare with a locale builds one per comparison (4 ms for 200 mentors).
const pinyin = new Intl.Collator('zh-CN');

/**
 * The organisation's trainees matching the filters, newest cohort first (the order of
 * trainees_org_cohort_idx, so SQLite doesn't sort; names are ordered in pinyin by the caller).
 */
export function listDashboardTrainees(db: DbOrTx, params: DashboardTraineeQuery): DashboardTraineeRow[] {
  const conditions = [eq(trainees.orgId, params.orgId)];
  if (params.cohort) conditions.push(eq(trainees.cohort, params.cohort));
  if (params.traineeClass) conditions.push(eq(trainees.traineeClass, params.traineeClass));
  if (params.mentorId !== undefined) conditions.push(eq(trainees.mentorId, params.mentorId));
  if (params.cachedStatusIn) conditions.push(inArray(trainees.status, params.cachedStatusIn));
  if (params.cachedStatusNotIn && params.cachedStatusNotIn.length > 0) conditions.push(notInArray(trainees.status, params.cachedStatusNotIn));
  // Raw rows (`values()`), named here: drizzle's per-field mapping of 5,000 rows was a fifth of the
  // whole organisation's page. The columns are in the order of the destructuring below.
  const rows = db
    .select({
      id: trainees.id,
      orgId: trainees.orgId,
      displayName: users.displayName,
      username: users.username,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      startDate: trainees.startDate,
      mentorId: trainees.mentorId,
      mentorName: mentor.displayName,
      dashboardFacts: sql<string | null>`${trainees.dashboardFacts}`,
    })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .leftJoin(mentor, eq(mentor.id, trainees.mentorId))
    .where(and(...conditions))
    .orderBy(desc(trainees.cohort))
    .values() as [number, number, string, string, TraineeClass, string, IsoDate, number | null, string | null, string | null][];
  return rows.map(([id, orgId, displayName, username, traineeClass, cohort, startDate, mentorId, mentorName, dashboardFacts]) => ({
    id,
    orgId,
    displayName,
    username,
    traineeClass,
    cohort,
    startDate,
    mentorId,
    mentorName,
    dashboardFacts,
  }));
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
 * With a cohort or class, only the mentors of that cohort's / class's trainees (a cohort has a
 * couple of dozen, the organisation hundreds), plus `include` (the mentor already chosen).
 */
export function listMentors(
  db: DbOrTx,
  params: { orgId: number; cohort?: string; traineeClass?: TraineeClass; include?: number },
): { id: number; displayName: string }[] {
  const narrowed = params.cohort !== undefined || params.traineeClass !== undefined;
  // Each an IN list built once (the role holders from user_roles_role_idx) rather than joining every
  // user of the organisation to its roles and de-duplicating the trainees' mentors: 4 → 1 ms at 5,000 trainees.
  const byRole = narrowed
    ? []
    : db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(
          and(
            eq(users.orgId, params.orgId),
            eq(users.disabled, false),
            inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'mentor'))),
          ),
        )
        .all();
  const traineeConditions = [eq(trainees.orgId, params.orgId)];
  if (params.cohort !== undefined) traineeConditions.push(eq(trainees.cohort, params.cohort));
  if (params.traineeClass !== undefined) traineeConditions.push(eq(trainees.traineeClass, params.traineeClass));
  const mentorsOfTrainees = inArray(users.id, db.select({ id: trainees.mentorId }).from(trainees).where(and(...traineeConditions)));
  const named = db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, params.orgId), params.include === undefined ? mentorsOfTrainees : or(mentorsOfTrainees, eq(users.id, params.include))))
    .all();
  const all = new Map([...byRole, ...named].map((m) => [m.id, m]));
  return [...all.values()].sort((a, b) => pinyin.compare(a.displayName, b.displayName) || a.id - b.id);
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
