import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { loginAttempts, userRoles, users, type Role } from '../schema';

export type UserWithRoles = {
  id: number;
  orgId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  disabled: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  roles: Role[];
};

function rolesOf(db: Db, userIds: number[]): Map<number, Role[]> {
  const map = new Map<number, Role[]>();
  if (userIds.length === 0) return map;
  for (const row of db.select().from(userRoles).where(inArray(userRoles.userId, userIds)).all()) {
    const list = map.get(row.userId) ?? [];
    list.push(row.role);
    map.set(row.userId, list);
  }
  return map;
}

export function findUserByUsername(db: Db, params: { username: string }): UserWithRoles | null {
  const user = db.select().from(users).where(eq(users.username, params.username)).get();
  if (!user) return null;
  return { ...user, roles: rolesOf(db, [user.id]).get(user.id) ?? [] };
}

const USER_BY_ID = Symbol('userById');
const ROLES_OF_USER = Symbol('rolesOfUser');

/** Every request's session check runs this: prepared once (db/prepared.ts). */
export function findUserById(db: Db, params: { userId: number }): UserWithRoles | null {
  const user = prepared(db, USER_BY_ID, () =>
    db.select().from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
  ).get({ userId: params.userId });
  if (!user) return null;
  const roles = prepared(db, ROLES_OF_USER, () =>
    db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, sql.placeholder('userId'))).prepare(),
  ).all({ userId: user.id });
  return { ...user, roles: roles.map((r) => r.role) };
}

export function recordLoginAttempt(
  db: Db,
  params: { username: string; ip: string; succeeded: boolean; at: number },
): void {
  db.insert(loginAttempts).values(params).run();
}

/** Failed attempts since `since` for the account and for the address, counted separately. */
export function countRecentFailures(
  db: Db,
  params: { username: string; ip: string; since: number },
): { forAccount: number; forAddress: number } {
  const failed = eq(loginAttempts.succeeded, false);
  const since = gte(loginAttempts.at, params.since);
  const forAccount =
    db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.username, params.username), failed, since)).get()
      ?.n ?? 0;
  const forAddress =
    db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.ip, params.ip), failed, since)).get()?.n ?? 0;
  return { forAccount, forAddress };
}

export function listUsers(db: Db, params: { orgId: number }) {
  const rows = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled })
    .from(users)
    .where(eq(users.orgId, params.orgId))
    .orderBy(users.username)
    .all();
  const roles = rolesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }));
}

/** Whether the user still signs in with a one-time password and must choose their own first. */
export function mustChangePassword(db: Db, params: { userId: number }): boolean {
  return db.select({ must: users.mustChangePassword }).from(users).where(eq(users.id, params.userId)).get()?.must ?? false;
}
