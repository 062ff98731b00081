// The organisation's change history: every program event but enrolment (sign-offs, overrides,
// waivers, extensions, decisions, corrections, exam results), with who recorded it and why.
// Events are append-only, so this is the audit trail itself, not a copy of it.
import { aliasedTable, and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { programEventKinds, type ProgramEventKind } from '@/domain/events';
import type { DbOrTx } from '../tx';
import { programEvents, trainees, users } from '../schema';

/** Enrolment is the record's creation, not a change to it. */
export const AUDIT_KINDS: readonly ProgramEventKind[] = programEventKinds.filter((k) => k !== 'enrolled');

export type AuditFilters = { traineeId?: number; kind?: ProgramEventKind };

export type AuditEntry = {
  id: number;
  kind: string;
  effectiveDate: string;
  createdAt: number;
  reason: string | null;
  payload: Record<string, unknown>;
  traineeId: number;
  traineeName: string;
  actorName: string | null;
};

function conditions(params: { orgId: number } & AuditFilters): SQL {
  const parts: SQL[] = [eq(programEvents.orgId, params.orgId)];
  parts.push(params.kind && AUDIT_KINDS.includes(params.kind) ? eq(programEvents.kind, params.kind) : inArray(programEvents.kind, [...AUDIT_KINDS]));
  if (params.traineeId !== undefined) parts.push(eq(programEvents.traineeId, params.traineeId));
  return and(...parts)!;
}

/** Newest first (by when it was recorded), `limit` rows from `offset`. */
export function listAuditEntries(db: DbOrTx, params: { orgId: number; limit: number; offset: number } & AuditFilters): AuditEntry[] {
  const traineeUser = aliasedTable(users, 'trainee_user');
  const actor = aliasedTable(users, 'actor');
  return db
    .select({
      id: programEvents.id,
      kind: programEvents.kind,
      effectiveDate: programEvents.effectiveDate,
      createdAt: programEvents.createdAt,
      reason: programEvents.reason,
      payload: programEvents.payload,
      traineeId: programEvents.traineeId,
      traineeName: traineeUser.displayName,
      actorName: actor.displayName,
    })
    .from(programEvents)
    .innerJoin(trainees, eq(trainees.id, programEvents.traineeId))
    .innerJoin(traineeUser, eq(traineeUser.id, trainees.userId))
    .leftJoin(actor, eq(actor.id, programEvents.actorId))
    .where(conditions(params))
    .orderBy(desc(programEvents.createdAt), desc(programEvents.id))
    .limit(params.limit)
    .offset(params.offset)
    .all();
}

export function countAuditEntries(db: DbOrTx, params: { orgId: number } & AuditFilters): number {
  return db.select({ n: count() }).from(programEvents).where(conditions(params)).get()?.n ?? 0;
}

/** The organisation's trainees, for the history filter's options. */
export function listAuditTrainees(db: DbOrTx, params: { orgId: number }): { id: number; displayName: string }[] {
  return db
    .selectDistinct({ id: trainees.id, displayName: users.displayName })
    .from(trainees)
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(eq(trainees.orgId, params.orgId))
    .orderBy(users.displayName)
    .all();
}
