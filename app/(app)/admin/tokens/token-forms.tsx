'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { createApiTokenAction, revokeApiTokenAction } from './actions';
import type { CreateApiTokenInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.createApiTokenSchema));

export function CreateApiTokenForm() {
  const t = useTranslations('calls.tokens');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateApiTokenInput>({ resolver, defaultValues: { name: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setCreated(null);
    const result = await createApiTokenAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (field === 'name') setError('name', { message: messages[0] });
      }
      setFormError(result.formError);
      return;
    }
    setCreated({ name: result.data.name, token: result.data.token });
    reset({ name: '' });
    router.refresh();
  });

  return (
    <div className="stack">
      {created && (
        <div className="alert alert-ok stack" role="status">
          <p>
            <strong>{t('createdTitle', { name: created.name })}</strong> {t('createdOnce')}
          </p>
          <div className="field">
            <label htmlFor="new-token">{t('newToken')}</label>
            <input id="new-token" readOnly value={created.token} className="token-value" onFocus={(e) => e.currentTarget.select()} />
          </div>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormError message={formError} />
        <div className="field">
          <label htmlFor="token-name">{t('name')}</label>
          <input id="token-name" {...register('name')} aria-invalid={!!errors.name} aria-describedby="token-name-hint" />
          <p className="hint" id="token-name-hint">
            {t('nameHint')}
          </p>
          <FieldError message={errors.name?.message} />
        </div>
        <div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? tc('submitting') : t('create')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Two steps, so a stray tap on a phone doesn't cut the telephony feed. */
export function RevokeApiTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const t = useTranslations('calls.tokens');
  const tc = useTranslations('common');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  if (!confirming) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
        {t('revoke')}
      </button>
    );
  }
  return (
    <div className="stack">
      <FormError message={error} />
      <p className="small">{t('revokeConfirmText', { name })}</p>
      <div className="inline">
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await revokeApiTokenAction({ tokenId });
              if (result.ok) router.refresh();
              else setError(result.formError ?? 'errors.internal');
            })
          }
        >
          {t('revokeConfirm')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setConfirming(false)} disabled={pending}>
          {tc('cancel')}
        </button>
      </div>
    </div>
  );
}
