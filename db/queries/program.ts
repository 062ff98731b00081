// Reads and appends of program facts: events (append-only) and the per-day activity rows.
import { and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DayActivity } from '@/domain/day-status';
import type { DbOrTx } from '../tx';
import { prepared } from '../prepared';
import { calendarOverrides, organisations, programEvents, traineeDays, trainees, users, type NewProgramEventRow } from '../schema';

// The queries behind every plan a page computes are prepared once per connection (db/prepared.ts).
const ORGANISATION = Symbol('organisation');
const CALENDAR_OVERRIDES = Symbol('calendarOverrides');
const TRAINEE_EVENTS = Symbol('traineeEvents');
const TRAINEE_DAYS = Symbol('traineeDays');
const STALE_TRAINEE = Symbol('staleTrainee');

export function getOrganisation(db: DbOrTx, params: { orgId: number }) {
  return (
    prepared(db, ORGANISATION, () => db.select().from(organisations).where(eq(organisations.id, sql.placeholder('orgId'))).prepare()).get(params) ??
    null
  );
}

export function listCalendarOverrides(db: DbOrTx, params: { orgId: number }) {
  return prepared(db, CALENDAR_OVERRIDES, () =>
    db.select().from(calendarOverrides).where(eq(calendarOverrides.orgId, sql.placeholder('orgId'))).orderBy(asc(calendarOverrides.day)).prepare(),
  ).all(params);
}

export function listTraineeEventRows(db: DbOrTx, params: { traineeId: number }) {
  return prepared(db, TRAINEE_EVENTS, () =>
    db.select().from(programEvents).where(eq(programEvents.traineeId, sql.placeholder('traineeId'))).orderBy(asc(programEvents.id)).prepare(),
  ).all(params);
}

export function findEventsByRequestKey(db: DbOrTx, params: { requestKey: string }) {
  return db.select().from(programEvents).where(eq(programEvents.requestKey, params.requestKey)).all();
}

export function insertProgramEvent(db: DbOrTx, row: NewProgramEventRow) {
  return db.insert(programEvents).values(row).returning().get();
}

/** The trainee's day facts in the shape the engine reads. */
export function listTraineeActivity(db: DbOrTx, params: { traineeId: number }): DayActivity[] {
  return prepared(db, TRAINEE_DAYS, () => db.select().from(traineeDays).where(eq(traineeDays.traineeId, sql.placeholder('traineeId'))).prepare())
    .all(params)
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
  if (params.traineeId !== undefined) {
    // Every trainee page asks this about its one trainee first.
    return prepared(db, STALE_TRAINEE, () =>
      db
        .select({ id: trainees.id, orgId: trainees.orgId, traineeClass: trainees.traineeClass, startDate: trainees.startDate })
        .from(trainees)
        .where(
          and(
            eq(trainees.orgId, sql.placeholder('orgId')),
            eq(trainees.id, sql.placeholder('traineeId')),
            or(isNull(trainees.statusAsOf), lt(trainees.statusAsOf, sql.placeholder('today'))),
          ),
        )
        .prepare(),
    ).all(params);
  }
  const org = eq(trainees.orgId, params.orgId);
  // Spelled as a top-level OR of two index ranges: `org and (null or <)` makes SQLite read every row.
  const where = or(and(org, isNull(trainees.statusAsOf)), and(org, lt(trainees.statusAsOf, params.today)));
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
