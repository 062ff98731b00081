import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { FORM_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';
import { pickMessages } from '@/lib/i18n/messages';

/**
 * Sends the catalogues every form needs (its validation and error messages) plus `namespaces` to the client components inside. A provider replaces
 * its parent's messages rather than merging with them, hence those again.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = pickMessages(await getMessages(), [...FORM_CLIENT_NAMESPACES, ...namespaces]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
