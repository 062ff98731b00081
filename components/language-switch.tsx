import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { setLocaleAction } from '@/app/_actions/preferences';
import { LOCALES } from '@/lib/i18n/locales';

export async function LanguageSwitch() {
  const t = await getTranslations('common');
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="lang-switch" aria-label={t('language')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          className="link-button"
          aria-pressed={current === locale}
          lang={locale}
        >
          {t(`languages.${locale}`)}
        </button>
      ))}
    </form>
  );
}
