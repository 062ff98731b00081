import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="centered" id="main">
      <div className="card">
        <h1>{t('notFoundTitle')}</h1>
        <p>{t('notFoundBody')}</p>
        <Link href="/" className="btn">
          {t('home')}
        </Link>
      </div>
    </main>
  );
}
