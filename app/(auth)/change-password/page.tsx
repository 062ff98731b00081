import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { LanguageSwitch } from '@/components/language-switch';
import { getDb } from '@/db/client';
import { findUserById, mustChangePassword } from '@/db/queries/users';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/session';
import { ChangePasswordForm } from './change-password-form';
import { PASSWORD_LENGTH } from './schema';

// Outside the app shell on purpose: a user who must replace a one-time password sees only this.
export default async function ChangePasswordPage() {
  // getActor, not requireActor: requireActor sends a user with a one-time password here.
  const actor = await getActor();
  if (!actor) redirect('/login');
  const db = getDb();
  const forced = actor.mustChangePassword ?? mustChangePassword(db, { userId: actor.userId });
  const username = findUserById(db, { userId: actor.userId })?.username ?? '';
  const t = await getTranslations('account');
  const tc = await getTranslations('common');
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card">
        <p className="brand">{tc('appName')}</p>
        <h1>{t('title')}</h1>
        <p className={forced ? 'alert alert-warn' : 'muted'}>{forced ? t('forcedIntro') : t('intro')}</p>
        <p className="small muted">{t('signedInAs', { name: actor.displayName, username })}</p>
        <ChangePasswordForm username={username} min={PASSWORD_LENGTH.min} max={PASSWORD_LENGTH.max} />
        {!forced && (
          <p>
            <Link href="/">{t('back')}</Link>
          </p>
        )}
        <LanguageSwitch />
      </div>
    </main>
  );
}
