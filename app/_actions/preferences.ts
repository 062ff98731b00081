'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locales';
import { ACTIVE_ROLE_COOKIE, getActor, ROLE_HOME } from '@/lib/session';
import { ROLES, type Role } from '@/db/schema';

const YEAR = 60 * 60 * 24 * 365;

export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = toLocale(String(form.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: YEAR, sameSite: 'lax', httpOnly: true });
}

export async function switchRoleAction(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const role = String(form.get('role') ?? '');
  if (!(ROLES as readonly string[]).includes(role) || !actor.roles.includes(role as Role)) redirect('/');
  (await cookies()).set(ACTIVE_ROLE_COOKIE, role, { path: '/', sameSite: 'lax', httpOnly: true });
  redirect(ROLE_HOME[role as Role]);
}

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(ACTIVE_ROLE_COOKIE);
  await signOut({ redirectTo: '/login' });
}
