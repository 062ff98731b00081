// Simulation drills (话务模拟演练): the groups a lead forms for a day, their members, and the
// scripts (话述) trainees write for that day's drill. Group reads are scoped by organisation;
// script reads by a trainee the caller already authorized.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { prepared } from '../prepared';
import type { DbOrTx } from '../tx';
import { drillGroupMembers, drillGroups, drillScripts, traineeDays, trainees, users } from '../schema';
import { ensureTraineeDay } from './shadowing';

export type DrillGroupMember = { traineeId: number; displayName: string };
export type DrillGroupWithMembers = {
  id: number;
  day: string;
  name: string;
  scenarioId: string;
  createdBy: number | null;
  members: DrillGroupMember[];
  scriptsSubmitted: number;
};

function listMembers(db: DbOrTx, groupIds: number[]): Map<number, DrillGroupMember[]> {
  const byGroup = new Map<number, DrillGroupMember[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = db
    .select({ groupId: drillGroupMembers.groupId, traineeId: drillGroupMembers.traineeId, displayName: users.displayName })
    .from(drillGroupMembers)
    .innerJoin(trainees, eq(trainees.id, drillGroupMembers.traineeId))
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(inArray(drillGroupMembers.groupId, groupIds))
    .orderBy(asc(users.displayName))
    .all();
  for (const row of rows) {
    const list = byGroup.get(row.groupId) ?? [];
    list.push({ traineeId: row.traineeId, displayName: row.displayName });
    byGroup.set(row.groupId, list);
  }
  return byGroup;
}

function countScripts(db: DbOrTx, groupIds: number[]): Map<number, number> {
  if (groupIds.length === 0) return new Map();
  const rows = db
    .select({ groupId: drillScripts.groupId, n: count() })
    .from(drillScripts)
    .where(inArray(drillScripts.groupId, groupIds))
    .groupBy(drillScripts.groupId)
    .all();
  return new Map(rows.map((r) => [r.groupId ?? 0, r.n]));
}

export function listDrillGroupsForDay(db: DbOrTx, params: { orgId: number; day: string }): DrillGroupWithMembers[] {
  const groups = db
    .select()
    .from(drillGroups)
    .where(and(eq(drillGroups.orgId, params.orgId), eq(drillGroups.day, params.day)))
    .orderBy(asc(drillGroups.name), asc(drillGroups.id))
    .all();
  const ids = groups.map((g) => g.id);
  const members = listMembers(db, ids);
  const scripts = countScripts(db, ids);
  return groups.map((g) => ({
    id: g.id,
    day: g.day,
    name: g.name,
    scenarioId: g.scenarioId,
    createdBy: g.createdBy,
    members: members.get(g.id) ?? [],
    scriptsSubmitted: scripts.get(g.id) ?? 0,
  }));
}

export function getDrillGroup(db: DbOrTx, params: { orgId: number; groupId: number }): DrillGroupWithMembers | null {
  const group = db
    .select()
    .from(drillGroups)
    .where(and(eq(drillGroups.orgId, params.orgId), eq(drillGroups.id, params.groupId)))
    .get();
  if (!group) return null;
  return {
    id: group.id,
    day: group.day,
    name: group.name,
    scenarioId: group.scenarioId,
    createdBy: group.createdBy,
    members: listMembers(db, [group.id]).get(group.id) ?? [],
    scriptsSubmitted: countScripts(db, [group.id]).get(group.id) ?? 0,
  };
}

export function findDrillGroupByName(db: DbOrTx, params: { orgId: number; day: string; name: string }) {
  return (
    db
      .select()
      .from(drillGroups)
      .where(and(eq(drillGroups.orgId, params.orgId), eq(drillGroups.day, params.day), eq(drillGroups.name, params.name)))
      .get() ?? null
  );
}

/** Trainees already in a group on that day (a trainee drills in one group a day). */
export function listGroupedTraineeIds(db: DbOrTx, params: { orgId: number; day: string }): Set<number> {
  const rows = db
    .select({ traineeId: drillGroupMembers.traineeId })
    .from(drillGroupMembers)
    .innerJoin(drillGroups, eq(drillGroups.id, drillGroupMembers.groupId))
    .where(and(eq(drillGroups.orgId, params.orgId), eq(drillGroups.day, params.day)))
    .all();
  return new Set(rows.map((r) => r.traineeId));
}

export function insertDrillGroup(
  tx: DbOrTx,
  params: { orgId: number; day: string; name: string; scenarioId: string; createdBy: number; traineeIds: number[] },
): number {
  const group = tx
    .insert(drillGroups)
    .values({ orgId: params.orgId, day: params.day, name: params.name, scenarioId: params.scenarioId, createdBy: params.createdBy })
    .returning({ id: drillGroups.id })
    .get();
  for (const traineeId of params.traineeIds) {
    tx.insert(drillGroupMembers).values({ groupId: group.id, traineeId }).run();
  }
  return group.id;
}

export function deleteDrillGroup(tx: DbOrTx, params: { orgId: number; groupId: number }): void {
  tx.delete(drillGroupMembers).where(eq(drillGroupMembers.groupId, params.groupId)).run();
  tx.delete(drillGroups).where(and(eq(drillGroups.id, params.groupId), eq(drillGroups.orgId, params.orgId))).run();
}

/** The trainee's group on a day, if any. */
export function findTraineeDrillGroup(db: DbOrTx, params: { traineeId: number; day: string }): DrillGroupWithMembers | null {
  const row = db
    .select({ id: drillGroups.id, orgId: drillGroups.orgId })
    .from(drillGroupMembers)
    .innerJoin(drillGroups, eq(drillGroups.id, drillGroupMembers.groupId))
    .where(and(eq(drillGroupMembers.traineeId, params.traineeId), eq(drillGroups.day, params.day)))
    .orderBy(asc(drillGroups.id))
    .get();
  return row ? getDrillGroup(db, { orgId: row.orgId, groupId: row.id }) : null;
}

/** Every day on which the trainee was in a drill group. */
const TRAINEE_DRILL_GROUP_DAYS = Symbol('traineeDrillGroupDays');

/** Read for every mentee in the mentor's queue: prepared once (db/prepared.ts). */
export function listTraineeDrillGroupDays(db: DbOrTx, params: { traineeId: number }): Set<string> {
  const rows = prepared(db, TRAINEE_DRILL_GROUP_DAYS, () =>
    db
      .select({ day: drillGroups.day })
      .from(drillGroupMembers)
      .innerJoin(drillGroups, eq(drillGroups.id, drillGroupMembers.groupId))
      .where(eq(drillGroupMembers.traineeId, sql.placeholder('traineeId')))
      .prepare(),
  ).all(params);
  return new Set(rows.map((r) => r.day));
}

export type DrillScriptRow = typeof drillScripts.$inferSelect & { commentedByName: string | null; groupName: string | null };

export function listDrillScripts(db: DbOrTx, params: { traineeId: number }): DrillScriptRow[] {
  return db
    .select({ script: drillScripts, commentedByName: users.displayName, groupName: drillGroups.name })
    .from(drillScripts)
    .leftJoin(users, eq(users.id, drillScripts.commentedBy))
    .leftJoin(drillGroups, eq(drillGroups.id, drillScripts.groupId))
    .where(eq(drillScripts.traineeId, params.traineeId))
    .orderBy(desc(drillScripts.day))
    .all()
    .map((r) => ({ ...r.script, commentedByName: r.commentedByName, groupName: r.groupName }));
}

export function getDrillScript(db: DbOrTx, params: { traineeId: number; day: string }) {
  return (
    db
      .select()
      .from(drillScripts)
      .where(and(eq(drillScripts.traineeId, params.traineeId), eq(drillScripts.day, params.day)))
      .get() ?? null
  );
}

/** A script by id within the organisation (the trainee's org), for the mentor's comment. */
export function getDrillScriptInOrg(db: DbOrTx, params: { orgId: number; scriptId: number }) {
  return (
    db
      .select({ script: drillScripts })
      .from(drillScripts)
      .innerJoin(trainees, eq(trainees.id, drillScripts.traineeId))
      .where(and(eq(drillScripts.id, params.scriptId), eq(trainees.orgId, params.orgId)))
      .get()?.script ?? null
  );
}

/**
 * Stores the day's script (a resubmission before the mentor comments replaces the text) and marks
 * the day's drill script as submitted; run inside the caller's transaction.
 */
export function saveDrillScript(
  tx: DbOrTx,
  params: { traineeId: number; day: string; groupId: number; scenarioId: string; script: string },
): number {
  const row = tx
    .insert(drillScripts)
    .values(params)
    .onConflictDoUpdate({
      target: [drillScripts.traineeId, drillScripts.day],
      set: { script: params.script, groupId: params.groupId, scenarioId: params.scenarioId },
    })
    .returning({ id: drillScripts.id })
    .get();
  ensureTraineeDay(tx, params);
  tx.update(traineeDays)
    .set({ drillScriptSubmitted: true })
    .where(and(eq(traineeDays.traineeId, params.traineeId), eq(traineeDays.day, params.day)))
    .run();
  return row.id;
}

export function commentDrillScript(
  tx: DbOrTx,
  params: { scriptId: number; comment: string; mentorId: number; atMs: number },
): void {
  tx.update(drillScripts)
    .set({ mentorComment: params.comment, commentedBy: params.mentorId, commentedAt: params.atMs })
    .where(eq(drillScripts.id, params.scriptId))
    .run();
}

export function listUncommentedDrillScripts(db: DbOrTx, params: { traineeIds: number[] }) {
  if (params.traineeIds.length === 0) return [];
  return db
    .select({ id: drillScripts.id, traineeId: drillScripts.traineeId, day: drillScripts.day })
    .from(drillScripts)
    .where(and(inArray(drillScripts.traineeId, params.traineeIds), isNull(drillScripts.mentorComment)))
    .orderBy(asc(drillScripts.day))
    .all();
}

/** Class-A trainees of the organisation: the only ones who drill (SPEC: B has no simulation drills). */
export function listClassATrainees(db: DbOrTx, params: { orgId: number }) {
  return db
    .select({
      id: trainees.id,
      orgId: trainees.orgId,
      displayName: users.displayName,
      traineeClass: trainees.traineeClass,
      startDate: trainees.startDate,
      cohort: trainees.cohort,
      mentorId: trainees.mentorId,
      status: trainees.status,
    })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(and(eq(trainees.orgId, params.orgId), eq(trainees.traineeClass, 'A')))
    .orderBy(asc(trainees.cohort), asc(users.displayName))
    .all();
}
