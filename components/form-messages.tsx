'use client';

import { useTranslations } from 'next-intl';
import { decodeMessage } from '@/lib/message-keys';

/** Messages are keys like `validation.too_long{"maximum":80}` or `errors.not_found`; translate them here. */
function useTranslateKey() {
  const t = useTranslations();
  return (message: string) => {
    const { key, params } = decodeMessage(message);
    return t.has(key) ? t(key, params) : t('validation.invalid');
  };
}

export function FieldError({ message, id }: { message?: string; id?: string }) {
  const translate = useTranslateKey();
  if (!message) return null;
  return (
    <p className="field-error" role="alert" id={id}>
      {translate(message)}
    </p>
  );
}

export function FormError({ message }: { message?: string }) {
  const translate = useTranslateKey();
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {translate(message)}
    </div>
  );
}
