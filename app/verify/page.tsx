// The public verification form: anyone holding a certificate types its code here.
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import type { Metadata } from 'next';
import { LanguageSwitch } from '@/components/language-switch';
import { normaliseCertificateCode } from '@/lib/certificates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('certificate.verify');
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function VerifyFormPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const t = await getTranslations('certificate.verify');
  const tc = await getTranslations('common');
  if (typeof code === 'string' && code.trim() !== '') {
    // A well-formed code goes to its page; anything else to the same refusal a made-up code gets.
    redirect(`/verify/${encodeURIComponent(normaliseCertificateCode(code) ?? code.trim().slice(0, 40))}`);
  }
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card stack">
        <p className="brand">{tc('appName')}</p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <form method="get" action="/verify" className="stack">
          <div className="field">
            <label htmlFor="verify-code">{t('codeLabel')}</label>
            <input id="verify-code" name="code" autoComplete="off" autoCapitalize="characters" placeholder="XXXX-XXXX-XXXX" required maxLength={40} />
          </div>
          <button type="submit" className="btn btn-primary">
            {t('check')}
          </button>
        </form>
        <LanguageSwitch />
      </div>
    </main>
  );
}
