'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { drawSampleAction, replaceSampledCallAction } from './actions';
import type { ReplaceSampledCallInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.replaceSampledCallSchema));

export function DrawSampleButton({ traineeId, day, label }: { traineeId: number; day: string; label: string }) {
  const router = useRouter();
  const tc = useTranslations('common');
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="stack">
      <FormError message={error} />
      <div>
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await drawSampleAction({ traineeId, day });
              if (result.ok) router.refresh();
              else setError(result.formError ?? 'errors.internal');
            })
          }
        >
          {pending ? tc('submitting') : label}
        </button>
      </div>
    </div>
  );
}

/** Swapping a sampled call needs a reason (SPEC "Random call sampling"); it is recorded with the swap. */
export function ReplaceSampledCallForm({ traineeId, day, callId, externalId }: { traineeId: number; day: string; callId: number; externalId: string }) {
  const t = useTranslations('calls.sample');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReplaceSampledCallInput>({
    resolver,
    defaultValues: { traineeId, day, sampledCallId: String(callId), reason: '' },
  });
  const reasonId = `replace-reason-${callId}`;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await replaceSampledCallAction(values);
    if (!result.ok) {
      const reasonError = result.fieldErrors.reason?.[0];
      if (reasonError) setError('reason', { message: reasonError });
      setFormError(result.formError);
      return;
    }
    router.refresh();
  });

  return (
    <details className="replace-call">
      <summary>{t('replace')}</summary>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormError message={formError} />
        <div className="field">
          <label htmlFor={reasonId}>{t('replaceReason', { callId: externalId })}</label>
          <textarea id={reasonId} rows={2} {...register('reason')} aria-invalid={!!errors.reason} />
          <FieldError message={errors.reason?.message} />
        </div>
        <div>
          <button type="submit" className="btn btn-small" disabled={isSubmitting}>
            {isSubmitting ? tc('submitting') : t('replaceSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
