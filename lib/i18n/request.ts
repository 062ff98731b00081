import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  // First visit: honour an English browser, otherwise the default zh-CN.
  const accept = fromCookie ? null : (await headers()).get('accept-language');
  const locale = toLocale(fromCookie ?? (accept && /^en\b/i.test(accept) ? 'en' : undefined));
  return { locale, messages: loadMessages(locale), timeZone: 'Asia/Shanghai' };
});
