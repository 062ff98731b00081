'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { createDrillGroupFormAction } from './actions';
import type { CreateDrillGroupInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.createDrillGroupSchema), { raw: true });

export type ScenarioOption = { id: string; label: string };
export type CandidateOption = { id: number; label: string; groupName: string | null };

/** The lead forms a drill group for the day: a name, a scenario and the class-A trainees drilling that day. */
export function GroupForm({
  day,
  defaultName,
  scenarios,
  candidates,
}: {
  day: string;
  defaultName: string;
  scenarios: ScenarioOption[];
  candidates: CandidateOption[];
}) {
  const t = useTranslations('floor');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateDrillGroupInput>({
    resolver,
    defaultValues: { day, name: defaultName, scenarioId: '', traineeIds: [] },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await createDrillGroupFormAction(values);
    if (!result.ok) {
      showActionErrors(result, setError, setFormError, ['name', 'scenarioId', 'traineeIds']);
      return;
    }
    setSaved(true);
    reset({ day, name: '', scenarioId: '', traineeIds: [] });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      {saved && (
        <div className="alert alert-ok" role="status">
          {t('leadDrills.created')}
        </div>
      )}
      <input type="hidden" {...register('day')} />
      <div className="field">
        <label htmlFor="group-name">{t('leadDrills.groupName')}</label>
        <input id="group-name" autoComplete="off" {...register('name')} aria-invalid={!!errors.name} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="field">
        <label htmlFor="group-scenario">{t('leadDrills.scenario')}</label>
        <select id="group-scenario" {...register('scenarioId')} aria-invalid={!!errors.scenarioId}>
          <option value="">{t('leadDrills.scenarioPlaceholder')}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <FieldError message={errors.scenarioId?.message} />
      </div>
      <Controller
        control={control}
        name="traineeIds"
        render={({ field }) => (
          <fieldset aria-invalid={!!errors.traineeIds}>
            <legend>{t('leadDrills.trainees')}</legend>
            {candidates.length === 0 && <p className="muted">{t('leadDrills.noCandidates')}</p>}
            <ul className="check-list">
              {candidates.map((c) => {
                const checked = (field.value ?? []).includes(c.id);
                return (
                  <li key={c.id}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={c.groupName !== null}
                        onChange={(event) =>
                          field.onChange(
                            event.target.checked
                              ? [...(field.value ?? []), c.id]
                              : (field.value ?? []).filter((id) => id !== c.id),
                          )
                        }
                      />
                      {c.label}
                      {c.groupName !== null && <span className="small muted">{t('leadDrills.alreadyIn', { group: c.groupName })}</span>}
                    </label>
                  </li>
                );
              })}
            </ul>
            <FieldError message={errors.traineeIds?.message ?? errors.traineeIds?.root?.message} />
          </fieldset>
        )}
      />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting || candidates.every((c) => c.groupName !== null)}>
        {isSubmitting ? tc('submitting') : t('leadDrills.create')}
      </button>
    </form>
  );
}
