// Mentors and who they mentor: the lead's overview, the mentor picker, and the assignment history
// (a reassignment closes the current row and opens a new one, so past mentors keep read access).
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../tx';
import { mentorAssignments, trainees, userRoles, users } from '../schema';

export type MentorSummary = {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  currentMentees: number;
  pastMentees: number;
};

/** Every user with the mentor role in the organisation, with how many trainees they mentor now and did before. */
export function listMentorsWithCounts(db: DbOrTx, params: { orgId: number }): MentorSummary[] {
  const mentors = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'mentor')))
    .where(eq(users.orgId, params.orgId))
    .orderBy(asc(users.displayName), asc(users.username))
    .all();
  if (mentors.length === 0) return [];
  const ids = mentors.map((m) => m.id);
  const current = new Map(
    db
      .select({ mentorId: trainees.mentorId, n: count() })
      .from(trainees)
      .where(and(eq(trainees.orgId, params.orgId), inArray(trainees.mentorId, ids)))
      .groupBy(trainees.mentorId)
      .all()
      .map((r) => [r.mentorId, r.n]),
  );
  // Past mentees: trainees this mentor was assigned to whose current mentor is someone else.
  const pastRows = db
    .selectDistinct({ mentorId: mentorAssignments.mentorId, traineeId: mentorAssignments.traineeId, currentMentorId: trainees.mentorId })
    .from(mentorAssignments)
    .innerJoin(trainees, eq(trainees.id, mentorAssignments.traineeId))
    .where(and(eq(trainees.orgId, params.orgId), inArray(mentorAssignments.mentorId, ids)))
    .all();
  const past = new Map<number, number>();
  for (const r of pastRows) if (r.currentMentorId !== r.mentorId) past.set(r.mentorId, (past.get(r.mentorId) ?? 0) + 1);
  return mentors.map((m) => ({ ...m, currentMentees: current.get(m.id) ?? 0, pastMentees: past.get(m.id) ?? 0 }));
}

/** Mentors a trainee can be given: the mentor role, in the organisation, not disabled. */
export function listActiveMentors(db: DbOrTx, params: { orgId: number }): MentorSummary[] {
  return listMentorsWithCounts(db, params).filter((m) => !m.disabled);
}

export function findActiveMentor(db: DbOrTx, params: { orgId: number; mentorId: number }) {
  return (
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'mentor')))
      .where(and(eq(users.id, params.mentorId), eq(users.orgId, params.orgId), eq(users.disabled, false)))
      .get() ?? null
  );
}

/** Active mentors of the organisation by username (the CSV names mentors by username). */
export function findActiveMentorsByUsername(db: DbOrTx, params: { orgId: number; usernames: string[] }): Map<string, number> {
  if (params.usernames.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, username: users.username })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'mentor')))
    .where(and(eq(users.orgId, params.orgId), eq(users.disabled, false), inArray(users.username, params.usernames)))
    .all();
  return new Map(rows.map((r) => [r.username, r.id]));
}

const mentorUser = alias(users, 'mentor_user');
const assignerUser = alias(users, 'assigner_user');

/** A trainee's mentors over time, newest first. */
export function listMentorAssignments(db: DbOrTx, params: { traineeId: number }) {
  return db
    .select({
      id: mentorAssignments.id,
      mentorId: mentorAssignments.mentorId,
      mentorName: mentorUser.displayName,
      mentorUsername: mentorUser.username,
      fromDate: mentorAssignments.fromDate,
      toDate: mentorAssignments.toDate,
      reason: mentorAssignments.reason,
      assignedByName: assignerUser.displayName,
      createdAt: mentorAssignments.createdAt,
    })
    .from(mentorAssignments)
    .innerJoin(mentorUser, eq(mentorUser.id, mentorAssignments.mentorId))
    .leftJoin(assignerUser, eq(assignerUser.id, mentorAssignments.assignedBy))
    .where(eq(mentorAssignments.traineeId, params.traineeId))
    .orderBy(desc(mentorAssignments.id))
    .all();
}

/** Trainees of the organisation with their current mentor, for the lead's reassignment list. */
export function listTraineesWithMentor(db: DbOrTx, params: { orgId: number; mentorId?: number }) {
  const conditions = [eq(trainees.orgId, params.orgId)];
  if (params.mentorId !== undefined) conditions.push(eq(trainees.mentorId, params.mentorId));
  return db
    .select({
      id: trainees.id,
      displayName: users.displayName,
      username: users.username,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      startDate: trainees.startDate,
      status: trainees.status,
      currentStage: trainees.currentStage,
      mentorId: trainees.mentorId,
      mentorName: mentorUser.displayName,
      mentorDisabled: mentorUser.disabled,
    })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .leftJoin(mentorUser, eq(mentorUser.id, trainees.mentorId))
    .where(and(...conditions))
    .orderBy(asc(trainees.cohort), asc(users.displayName))
    .all();
}

/**
 * Hands a trainee to another mentor on `effectiveDate`: the open assignment is closed that day,
 * a new one starts, and the trainee's current mentor changes. Run it inside a transaction.
 */
export function reassignMentor(
  tx: DbOrTx,
  params: { traineeId: number; mentorId: number; effectiveDate: string; assignedBy: number; reason: string },
): { assignmentId: number } {
  tx.update(mentorAssignments)
    .set({ toDate: params.effectiveDate })
    .where(and(eq(mentorAssignments.traineeId, params.traineeId), isNull(mentorAssignments.toDate)))
    .run();
  const row = tx
    .insert(mentorAssignments)
    .values({
      traineeId: params.traineeId,
      mentorId: params.mentorId,
      fromDate: params.effectiveDate,
      assignedBy: params.assignedBy,
      reason: params.reason,
    })
    .returning({ id: mentorAssignments.id })
    .get();
  tx.update(trainees).set({ mentorId: params.mentorId }).where(eq(trainees.id, params.traineeId)).run();
  return { assignmentId: row.id };
}

export function getCurrentMentorId(db: DbOrTx, params: { orgId: number; traineeId: number }): number | null {
  return (
    db
      .select({ mentorId: trainees.mentorId })
      .from(trainees)
      .where(and(eq(trainees.id, params.traineeId), eq(trainees.orgId, params.orgId)))
      .get()?.mentorId ?? null
  );
}
