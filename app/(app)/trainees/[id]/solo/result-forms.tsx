'use client';

// A lead's forms for the solo week's result: confirm what the settings computed, or record another
// result (or one before the week is over) with a reason. Both name the week they were shown for.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyActionResult } from '@/components/action-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { confirmSoloResultAction, overrideSoloResultAction } from './actions';
import { SOLO_RESULTS } from './constants';
import type { ConfirmSoloInput, OverrideSoloInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const confirmResolver = lazyZodResolver(() => import('./schema').then((m) => m.confirmSoloSchema));
const overrideResolver = lazyZodResolver(() => import('./schema').then((m) => m.overrideSoloSchema));

type WeekProps = { traineeId: number; blockStart: string; requestKey: string };

export function ConfirmSoloForm({ traineeId, blockStart, requestKey, computed }: WeekProps & { computed: 'passed' | 'failed' }) {
  const t = useTranslations('assessment.solo');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<ConfirmSoloInput>({
    resolver: confirmResolver,
    defaultValues: { traineeId, blockStart, result: computed, requestKey },
  });
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await confirmSoloResultAction(values);
    if (result.ok) router.refresh();
    else setFormError(applyActionResult(result, form.setError));
  });
  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby="confirm-solo-heading">
      <h3 id="confirm-solo-heading">{t('confirmTitle')}</h3>
      <p>{t(computed === 'passed' ? 'confirmHintPassed' : 'confirmHintFailed')}</p>
      <FormError message={formError} />
      <button type="submit" className={computed === 'passed' ? 'btn btn-primary' : 'btn btn-danger'} disabled={form.formState.isSubmitting}>
        {t(computed === 'passed' ? 'confirmPassed' : 'confirmFailed')}
      </button>
    </form>
  );
}

export function OverrideSoloForm({
  traineeId,
  blockStart,
  requestKey,
  computed,
  early,
}: WeekProps & { computed: 'passed' | 'failed'; early: 'before_start' | 'before_end' | null }) {
  const t = useTranslations('assessment.solo');
  const tr = useTranslations('assessment.results');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<OverrideSoloInput>({
    resolver: overrideResolver,
    defaultValues: { traineeId, blockStart, result: early ? computed : computed === 'passed' ? 'failed' : 'passed', reason: '', requestKey },
  });
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await overrideSoloResultAction(values);
    if (result.ok) router.refresh();
    else setFormError(applyActionResult(result, form.setError));
  });
  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby="override-solo-heading">
      <h3 id="override-solo-heading">{t('overrideTitle')}</h3>
      <p className="muted small">{early ? t(`overrideHint_${early}`) : t('overrideHint')}</p>
      <FormError message={formError} />
      <fieldset className="field">
        <legend>{t('resultLegend')}</legend>
        {SOLO_RESULTS.map((value) => (
          <label key={value} className="inline">
            <input type="radio" value={value} {...form.register('result')} /> {tr(value)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="override-solo-reason">{t('reasonLabel')}</label>
        <textarea id="override-solo-reason" rows={3} {...form.register('reason')} aria-invalid={!!form.formState.errors.reason} />
        <FieldError message={form.formState.errors.reason?.message} />
      </div>
      <button type="submit" className="btn" disabled={form.formState.isSubmitting}>
        {t('overrideSubmit')}
      </button>
    </form>
  );
}
