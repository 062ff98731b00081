'use client';

// "Correct this sign-off": a recorded result is never edited; the lead states the right result and
// why, and a new event supersedes the old one (the history keeps both). Used for the solo week's
// result and for the probation sign-off (which may name the retraining stage of a corrected fail).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { applyActionResult } from '@/components/action-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import type { TrainingStage } from '@/domain/program-settings';
import type { ActionResult } from '@/lib/action';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const soloResolver = lazyZodResolver(() => import('./schema').then((m) => m.correctSoloSchema));
const probationResolver = lazyZodResolver(() => import('../probation/schema').then((m) => m.correctProbationSchema));

type Values = { traineeId: number; eventId: number; result: 'passed' | 'failed'; reason: string; requestKey: string; retrainingStage?: '' | TrainingStage };

export function CorrectResultForm({
  gate,
  traineeId,
  eventId,
  current,
  requestKey,
  retrainingStages,
  action,
}: {
  gate: 'solo' | 'probation';
  traineeId: number;
  eventId: number;
  current: 'passed' | 'failed';
  requestKey: string;
  retrainingStages?: TrainingStage[];
  action: (values: Values) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('assessment.correction');
  const tr = useTranslations('assessment.results');
  const tStage = useTranslations('plan.stageNames');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const corrected = current === 'passed' ? 'failed' : 'passed';
  const form = useForm<Values>({
    resolver: (gate === 'solo' ? soloResolver : probationResolver) as never,
    defaultValues: { traineeId, eventId, result: corrected, reason: '', requestKey, ...(gate === 'probation' ? { retrainingStage: '' } : {}) },
  });
  const result = useWatch({ control: form.control, name: 'result' });
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const outcome = await action(values);
    if (outcome.ok) router.refresh();
    else setFormError(applyActionResult(outcome, form.setError));
  });
  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby={`correct-${gate}-heading`}>
      <h3 id={`correct-${gate}-heading`}>{t('title')}</h3>
      <p className="muted small">{t(`hint_${gate}`, { current: tr(current), corrected: tr(corrected) })}</p>
      <FormError message={formError} />
      <input type="hidden" {...form.register('result')} />
      <p>
        {t('newResult')} <strong>{tr(result)}</strong>
      </p>
      {gate === 'probation' && result === 'failed' && retrainingStages && (
        <div className="field">
          <label htmlFor="correct-retraining-stage">{t('retrainingStage')}</label>
          <select id="correct-retraining-stage" {...form.register('retrainingStage')}>
            <option value="">{t('defaultStage')}</option>
            {retrainingStages.map((s) => (
              <option key={s} value={s}>
                {tStage(s)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`correct-${gate}-reason`}>{t('reason')}</label>
        <textarea id={`correct-${gate}-reason`} rows={3} {...form.register('reason')} aria-invalid={!!form.formState.errors.reason} />
        <FieldError message={form.formState.errors.reason?.message} />
      </div>
      <button type="submit" className="btn btn-danger" disabled={form.formState.isSubmitting}>
        {t('submit', { corrected: tr(corrected) })}
      </button>
    </form>
  );
}
