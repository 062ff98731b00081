// Reads and appends of program facts: events (append-only) and the per-day activity rows.
import { and, asc, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { DayActivity } from '@/domain/day-status';
import type { DbOrTx } from '../tx';
import { calendarOverrides, organisations, programEvents, traineeDays, trainees, users, type NewProgramEventRow } from '../schema';

export function getOrganisation(db: DbOrTx, params: { orgId: number }) {
  return db.select().from(organisations).where(eq(organisations.id, params.orgId)).get() ?? null;
}

export function listCalendarOverrides(db: DbOrTx, params: { orgId: number }) {
  return db.select().from(calendarOverrides).where(eq(calendarOverrides.orgId, params.orgId)).orderBy(asc(calendarOverrides.day)).all();
}

export function listTraineeEventRows(db: DbOrTx, params: { traineeId: number }) {
  return db.select().from(programEvents).where(eq(programEvents.traineeId, params.traineeId)).orderBy(asc(programEvents.id)).all();
}

export function findEventsByRequestKey(db: DbOrTx, params: { requestKey: string }) {
  return db.select().from(programEvents).where(eq(programEvents.requestKey, params.requestKey)).all();
}

export function insertProgramEvent(db: DbOrTx, row: NewProgramEventRow) {
  return db.insert(programEvents).values(row).returning().get();
}

/** The trainee's day facts in the shape the engine reads. */
export function listTraineeActivity(db: DbOrTx, params: { traineeId: number }): DayActivity[] {
  return db
    .select()
    .from(traineeDays)
    .where(eq(traineeDays.traineeId, params.traineeId))
    .all()
    .map((d) => ({
      date: d.day,
      recordingsLogged: d.recordingsLogged,
      liveShadowingAttended: d.liveShadowing,
      drillScriptSubmitted: d.drillScriptSubmitted,
      callsHandled: d.callsHandled,
      callsSampled: d.callsSampled,
      callsReviewed: d.callsReviewed,
      callsLiveListened: d.callsLiveListened,
    }));
}

export function updateTraineeStatusCache(
  db: DbOrTx,
  params: {
    traineeId: number;
    status: (typeof trainees.$inferInsert)['status'];
    currentStage: string | null;
    asOf: string;
    dashboardFacts: Record<string, unknown>;
  },
): void {
  db.update(trainees)
    .set({ status: params.status, currentStage: params.currentStage, statusAsOf: params.asOf, dashboardFacts: params.dashboardFacts })
    .where(eq(trainees.id, params.traineeId))
    .run();
}

/** Trainees whose cached status was computed before `today` (or never). Backed by trainees_org_status_as_of_idx. */
export function listTraineesWithStaleStatus(db: DbOrTx, params: { orgId: number; today: string; traineeId?: number }) {
  const org = eq(trainees.orgId, params.orgId);
  // Spelled as a top-level OR of two index ranges: `org and (null or <)` makes SQLite read every row.
  const where =
    params.traineeId === undefined
      ? or(and(org, isNull(trainees.statusAsOf)), and(org, lt(trainees.statusAsOf, params.today)))
      : and(org, eq(trainees.id, params.traineeId), or(isNull(trainees.statusAsOf), lt(trainees.statusAsOf, params.today)));
  return db
    .select({ id: trainees.id, orgId: trainees.orgId, traineeClass: trainees.traineeClass, startDate: trainees.startDate })
    .from(trainees)
    .where(where)
    .all();
}

export function listTraineeStatusCache(db: DbOrTx, params: { orgId: number }) {
  return db
    .select({ id: trainees.id, orgId: trainees.orgId, traineeClass: trainees.traineeClass, startDate: trainees.startDate, status: trainees.status, currentStage: trainees.currentStage })
    .from(trainees)
    .where(eq(trainees.orgId, params.orgId))
    .all();
}

/** Every event of a trainee with who recorded it, newest first: the plan's audit trail. */
export function listTraineeEventHistory(db: DbOrTx, params: { traineeId: number }) {
  return db
    .select({
      id: programEvents.id,
      kind: programEvents.kind,
      effectiveDate: programEvents.effectiveDate,
      payload: programEvents.payload,
      reason: programEvents.reason,
      createdAt: programEvents.createdAt,
      actorName: users.displayName,
    })
    .from(programEvents)
    .leftJoin(users, eq(users.id, programEvents.actorId))
    .where(eq(programEvents.traineeId, params.traineeId))
    .orderBy(desc(programEvents.id))
    .all();
}
