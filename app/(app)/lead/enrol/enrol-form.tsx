'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import type { EnrolledTrainee } from '@/db/queries/enrolment';
import { enrolTraineeAction } from './actions';
import type { EnrolledCredential } from './handlers';
import type { EnrolTraineeInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.enrolTraineeSchema), { raw: true });

export type MentorOption = { id: number; label: string };

// Refusals that belong to one field are shown on it, the rest above the form.
const FIELD_OF_ERROR: Record<string, keyof EnrolTraineeInput> = {
  'errors.username_taken': 'username',
  'errors.start_date_past': 'startDate',
  'errors.start_date_not_working_day': 'startDate',
  'errors.start_date_too_far': 'startDate',
  'errors.mentor_unavailable': 'mentorId',
};

const FIELDS: (keyof EnrolTraineeInput)[] = ['displayName', 'username', 'traineeClass', 'cohort', 'startDate', 'mentorId'];

export function EnrolForm({
  requestKey,
  today,
  latest,
  defaultStartDate,
  defaultCohort,
  mentors,
}: {
  requestKey: string;
  today: string;
  latest: string;
  defaultStartDate: string;
  defaultCohort: string;
  mentors: MentorOption[];
}) {
  const t = useTranslations('enrol');
  const format = useFormatter();
  const tc = useTranslations('common');
  const [formError, setFormError] = useState<string | undefined>();
  const [created, setCreated] = useState<EnrolledCredential | null>(null);
  const [already, setAlready] = useState<EnrolledTrainee[] | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    getValues,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<EnrolTraineeInput>({
    resolver,
    defaultValues: { displayName: '', username: '', traineeClass: undefined, cohort: defaultCohort, startDate: defaultStartDate, mentorId: '', requestKey },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setCreated(null);
    setAlready(null);
    const result = await enrolTraineeAction(values);
    if (!result.ok) {
      let shown = false;
      for (const field of FIELDS) {
        const message = result.fieldErrors[field]?.[0];
        if (message) {
          setError(field, { type: 'server', message });
          shown = true;
        }
      }
      const field = result.formError ? FIELD_OF_ERROR[result.formError] : undefined;
      if (field) setError(field, { type: 'server', message: result.formError });
      else setFormError(result.formError ?? (shown ? undefined : 'errors.invalid_input'));
      return;
    }
    const { data } = result;
    // The next trainee of a wave usually shares cohort, date, class and mentor.
    const kept = getValues();
    reset({ ...kept, displayName: '', username: '', requestKey: data.nextRequestKey });
    if (data.status === 'enrolled') setCreated(data.trainee);
    else setAlready(data.trainees);
    setFocus('displayName');
  });

  return (
    <div className="stack">
      {created && (
        <div className="alert alert-ok stack credential" role="status">
          <p>
            <strong>{t('created.title', { name: created.displayName })}</strong>
          </p>
          <p>{t('created.once')}</p>
          <dl className="facts">
            <div>
              <dt>{t('created.username')}</dt>
              <dd>
                <code>{created.username}</code>
              </dd>
            </div>
            <div>
              <dt>{t('created.password')}</dt>
              <dd>
                <code className="one-time-password">{created.initialPassword}</code>
              </dd>
            </div>
          </dl>
          <p className="inline">
            <Link href={`/trainees/${created.traineeId}`}>{t('created.openTrainee', { name: created.displayName })}</Link>
          </p>
          <p className="small">{t('created.next')}</p>
        </div>
      )}
      {already && (
        <div className="alert alert-info" role="status">
          {t('already', { names: format.list(already.map((a) => a.displayName)) })}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="enrol-form-heading">
        <FormError message={formError} />
        <input type="hidden" {...register('requestKey')} />
        <div className="field-row enrol-fields">
          <div className="field">
            <label htmlFor="enrol-name">{t('form.displayName')}</label>
            <input id="enrol-name" autoComplete="off" {...register('displayName')} aria-invalid={!!errors.displayName} />
            <FieldError message={errors.displayName?.message} />
          </div>
          <div className="field">
            <label htmlFor="enrol-username">{t('form.username')}</label>
            <input
              id="enrol-username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...register('username')}
              aria-invalid={!!errors.username}
              aria-describedby="enrol-username-hint"
            />
            <p className="hint" id="enrol-username-hint">
              {t('form.usernameHint')}
            </p>
            <FieldError message={errors.username?.message} />
          </div>
        </div>
        <fieldset className="field" aria-invalid={!!errors.traineeClass}>
          <legend>{t('form.traineeClass')}</legend>
          <label className="check">
            <input type="radio" value="A" {...register('traineeClass')} />
            {t('form.classA')}
          </label>
          <label className="check">
            <input type="radio" value="B" {...register('traineeClass')} />
            {t('form.classB')}
          </label>
          <FieldError message={errors.traineeClass?.message} />
        </fieldset>
        <div className="field-row enrol-fields">
          <div className="field">
            <label htmlFor="enrol-cohort">{t('form.cohort')}</label>
            <input id="enrol-cohort" autoComplete="off" {...register('cohort')} aria-invalid={!!errors.cohort} aria-describedby="enrol-cohort-hint" />
            <p className="hint" id="enrol-cohort-hint">
              {t('form.cohortHint', { example: defaultCohort })}
            </p>
            <FieldError message={errors.cohort?.message} />
          </div>
          <div className="field">
            <label htmlFor="enrol-start">{t('form.startDate')}</label>
            <input
              id="enrol-start"
              type="date"
              min={today}
              max={latest}
              {...register('startDate')}
              aria-invalid={!!errors.startDate}
              aria-describedby="enrol-start-hint"
            />
            <p className="hint" id="enrol-start-hint">
              {t('form.startDateHint', { today, latest })}
            </p>
            <FieldError message={errors.startDate?.message} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="enrol-mentor">{t('form.mentor')}</label>
          <select id="enrol-mentor" {...register('mentorId')} aria-invalid={!!errors.mentorId}>
            <option value="">{t('form.mentorPlaceholder')}</option>
            {mentors.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.label}
              </option>
            ))}
          </select>
          {mentors.length === 0 && <p className="hint">{t('form.noMentors')}</p>}
          <FieldError message={errors.mentorId?.message} />
        </div>
        <div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? tc('submitting') : t('form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
