import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { LanguageSwitch } from '@/components/language-switch';
import { getActor } from '@/lib/session';
import { LoginForm } from './login-form';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getActor()) redirect('/');
  const { next } = await searchParams;
  const t = await getTranslations('auth');
  const tc = await getTranslations('common');
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card">
        <p className="brand">{tc('appName')}</p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
        <LoginForm next={typeof next === 'string' ? next : undefined} />
        <LanguageSwitch />
      </div>
    </main>
  );
}
