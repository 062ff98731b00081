'use client';

// The probation review's forms: one assessor's score (0–100) and comment, and the lead's sign-off
// against the weighted result (signing off the other way needs a reason).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { applyActionResult } from '@/components/action-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import type { AssessorKind, TrainingStage } from '@/domain/program-settings';
import { signOffProbationAction, submitProbationScoreAction } from './actions';
import type { ProbationScoreFormInput, SignOffInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const scoreResolver = lazyZodResolver(() => import('./schema').then((m) => m.probationScoreSchema));
const signOffResolver = lazyZodResolver(() => import('./schema').then((m) => m.signOffSchema));

export function ProbationScoreForm({ traineeId, assessorKind, onBehalf }: { traineeId: number; assessorKind: AssessorKind; onBehalf: boolean }) {
  const t = useTranslations('assessment.probation');
  const tk = useTranslations('assessment.assessors');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<ProbationScoreFormInput>({
    resolver: scoreResolver,
    defaultValues: { traineeId, assessorKind, comment: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await submitProbationScoreAction(values);
    if (result.ok) router.refresh();
    else setFormError(applyActionResult(result, form.setError));
  });
  const id = `score-${assessorKind}`;
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t(onBehalf ? 'scoreOnBehalf' : 'scoreAs', { kind: tk(assessorKind) })}</h3>
      {onBehalf && <p className="muted small">{t('onBehalfHint')}</p>}
      <FormError message={formError} />
      <div className="field">
        <label htmlFor={`${id}-score`}>{t('scoreLabel')}</label>
        <input
          id={`${id}-score`}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="0.5"
          {...form.register('score', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })}
          aria-invalid={!!errors.score}
        />
        <FieldError message={errors.score?.message} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('commentLabel')}</label>
        <textarea id={`${id}-comment`} rows={3} {...form.register('comment')} aria-invalid={!!errors.comment} />
        <FieldError message={errors.comment?.message} />
      </div>
      <p className="hint">{t('scoreFinal')}</p>
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {t('submitScore')}
      </button>
    </form>
  );
}

export function SignOffForm({
  traineeId,
  blockStart,
  requestKey,
  computed,
  retrainingStages,
}: {
  traineeId: number;
  blockStart: string;
  requestKey: string;
  computed: 'passed' | 'failed';
  retrainingStages: TrainingStage[];
}) {
  const t = useTranslations('assessment.probation');
  const tr = useTranslations('assessment.results');
  const tStage = useTranslations('plan.stageNames');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<SignOffInput>({
    resolver: signOffResolver,
    defaultValues: { traineeId, blockStart, result: computed, retrainingStage: '', reason: '', requestKey },
  });
  const result = useWatch({ control: form.control, name: 'result' });
  const differs = result !== computed;
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    if (values.result !== computed && !values.reason?.trim()) {
      form.setError('reason', { type: 'required', message: 'validation.required' });
      return;
    }
    const outcome = await signOffProbationAction(values);
    if (outcome.ok) router.refresh();
    else setFormError(applyActionResult(outcome, form.setError));
  });
  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby="sign-off-heading">
      <h3 id="sign-off-heading">{t('signOffTitle')}</h3>
      <p className="muted small">{t('signOffHint', { computed: tr(computed) })}</p>
      <FormError message={formError} />
      <fieldset className="field">
        <legend>{t('resultLegend')}</legend>
        {(['passed', 'failed'] as const).map((value) => (
          <label key={value} className="inline">
            <input type="radio" value={value} {...form.register('result')} /> {tr(value)}
          </label>
        ))}
      </fieldset>
      {result === 'failed' && (
        <div className="field">
          <label htmlFor="sign-off-stage">{t('retrainingStage')}</label>
          <select id="sign-off-stage" {...form.register('retrainingStage')}>
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
        <label htmlFor="sign-off-reason">{differs ? t('reasonRequired') : t('reasonOptional')}</label>
        <textarea id="sign-off-reason" rows={3} {...form.register('reason')} aria-invalid={!!form.formState.errors.reason} />
        <FieldError message={form.formState.errors.reason?.message} />
      </div>
      <button type="submit" className={result === 'passed' ? 'btn btn-primary' : 'btn btn-danger'} disabled={form.formState.isSubmitting}>
        {t(result === 'passed' ? 'signOffPassed' : 'signOffFailed')}
      </button>
    </form>
  );
}
