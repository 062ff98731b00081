// Calls imported from the telephony system, the daily samples drawn from them, and the
// per-day call counts on trainee_days that the program engine reads.
import { aliasedTable, and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { IsoDate } from '@/domain/dates';
import type { DbOrTx } from '../tx';
import { callReviews, calls, dailySamples, sampledCalls, traineeDays, trainees, users, type Call } from '../schema';

// SQLite's bound-parameter limit is large, but a 10,000-row import is chunked anyway.
const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The organisation's trainees by username (the telephony agent code). */
export function findTraineesByUsernames(
  db: DbOrTx,
  params: { orgId: number; usernames: readonly string[] },
): Map<string, { traineeId: number; displayName: string }> {
  const found = new Map<string, { traineeId: number; displayName: string }>();
  for (const part of chunks(params.usernames)) {
    const rows = db
      .select({ username: users.username, traineeId: trainees.id, displayName: users.displayName })
      .from(trainees)
      .innerJoin(users, eq(users.id, trainees.userId))
      .where(and(eq(trainees.orgId, params.orgId), inArray(users.username, part)))
      .all();
    for (const r of rows) found.set(r.username, { traineeId: r.traineeId, displayName: r.displayName });
  }
  return found;
}

export function findExistingExternalIds(db: DbOrTx, params: { orgId: number; externalIds: readonly string[] }): Set<string> {
  const found = new Set<string>();
  for (const part of chunks(params.externalIds)) {
    const rows = db
      .select({ externalId: calls.externalId })
      .from(calls)
      .where(and(eq(calls.orgId, params.orgId), inArray(calls.externalId, part)))
      .all();
    for (const r of rows) found.add(r.externalId);
  }
  return found;
}

/** Inserts unless the organisation already has a call with this id; true when inserted. */
export function insertCallIfNew(
  db: DbOrTx,
  values: {
    orgId: number;
    traineeId: number;
    externalId: string;
    agentCode: string;
    startedAt: number;
    day: IsoDate;
    durationSec: number;
    direction: 'inbound' | 'outbound';
    recordingUrl: string | null;
  },
): boolean {
  const result = db
    .insert(calls)
    .values(values)
    .onConflictDoNothing({ target: [calls.orgId, calls.externalId] })
    .run();
  return result.changes > 0;
}

/** What refreshTraineeStatus needs to recompute a plan. */
export function listPlannedTrainees(db: DbOrTx, params: { orgId: number; traineeIds: readonly number[] }) {
  if (params.traineeIds.length === 0) return [];
  return db
    .select({ id: trainees.id, orgId: trainees.orgId, traineeClass: trainees.traineeClass, startDate: trainees.startDate })
    .from(trainees)
    .where(and(eq(trainees.orgId, params.orgId), inArray(trainees.id, [...params.traineeIds])))
    .all();
}

/** A trainee's calls of one day, earliest first. */
export function listDayCalls(db: DbOrTx, params: { traineeId: number; day: IsoDate }): Call[] {
  return db
    .select()
    .from(calls)
    .where(and(eq(calls.traineeId, params.traineeId), eq(calls.day, params.day)))
    .orderBy(asc(calls.startedAt), asc(calls.id))
    .all();
}

export function listCallsByIds(db: DbOrTx, params: { traineeId: number; callIds: readonly number[] }): Call[] {
  const out: Call[] = [];
  for (const part of chunks(params.callIds)) {
    out.push(...db.select().from(calls).where(and(eq(calls.traineeId, params.traineeId), inArray(calls.id, part))).all());
  }
  return out;
}

/** One of the trainee's calls; null when it isn't theirs or doesn't exist in the organisation. */
export function getTraineeCall(db: DbOrTx, params: { orgId: number; traineeId: number; callId: number }): Call | null {
  return (
    db
      .select()
      .from(calls)
      .where(and(eq(calls.id, params.callId), eq(calls.orgId, params.orgId), eq(calls.traineeId, params.traineeId)))
      .get() ?? null
  );
}

// ---- Daily samples

export type DailySampleRow = typeof dailySamples.$inferSelect;
export type SampledCallRow = typeof sampledCalls.$inferSelect;

export function getDailySample(db: DbOrTx, params: { traineeId: number; day: IsoDate }): DailySampleRow | null {
  return (
    db
      .select()
      .from(dailySamples)
      .where(and(eq(dailySamples.traineeId, params.traineeId), eq(dailySamples.day, params.day)))
      .get() ?? null
  );
}

export function insertDailySample(
  db: DbOrTx,
  values: {
    traineeId: number;
    day: IsoDate;
    seed: string;
    algorithm: string;
    poolCallIds: number[];
    shortfall: number;
    drawnBy: number | null;
    createdAt?: number;
  },
): DailySampleRow {
  return db.insert(dailySamples).values(values).returning().get();
}

export function insertSampledCall(
  db: DbOrTx,
  values: { sampleId: number; callId: number; slot: number; createdAt?: number },
): SampledCallRow {
  return db.insert(sampledCalls).values(values).returning().get();
}

/** Marks a sampled call as swapped out; only a row still current can be replaced. */
export function markSampledCallReplaced(
  db: DbOrTx,
  params: { sampledCallId: number; replacedBy: number; reason: string; at: number },
): boolean {
  const result = db
    .update(sampledCalls)
    .set({ replacedAt: params.at, replacedBy: params.replacedBy, replaceReason: params.reason })
    .where(and(eq(sampledCalls.id, params.sampledCallId), isNull(sampledCalls.replacedAt)))
    .run();
  return result.changes > 0;
}

/** Every row of a sample, current and swapped out, in the order they were written. */
export function listSampledCallRows(db: DbOrTx, params: { sampleId: number }): SampledCallRow[] {
  return db.select().from(sampledCalls).where(eq(sampledCalls.sampleId, params.sampleId)).orderBy(asc(sampledCalls.id)).all();
}

export type SampledCallView = {
  sampledCallId: number;
  slot: number;
  call: Call;
  replacedAt: number | null;
  replacedByName: string | null;
  replaceReason: string | null;
  review: { id: number; total: number; passed: boolean; criticalFailed: boolean; acknowledgedAt: number | null } | null;
};

/** A sample's rows with their calls and mentor reviews, by slot then order written. */
export function listSampledCallViews(db: DbOrTx, params: { sampleId: number }): SampledCallView[] {
  const replacer = aliasedTable(users, 'replacer');
  const rows = db
    .select({
      sampledCallId: sampledCalls.id,
      slot: sampledCalls.slot,
      call: calls,
      replacedAt: sampledCalls.replacedAt,
      replacedByName: replacer.displayName,
      replaceReason: sampledCalls.replaceReason,
      reviewId: callReviews.id,
      total: callReviews.total,
      passed: callReviews.passed,
      criticalFailed: callReviews.criticalFailed,
      acknowledgedAt: callReviews.acknowledgedAt,
    })
    .from(sampledCalls)
    .innerJoin(calls, eq(calls.id, sampledCalls.callId))
    .leftJoin(replacer, eq(replacer.id, sampledCalls.replacedBy))
    .leftJoin(callReviews, and(eq(callReviews.callId, sampledCalls.callId), eq(callReviews.kind, 'mentor')))
    .where(eq(sampledCalls.sampleId, params.sampleId))
    .orderBy(asc(sampledCalls.slot), asc(sampledCalls.id))
    .all();
  return rows.map((r) => ({
    sampledCallId: r.sampledCallId,
    slot: r.slot,
    call: r.call,
    replacedAt: r.replacedAt,
    replacedByName: r.replacedByName,
    replaceReason: r.replaceReason,
    review:
      r.reviewId === null
        ? null
        : { id: r.reviewId, total: r.total!, passed: r.passed!, criticalFailed: r.criticalFailed!, acknowledgedAt: r.acknowledgedAt },
  }));
}

/** Whether the call is in the current (not swapped out) sample of its trainee's day. */
export function isCallCurrentlySampled(db: DbOrTx, params: { traineeId: number; callId: number }): boolean {
  const row = db
    .select({ id: sampledCalls.id })
    .from(sampledCalls)
    .innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId))
    .where(and(eq(sampledCalls.callId, params.callId), isNull(sampledCalls.replacedAt), eq(dailySamples.traineeId, params.traineeId)))
    .get();
  return row !== undefined;
}

