// Writing a new trainee: the user who signs in, their trainee role, the trainee record and the
// first mentor assignment. The `enrolled` event is appended by the caller (lib/program.ts) in the
// same transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { mentorAssignments, programEvents, trainees, userRoles, users, type TraineeClass } from '../schema';

/** Usernames already in use. Usernames are unique across organisations (users_username_uq). */
export function findTakenUsernames(db: DbOrTx, params: { usernames: string[] }): Set<string> {
  if (params.usernames.length === 0) return new Set();
  const rows = db.select({ username: users.username }).from(users).where(inArray(users.username, params.usernames)).all();
  return new Set(rows.map((r) => r.username));
}

export type NewTraineeRow = {
  orgId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  traineeClass: TraineeClass;
  cohort: string;
  startDate: string;
  mentorId: number;
  assignedBy: number;
};

export function insertEnrolledTrainee(tx: DbOrTx, row: NewTraineeRow): { userId: number; traineeId: number } {
  const user = tx
    .insert(users)
    .values({
      orgId: row.orgId,
      username: row.username,
      displayName: row.displayName,
      passwordHash: row.passwordHash,
      mustChangePassword: true,
    })
    .returning({ id: users.id })
    .get();
  tx.insert(userRoles).values({ userId: user.id, role: 'trainee' }).run();
  const trainee = tx
    .insert(trainees)
    .values({
      orgId: row.orgId,
      userId: user.id,
      traineeClass: row.traineeClass,
      cohort: row.cohort,
      startDate: row.startDate,
      mentorId: row.mentorId,
    })
    .returning({ id: trainees.id })
    .get();
  tx.insert(mentorAssignments)
    .values({ traineeId: trainee.id, mentorId: row.mentorId, fromDate: row.startDate, assignedBy: row.assignedBy })
    .run();
  return { userId: user.id, traineeId: trainee.id };
}

export type EnrolledTrainee = { traineeId: number; username: string; displayName: string };

/**
 * The trainees an earlier submission with this key enrolled. The key sits on the batch's first
 * `enrolled` event; the rest of the batch shares its author and its creation instant.
 */
export function findEnrolmentBatch(db: DbOrTx, params: { orgId: number; requestKey: string }): EnrolledTrainee[] | null {
  const first = db
    .select({ actorId: programEvents.actorId, createdAt: programEvents.createdAt })
    .from(programEvents)
    .where(and(eq(programEvents.requestKey, params.requestKey), eq(programEvents.orgId, params.orgId), eq(programEvents.kind, 'enrolled')))
    .get();
  if (!first) return null;
  const actor = first.actorId === null ? undefined : eq(programEvents.actorId, first.actorId);
  return db
    .select({ traineeId: trainees.id, username: users.username, displayName: users.displayName })
    .from(programEvents)
    .innerJoin(trainees, eq(trainees.id, programEvents.traineeId))
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(
      and(
        eq(programEvents.orgId, params.orgId),
        eq(programEvents.kind, 'enrolled'),
        eq(programEvents.createdAt, first.createdAt),
        ...(actor ? [actor] : []),
      ),
    )
    .orderBy(programEvents.id)
    .all();
}

