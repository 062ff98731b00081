import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

/** The two ways to enrol, as a small switch above either page. */
export async function EnrolNav({ current }: { current: 'single' | 'import' }) {
  const t = await getTranslations('enrol.switchTo');
  const items = [
    { key: 'single', href: '/lead/enrol', label: t('single') },
    { key: 'import', href: '/lead/enrol/import', label: t('import') },
  ] as const;
  return (
    <nav aria-label={t('label')} className="day-switch">
      {items.map((item) => (
        <Link key={item.key} href={item.href} className="btn btn-small" aria-current={item.key === current ? 'page' : undefined}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
