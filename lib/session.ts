// Who is asking, checked against the database on every request: a disabled user or a
// changed role list (session version bumped) loses access at once, whatever the JWT says.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import { ROLES, type Role } from '@/db/schema';
import { decode } from 'next-auth/jwt';
import { resolveAuthSecret } from './auth-secret';
import type { Actor } from './authz';
import { SESSION_COOKIE_NAMES } from './session-cookie';

export const ACTIVE_ROLE_COOKIE = 'active_role';

let authSecret: string | undefined;

type SessionToken = { uid?: unknown; sv?: unknown; exp?: unknown };
const DECODED_CACHE_SIZE = 5000;
// Decrypting the token (HKDF, AES, HMAC through WebCrypto) cost more than the rest of the session check.
// A token that decrypted once is the same token on the user's next request: keep its payload, keyed
// by the exact token text (only a genuine token can ever hit) and honour its expiry ourselves.
const decoded = new Map<string, SessionToken>();

export async function decodeOnce(token: string, salt: string): Promise<SessionToken | null> {
  const key = `${salt}:${token}`;
  let payload = decoded.get(key);
  if (!payload) {
    payload = (await decode({ token, secret: (authSecret ??= resolveAuthSecret()), salt })) ?? undefined;
    if (!payload) return null;
    if (decoded.size >= DECODED_CACHE_SIZE) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, payload);
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) {
    decoded.delete(key);
    return null;
  }
  return payload;
}

/**
 * The session token Auth.js issued, decrypted and checked for expiry with Auth.js's own `decode`.
 * Auth.js's `auth()` would also run the jwt callback (a second user lookup), encrypt the token again
 * for a cookie a page cannot set, and build a session object: about a tenth of a page's server time.
 * The database check below is the one that decides.
 */
async function readSessionToken(): Promise<SessionToken | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    // A token too large for one cookie arrives in chunks name.0, name.1, … (Auth.js's SessionStore).
    const token =
      jar.get(name)?.value ??
      jar
        .getAll()
        .filter((c) => c.name.startsWith(`${name}.`))
        .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
        .map((c) => c.value)
        .join('');
    if (!token) continue;
    try {
      return await decodeOnce(token, name);
    } catch {
      return null;
    }
  }
  return null;
}

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await readSessionToken();
  if (typeof session?.uid !== 'number' || typeof session.sv !== 'number') return null;
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