export type DaySampleSummary = {
  day: IsoDate;
  callsHandled: number;
  callsSampled: number;
  callsReviewed: number;
  drawn: boolean;
  shortfall: number;
  unacknowledged: number;
};

/** Per day: the counts on trainee_days, whether a sample was drawn, and reviews the trainee hasn't acknowledged. */
export function listDaySampleSummaries(db: DbOrTx, params: { traineeId: number; days: readonly IsoDate[] }): Map<IsoDate, DaySampleSummary> {
  const out = new Map<IsoDate, DaySampleSummary>();
  if (params.days.length === 0) return out;
  for (const day of params.days) {
    out.set(day, { day, callsHandled: 0, callsSampled: 0, callsReviewed: 0, drawn: false, shortfall: 0, unacknowledged: 0 });
  }
  const days = [...params.days];
  for (const d of db
    .select()
    .from(traineeDays)
    .where(and(eq(traineeDays.traineeId, params.traineeId), inArray(traineeDays.day, days)))
    .all()) {
    const s = out.get(d.day)!;
    s.callsHandled = d.callsHandled;
    s.callsSampled = d.callsSampled;
    s.callsReviewed = d.callsReviewed;
  }
  for (const sample of db
    .select({ day: dailySamples.day, shortfall: dailySamples.shortfall })
    .from(dailySamples)
    .where(and(eq(dailySamples.traineeId, params.traineeId), inArray(dailySamples.day, days)))
    .all()) {
    const s = out.get(sample.day)!;
    s.drawn = true;
    s.shortfall = sample.shortfall;
  }
  for (const r of db
    .select({ day: callReviews.day, n: count() })
    .from(callReviews)
    .where(
      and(
        eq(callReviews.traineeId, params.traineeId),
        eq(callReviews.kind, 'mentor'),
        isNull(callReviews.acknowledgedAt),
        inArray(callReviews.day, days),
      ),
    )
    .groupBy(callReviews.day)
    .all()) {
    out.get(r.day)!.unacknowledged = r.n;
  }
  return out;
}

