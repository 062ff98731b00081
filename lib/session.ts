// Who is asking, checked against the database on every request: a disabled user or a
// changed role list (session version bumped) loses access at once, whatever the JWT says.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import { ROLES, type Role } from '@/db/schema';
import { auth } from './auth';
import type { Actor } from './authz';

export const ACTIVE_ROLE_COOKIE = 'active_role';

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  const user = findUserById(getDb(), { userId: session.uid });
  if (!user || user.disabled || user.sessionVersion !== session.sv || user.roles.length === 0) return null;
  return {
    userId: user.id,
    orgId: user.orgId,
    roles: user.roles,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
  };
});

/**
 * For pages and route handlers that need a signed-in user: anonymous visitors go to sign-in, and a
 * user still holding a one-time password goes to choose their own first.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  if (actor.mustChangePassword) redirect('/change-password');
  return actor;
}

/** The role whose home and navigation the user is looking at; permissions always use all roles. */
export async function getActiveRole(actor: Actor): Promise<Role> {
  const chosen = (await cookies()).get(ACTIVE_ROLE_COOKIE)?.value;
  if (chosen && (ROLES as readonly string[]).includes(chosen) && actor.roles.includes(chosen as Role)) {
    return chosen as Role;
  }
  return defaultRole(actor.roles);
}

const ROLE_PRIORITY: Role[] = ['lead', 'mentor', 'qa', 'trainee', 'admin'];
export function defaultRole(roles: Role[]): Role {
  return ROLE_PRIORITY.find((r) => roles.includes(r)) ?? roles[0] ?? 'trainee';
}

export const ROLE_HOME: Record<Role, string> = {
  trainee: '/today',
  mentor: '/mentor',
  qa: '/qa',
  lead: '/lead',
  admin: '/admin',
};
