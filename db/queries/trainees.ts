import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { mentorAssignments, trainees, users } from '../schema';

export type TraineeRecord = {
  id: number;
  orgId: number;
  userId: number;
  displayName: string;
  username: string;
  traineeClass: 'A' | 'B';
  cohort: string;
  startDate: string;
  mentorId: number | null;
  mentorName: string | null;
  status: string;
  currentStage: string | null;
  pastMentorIds: number[];
};

// Every trainee page and the mentor's queue load trainees by id: prepared once (db/prepared.ts).
const TRAINEE_BY_ID = Symbol('traineeById');
const TRAINEE_MENTOR_HISTORY = Symbol('traineeMentorHistory');
const USER_DISPLAY_NAME = Symbol('userDisplayName');
const TRAINEE_ID_BY_USER = Symbol('traineeIdByUser');

export function getTrainee(db: Db, params: { orgId: number; traineeId: number }): TraineeRecord | null {
  const row = prepared(db, TRAINEE_BY_ID, () =>
    db.select({
      id: trainees.id,
      orgId: trainees.orgId,
      userId: trainees.userId,
      displayName: users.displayName,
      username: users.username,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      startDate: trainees.startDate,
      mentorId: trainees.mentorId,
      status: trainees.status,
      currentStage: trainees.currentStage,
    })
      .from(trainees)
      .innerJoin(users, eq(users.id, trainees.userId))
      .where(and(eq(trainees.id, sql.placeholder('traineeId')), eq(trainees.orgId, sql.placeholder('orgId'))))
      .prepare(),
  ).get(params);
  if (!row) return null;
  const history = prepared(db, TRAINEE_MENTOR_HISTORY, () =>
    db.select({ mentorId: mentorAssignments.mentorId }).from(mentorAssignments).where(eq(mentorAssignments.traineeId, sql.placeholder('traineeId'))).prepare(),
  ).all({ traineeId: row.id });
  const mentor = row.mentorId
    ? prepared(db, USER_DISPLAY_NAME, () =>
        db.select({ displayName: users.displayName }).from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
      ).get({ userId: row.mentorId })
    : undefined;
  return {
    ...row,
    mentorName: mentor?.displayName ?? null,
    pastMentorIds: [...new Set(history.map((h) => h.mentorId))],
  };
}

export function getTraineeByUser(db: Db, params: { orgId: number; userId: number }): TraineeRecord | null {
  const row = prepared(db, TRAINEE_ID_BY_USER, () =>
    db
      .select({ id: trainees.id })
      .from(trainees)
      .where(and(eq(trainees.userId, sql.placeholder('userId')), eq(trainees.orgId, sql.placeholder('orgId'))))
      .prepare(),
  ).get(params);
  return row ? getTrainee(db, { orgId: params.orgId, traineeId: row.id }) : null;
}

export function listMentees(db: Db, params: { orgId: number; mentorId: number }) {
  return db
    .select({
      id: trainees.id,
      displayName: users.displayName,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      status: trainees.status,
      currentStage: trainees.currentStage,
    })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(and(eq(trainees.orgId, params.orgId), eq(trainees.mentorId, params.mentorId)))
    .orderBy(asc(users.displayName))
    .all();
}

export type TraineeListFilters = { cohort?: string; traineeClass?: 'A' | 'B'; mentorId?: number; stages?: string[] };

export function listTrainees(db: Db, params: { orgId: number } & TraineeListFilters) {
  const conditions = [eq(trainees.orgId, params.orgId)];
  if (params.cohort) conditions.push(eq(trainees.cohort, params.cohort));
  if (params.traineeClass) conditions.push(eq(trainees.traineeClass, params.traineeClass));
  if (params.mentorId) conditions.push(eq(trainees.mentorId, params.mentorId));
  if (params.stages && params.stages.length > 0) conditions.push(inArray(trainees.currentStage, params.stages));
  return db
    .select({
      id: trainees.id,
      displayName: users.displayName,
      username: users.username,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      startDate: trainees.startDate,
      mentorId: trainees.mentorId,
      status: trainees.status,
      currentStage: trainees.currentStage,
    })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(and(...conditions))
    .orderBy(asc(trainees.cohort), asc(users.displayName))
    .all();
}

/**
 * Trainees the mentor used to mentor and no longer does (a lead reassigned them), with the day
 * the mentor's last assignment ended. Past mentors keep read access (lib/authz 'past_mentor').
 */
export function listPastMentees(db: Db, params: { orgId: number; mentorId: number }) {
  const rows = db
    .select({
      id: trainees.id,
      displayName: users.displayName,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      status: trainees.status,
      currentStage: trainees.currentStage,
      currentMentorId: trainees.mentorId,
      toDate: mentorAssignments.toDate,
    })
    .from(mentorAssignments)
    .innerJoin(trainees, eq(trainees.id, mentorAssignments.traineeId))
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(and(eq(trainees.orgId, params.orgId), eq(mentorAssignments.mentorId, params.mentorId)))
    .orderBy(asc(users.displayName))
    .all();
  const byTrainee = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.currentMentorId === params.mentorId) continue;
    const seen = byTrainee.get(row.id);
    if (!seen || (row.toDate ?? '') > (seen.toDate ?? '')) byTrainee.set(row.id, row);
  }
  return [...byTrainee.values()].map(({ currentMentorId: _current, toDate, ...rest }) => ({ ...rest, mentoredUntil: toDate }));
}
