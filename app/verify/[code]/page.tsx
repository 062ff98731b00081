// Public certificate verification (SPEC "certified: certificate issued"): says whether a code is a
// genuine certificate still in force, with the program, the class and the certification date — and
// the holder's name masked (王*), so a stranger with a code learns nothing about the person.
// Codes are 60 random bits (lib/certificates.ts): this page needs no rate limit to stay unguessable.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import type { Metadata } from 'next';
import { LanguageSwitch } from '@/components/language-switch';
import { getDb } from '@/db/client';
import { checkCertificate, maskName } from '@/lib/certificates';

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('certificate.verify');
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const raw = safeDecode((await params).code).slice(0, 40);
  const t = await getTranslations('certificate.verify');
  const tp = await getTranslations('certificate.pdf');
  const tc = await getTranslations('common');
  const tClass = await getTranslations('trainee.classes');
  const status = checkCertificate(getDb(), raw);
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card stack verify-card">
        <p className="brand">{tc('appName')}</p>
        <h1>{t('title')}</h1>
        {status.valid ? (
          <>
            <div className="alert alert-ok" role="status">
              <strong>{t('valid')}</strong>
            </div>
            <dl className="facts verify-facts">
              <div>
                <dt>{t('code')}</dt>
                <dd className="certificate-code">{status.code}</dd>
              </div>
              <div>
                <dt>{t('holder')}</dt>
                <dd>{maskName(status.displayName)}</dd>
              </div>
              <div>
                <dt>{t('program')}</dt>
                <dd>{tp('program')}</dd>
              </div>
              <div>
                <dt>{t('class')}</dt>
                <dd>{tClass(status.traineeClass)}</dd>
              </div>
              <div>
                <dt>{t('certifiedOn')}</dt>
                <dd>{status.certifiedOn}</dd>
              </div>
            </dl>
            <p className="muted small">{t('privacy')}</p>
          </>
        ) : (
          <div className="alert alert-error" role="alert">
            <strong>{t('invalid')}</strong>
            <p className="small">{t('invalidHint')}</p>
          </div>
        )}
        <p>
          <Link href="/verify">{t('another')}</Link>
        </p>
        <LanguageSwitch />
      </div>
    </main>
  );
}
