// An admin's view of the organisation's accounts: search, create staff, change names and roles,
// disable, reset a password. Every change that should end the user's current sessions bumps
// users.session_version, which lib/session.ts compares with the JWT on every request.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { trainees, userRoles, users, type Role } from '../schema';

export type AdminUserRow = {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  roles: Role[];
  isTrainee: boolean;
};

function rolesByUser(db: DbOrTx, userIds: number[]): Map<number, Role[]> {
  const map = new Map<number, Role[]>();
  if (userIds.length === 0) return map;
  const rows = db.select().from(userRoles).where(inArray(userRoles.userId, userIds)).all();
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row.role]);
  return map;
}

/** `%` and `_` typed into the search box are letters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Users of the organisation whose username or name contains `query`, by username; at most `limit`. */
export function searchUsers(db: DbOrTx, params: { orgId: number; query?: string; limit: number }): { rows: AdminUserRow[]; more: boolean } {
  const conditions = [eq(users.orgId, params.orgId)];
  const query = params.query?.trim();
  if (query) {
    const pattern = containsPattern(query);
    conditions.push(or(sql`${users.username} like ${pattern} escape '\\'`, sql`${users.displayName} like ${pattern} escape '\\'`)!);
  }
  const rows = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      traineeId: trainees.id,
    })
    .from(users)
    .leftJoin(trainees, eq(trainees.userId, users.id))
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(params.limit + 1)
    .all();
  const shown = rows.slice(0, params.limit);
  const roles = rolesByUser(db, shown.map((r) => r.id));
  return {
    rows: shown.map(({ traineeId, ...r }) => ({ ...r, roles: sortRoles(roles.get(r.id) ?? []), isTrainee: traineeId !== null })),
    more: rows.length > params.limit,
  };
}

const ROLE_ORDER: Role[] = ['trainee', 'mentor', 'qa', 'lead', 'admin'];
function sortRoles(roles: Role[]): Role[] {
  return [...roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
}

export function getUserForAdmin(db: DbOrTx, params: { orgId: number; userId: number }): (AdminUserRow & { sessionVersion: number }) | null {
  const row = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
      traineeId: trainees.id,
    })
    .from(users)
    .leftJoin(trainees, eq(trainees.userId, users.id))
    .where(and(eq(users.id, params.userId), eq(users.orgId, params.orgId)))
    .get();
  if (!row) return null;
  const { traineeId, ...user } = row;
  return { ...user, roles: sortRoles(rolesByUser(db, [row.id]).get(row.id) ?? []), isTrainee: traineeId !== null };
}

export function insertStaffUser(
  tx: DbOrTx,
  params: { orgId: number; username: string; displayName: string; passwordHash: string; roles: Role[] },
): { id: number } {
  const user = tx
    .insert(users)
    .values({ orgId: params.orgId, username: params.username, displayName: params.displayName, passwordHash: params.passwordHash, mustChangePassword: true })
    .returning({ id: users.id })
    .get();
  for (const role of params.roles) tx.insert(userRoles).values({ userId: user.id, role }).run();
  return user;
}

function bumpSessionVersion(tx: DbOrTx, userId: number): void {
  tx.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

/**
 * Sets the display name and the exact role list. Returns whether the roles changed; when they did
 * and `endSessions` is set, the user's sessions end at their next request.
 */
export function updateUserAccount(
  tx: DbOrTx,
  params: { orgId: number; userId: number; displayName: string; roles: Role[]; endSessions: boolean },
): { rolesChanged: boolean } {
  tx.update(users)
    .set({ displayName: params.displayName })
    .where(and(eq(users.id, params.userId), eq(users.orgId, params.orgId)))
    .run();
  const before = new Set(rolesByUser(tx, [params.userId]).get(params.userId) ?? []);
  const after = new Set(params.roles);
  const removed = [...before].filter((r) => !after.has(r));
  const added = [...after].filter((r) => !before.has(r));
  for (const role of removed) tx.delete(userRoles).where(and(eq(userRoles.userId, params.userId), eq(userRoles.role, role))).run();
  for (const role of added) tx.insert(userRoles).values({ userId: params.userId, role }).run();
  const rolesChanged = removed.length > 0 || added.length > 0;
  if (rolesChanged && params.endSessions) bumpSessionVersion(tx, params.userId);
  return { rolesChanged };
}

/** Disabling or enabling ends the user's sessions either way: a re-enabled account signs in afresh. */
export function setUserDisabled(tx: DbOrTx, params: { orgId: number; userId: number; disabled: boolean }): void {
  tx.update(users)
    .set({ disabled: params.disabled, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, params.userId), eq(users.orgId, params.orgId)))
    .run();
}

/** An admin's reset: a new one-time password, to be changed at next sign-in; current sessions end. */
export function resetUserPassword(tx: DbOrTx, params: { orgId: number; userId: number; passwordHash: string }): void {
  tx.update(users)
    .set({ passwordHash: params.passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, params.userId), eq(users.orgId, params.orgId)))
    .run();
}

/** The user's own change: the session they are using stays valid. */
export function changeOwnPassword(tx: DbOrTx, params: { userId: number; passwordHash: string }): void {
  tx.update(users).set({ passwordHash: params.passwordHash, mustChangePassword: false }).where(eq(users.id, params.userId)).run();
}

export function getPasswordHash(db: DbOrTx, params: { userId: number }): string | null {
  return db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, params.userId)).get()?.hash ?? null;
}

export function countCurrentMentees(db: DbOrTx, params: { orgId: number; mentorId: number }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(trainees)
      .where(and(eq(trainees.orgId, params.orgId), eq(trainees.mentorId, params.mentorId)))
      .get()?.n ?? 0
  );
}
