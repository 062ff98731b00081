// Auth.js v5: Credentials (username + password), JWT sessions carrying user id, organisation,
// roles and the session version that lib/session.ts checks against the database on every request.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { countRecentFailures, findUserById, findUserByUsername, recordLoginAttempt } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { resolveAuthSecret } from './auth-secret';
import { DUMMY_HASH, verifyPassword } from './password';
import { decideSignInThrottle, SIGN_IN_WINDOW_MS } from './sign-in-guard';

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}
class TooManyAttempts extends CredentialsSignin {
  code = 'too_many_attempts';
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

// The rightmost x-forwarded-for entry is the one added by the nearest proxy (or, with no proxy,
// by Next.js from the socket); entries to its left are whatever the client claimed.
function clientAddress(request: Request | undefined): string {
  const hops = request?.headers.get('x-forwarded-for')?.split(',') ?? [];
  return hops.at(-1)?.trim() || request?.headers.get('x-real-ip') || 'unknown';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function authorizeCredentials(raw: unknown, request: Request | undefined) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const username = parsed.data.username.toLowerCase();
  const ip = clientAddress(request);
  const db = getDb();
  const now = Date.now();
  const throttle = decideSignInThrottle(countRecentFailures(db, { username, ip, since: now - SIGN_IN_WINDOW_MS }));
  if (throttle.refused) {
    recordLoginAttempt(db, { username, ip, succeeded: false, at: now });
    throw new TooManyAttempts();
  }
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);

  const user = findUserByUsername(db, { username });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled || user.roles.length === 0) {
    recordLoginAttempt(db, { username, ip, succeeded: false, at: Date.now() });
    console.warn(`[auth] failed sign-in for "${username}" from ${ip}`);
    throw new InvalidCredentials();
  }
  recordLoginAttempt(db, { username, ip, succeeded: true, at: Date.now() });
  return {
    id: String(user.id),
    name: user.displayName,
    orgId: user.orgId,
    roles: user.roles,
    sessionVersion: user.sessionVersion,
  };
}

declare module 'next-auth' {
  interface User {
    orgId?: number;
    roles?: Role[];
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  logger: {
    // Failed sign-ins are expected traffic and already logged above; keep real errors loud.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error('[auth]', error);
    },
    warn() {},
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.orgId = user.orgId;
        token.roles = user.roles;
        token.sv = user.sessionVersion;
        return token;
      }
      // The same check as lib/session.ts, so /api/auth/session stops vouching for a disabled user or a
      // stale role list too, and Auth.js clears their cookie (returning null ends the session).
      const current = findUserById(getDb(), { userId: Number(token.uid) });
      if (!current || current.disabled || current.sessionVersion !== token.sv) return null;
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        uid: token.uid as number,
        orgId: token.orgId as number,
        roles: token.roles as Role[],
        sv: token.sv as number,
      };
    },
  },
});
