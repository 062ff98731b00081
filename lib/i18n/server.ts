// getTranslations and getFormatter for server components, like next-intl's but with the compiled
// messages and Intl formatters kept for the life of the process instead of one request. next-intl
// builds both anew per request, so every page parsed each ICU message it showed and constructed its
// Intl.DateTimeFormat/NumberFormat objects again: several percent of a page's server time. The caches
// are keyed by message text, locale and options (use-intl's own memoisation), and our time zone and
// formats are the same for every request, so sharing them changes no output.
import { cache } from 'react';
import { _createCache, _createIntlFormatters, createFormatter, createTranslator } from 'next-intl';
import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import type * as NextIntlServer from 'next-intl/server';

type Shared = { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters> };
const sharedByLocale = new Map<string, Shared>();

function sharedFor(locale: string): Shared {
  let shared = sharedByLocale.get(locale);
  if (!shared) {
    const store = _createCache();
    shared = { cache: store, formatters: _createIntlFormatters(store) };
    sharedByLocale.set(locale, shared);
  }
  return shared;
}

const requestConfig = cache(async (locale?: string) => ({
  locale: locale ?? (await getLocale()),
  messages: await getMessages(locale ? { locale } : undefined),
  timeZone: await getTimeZone(locale ? { locale } : undefined),
}));

// One "now" per request, as next-intl has, for relative times.
const requestNow = cache(() => new Date());

async function getTranslationsImpl(namespaceOrOptions?: string | { locale?: string; namespace?: string }) {
  const { namespace, locale } =
    typeof namespaceOrOptions === 'string' || namespaceOrOptions === undefined
      ? { namespace: namespaceOrOptions, locale: undefined }
      : namespaceOrOptions;
  const config = await requestConfig(locale);
  const shared = sharedFor(config.locale);
  return createTranslator({ ...config, namespace, _cache: shared.cache, _formatters: shared.formatters });
}

async function getFormatterImpl(options?: { locale?: string }) {
  const config = await requestConfig(options?.locale);
  const shared = sharedFor(config.locale);
  return createFormatter({
    locale: config.locale,
    timeZone: config.timeZone,
    _cache: shared.cache,
    _formatters: shared.formatters,
    get now() {
      return requestNow();
    },
  });
}

export const getTranslations = getTranslationsImpl as unknown as typeof NextIntlServer.getTranslations;
export const getFormatter = getFormatterImpl as unknown as typeof NextIntlServer.getFormatter;
