'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locales';
import { ACTIVE_ROLE_COOKIE, getActor, ROLE_HOME } from '@/lib/session';
import { ROLES, type Role } from '@/db/schema';

const YEAR = 60 * 60 * 24 * 365;

// Secure behind HTTPS (the proxy says so); plain http on localhost must still work.
async function cookieOptions() {
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  return { path: '/', sameSite: 'lax' as const, httpOnly: true, secure };
}

export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = toLocale(String(form.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, { ...(await cookieOptions()), maxAge: YEAR });
}

export async function switchRoleAction(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const role = String(form.get('role') ?? '');
  if (!(ROLES as readonly string[]).includes(role) || !actor.roles.includes(role as Role)) redirect('/');
  (await cookies()).set(ACTIVE_ROLE_COOKIE, role, await cookieOptions());
  redirect(ROLE_HOME[role as Role]);
}

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(ACTIVE_ROLE_COOKIE);
  await signOut({ redirectTo: '/login' });
}
