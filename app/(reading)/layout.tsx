import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

// Lesson and module pages are the same for every trainee, so they are prerendered at build time and
// served as static HTML (docs/decisions/004-classroom.md). The (app) shell reads the session and would
// make them dynamic; this frame reads nothing from the request. Per-trainee state comes from client islands.
export const dynamic = 'force-static';

export default async function ReadingLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('classroom');
  const tc = await getTranslations('common');
  return (
    <div className="shell reading-shell">
      <a href="#main" className="skip-link">
        {tc('skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {tc('appName')}
        </Link>
        <nav aria-label={t('reading.nav')}>
          <Link href="/classroom" className="topbar-link">
            {t('title')}
          </Link>
        </nav>
      </header>
      <main id="main" className="content reading">
        {children}
      </main>
    </div>
  );
}