/**
 * Recomputes a trainee day's call counts from the rows they count, so a retried or concurrent
 * write can't drift them: handled = connected calls (duration > 0; an unanswered call has
 * nothing to review or listen to), sampled = the current sample, reviewed = current sampled
 * calls with a mentor review. Other columns of the day are left alone.
 */
export function recountDayCallFacts(db: DbOrTx, params: { traineeId: number; day: IsoDate }): void {
  const handled =
    db
      .select({ n: count() })
      .from(calls)
      .where(and(eq(calls.traineeId, params.traineeId), eq(calls.day, params.day), gt(calls.durationSec, 0)))
      .get()?.n ?? 0;
  const current = and(eq(dailySamples.traineeId, params.traineeId), eq(dailySamples.day, params.day), isNull(sampledCalls.replacedAt));
  const sampled =
    db.select({ n: count() }).from(sampledCalls).innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId)).where(current).get()?.n ?? 0;
  const reviewed =
    db
      .select({ n: count() })
      .from(sampledCalls)
      .innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId))
      .innerJoin(callReviews, and(eq(callReviews.callId, sampledCalls.callId), eq(callReviews.kind, 'mentor')))
      .where(current)
      .get()?.n ?? 0;
  db.insert(traineeDays)
    .values({ traineeId: params.traineeId, day: params.day, callsHandled: handled, callsSampled: sampled, callsReviewed: reviewed })
    .onConflictDoUpdate({
      target: [traineeDays.traineeId, traineeDays.day],
      set: { callsHandled: handled, callsSampled: sampled, callsReviewed: reviewed },
    })
    .run();
}

/** Calls of the day that arrived after the sample was drawn (they are not in its pool). */
export function countCallsOutsidePool(db: DbOrTx, params: { traineeId: number; day: IsoDate; poolCallIds: readonly number[] }): number {
  const pool = new Set(params.poolCallIds);
  return listDayCalls(db, params).filter((c) => !pool.has(c.id)).length;
}
