'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { applyActionResult, newRequestKey } from '@/components/action-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import type { ActionResult } from '@/lib/action';
import { excuseAbsence, overrideStage, takeDecision } from './actions';
import { OVERRIDE_ACTIONS } from './constants';
import type { DecisionInput, ExcuseAbsenceInput, OverrideInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const absenceResolver = lazyZodResolver(() => import('./schema').then((m) => m.excuseAbsenceSchema));
const overrideResolver = lazyZodResolver(() => import('./schema').then((m) => m.overrideSchema));
const decisionResolver = lazyZodResolver(() => import('./schema').then((m) => m.decisionSchema));

type Props = {
  traineeId: number;
  today: string;
  stages: string[];
  trainingStages: string[];
  pendingDecision: { gate: 'solo' | 'probation'; failures: number } | null;
};

function useSubmit<T extends FieldValues & { requestKey: string }>(
  form: UseFormReturn<T>,
  action: (input: T) => Promise<ActionResult<unknown>>,
  onDone: () => void,
) {
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await action(values);
    if (result.ok) {
      setSaved(true);
      form.reset({ ...form.getValues(), reason: '', requestKey: newRequestKey() } as unknown as T);
      onDone();
    } else {
      setFormError(applyActionResult(result, form.setError));
    }
  });
  return { submit, formError, saved };
}

export function PlanChangeForms({ traineeId, today, stages, trainingStages, pendingDecision }: Props) {
  const t = useTranslations('plan');
  const tStage = useTranslations('plan.stageNames');
  const router = useRouter();
  const refresh = () => router.refresh();

  const absence = useForm<ExcuseAbsenceInput>({
    resolver: absenceResolver,
    defaultValues: { traineeId, date: today, reason: '', requestKey: newRequestKey() },
  });
  const absenceSubmit = useSubmit(absence, excuseAbsence, refresh);

  const override = useForm<OverrideInput>({
    resolver: overrideResolver,
    defaultValues: { traineeId, action: 'complete_stage', stage: 'classroom', days: '', reason: '', requestKey: newRequestKey() },
  });
  const overrideSubmit = useSubmit(override, overrideStage, refresh);
  const overrideAction = override.watch('action');

  const decision = useForm<DecisionInput>({
    resolver: decisionResolver,
    defaultValues: { traineeId, decision: 'continue', retrainingStage: '', reason: '', requestKey: newRequestKey() },
  });
  const decisionSubmit = useSubmit(decision, takeDecision, refresh);

  return (
    <div className="grid">
      {pendingDecision && (
        <form onSubmit={decisionSubmit.submit} className="card stack" noValidate aria-labelledby="decision-heading">
          <h3 id="decision-heading">{t('forms.decisionTitle')}</h3>
          <p className="muted">{t('forms.decisionHint', { failures: pendingDecision.failures, gate: t(`gates.${pendingDecision.gate}`) })}</p>
          <FormError message={decisionSubmit.formError} />
          {decisionSubmit.saved && <p className="alert alert-ok">{t('forms.saved')}</p>}
          <fieldset className="field">
            <legend>{t('forms.decision')}</legend>
            <label className="inline">
              <input type="radio" value="continue" {...decision.register('decision')} /> {t('decisions.continue')}
            </label>
            <label className="inline">
              <input type="radio" value="exit" {...decision.register('decision')} /> {t('decisions.exit')}
            </label>
          </fieldset>
          {pendingDecision.gate === 'probation' && (
            <div className="field">
              <label htmlFor="decision-stage">{t('forms.retrainingStage')}</label>
              <select id="decision-stage" {...decision.register('retrainingStage')}>
                <option value="">{t('forms.defaultStage')}</option>
                {trainingStages.map((s) => (
                  <option key={s} value={s}>
                    {tStage(s)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="decision-reason">{t('forms.reason')}</label>
            <textarea id="decision-reason" {...decision.register('reason')} aria-invalid={!!decision.formState.errors.reason} />
            <FieldError message={decision.formState.errors.reason?.message} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={decision.formState.isSubmitting}>
            {t('forms.recordDecision')}
          </button>
        </form>
      )}

      <form onSubmit={absenceSubmit.submit} className="card stack" noValidate aria-labelledby="absence-heading">
        <h3 id="absence-heading">{t('forms.absenceTitle')}</h3>
        <p className="muted small">{t('forms.absenceHint')}</p>
        <FormError message={absenceSubmit.formError} />
        {absenceSubmit.saved && <p className="alert alert-ok">{t('forms.saved')}</p>}
        <div className="field">
          <label htmlFor="absence-date">{t('forms.absenceDate')}</label>
          <input id="absence-date" type="date" {...absence.register('date')} aria-invalid={!!absence.formState.errors.date} />
          <FieldError message={absence.formState.errors.date?.message} />
        </div>
        <div className="field">
          <label htmlFor="absence-reason">{t('forms.reason')}</label>
          <textarea id="absence-reason" {...absence.register('reason')} aria-invalid={!!absence.formState.errors.reason} />
          <FieldError message={absence.formState.errors.reason?.message} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={absence.formState.isSubmitting}>
          {t('forms.excuse')}
        </button>
      </form>

      <form onSubmit={overrideSubmit.submit} className="card stack" noValidate aria-labelledby="override-heading">
        <h3 id="override-heading">{t('forms.overrideTitle')}</h3>
        <FormError message={overrideSubmit.formError} />
        {overrideSubmit.saved && <p className="alert alert-ok">{t('forms.saved')}</p>}
        <div className="field">
          <label htmlFor="override-action">{t('forms.overrideAction')}</label>
          <select id="override-action" {...override.register('action')}>
            {OVERRIDE_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`overrideActions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="override-stage">{t('forms.stage')}</label>
          <select id="override-stage" {...override.register('stage')} aria-invalid={!!override.formState.errors.stage}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {tStage(s)}
              </option>
            ))}
          </select>
          <FieldError message={override.formState.errors.stage?.message} />
        </div>
        {overrideAction === 'set_stage_days' && (
          <div className="field">
            <label htmlFor="override-days">{t('forms.days')}</label>
            <input id="override-days" type="number" min={1} max={60} inputMode="numeric" {...override.register('days')} aria-invalid={!!override.formState.errors.days} />
            <FieldError message={override.formState.errors.days?.message} />
          </div>
        )}
        <div className="field">
          <label htmlFor="override-reason">{t('forms.reason')}</label>
          <textarea id="override-reason" {...override.register('reason')} aria-invalid={!!override.formState.errors.reason} />
          <FieldError message={override.formState.errors.reason?.message} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={override.formState.isSubmitting}>
          {t('forms.applyOverride')}
        </button>
      </form>
    </div>
  );
}
