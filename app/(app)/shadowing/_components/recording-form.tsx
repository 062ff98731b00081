'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { logRecordingFormAction } from '../actions';
import { RECORDING_CALL_TYPES } from '../constants';
import type { LogRecordingInput } from '../schema';
import { showActionErrors } from '@/components/action-form';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('../schema').then((m) => m.logRecordingSchema), { raw: true });

const FIELDS = ['recordingRef', 'agentName', 'callType', 'wentWell', 'toLearn'] as const;

/** The form on top of the shadowing page: one recording listened after the fact (事后旁听). */
export function RecordingForm({ day, requestKey }: { day: string; requestKey: string }) {
  const t = useTranslations('floor');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const empty = { day, recordingRef: '', agentName: '', callType: '', wentWell: '', toLearn: '' };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LogRecordingInput>({
    resolver,
    defaultValues: { ...empty, requestKey },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await logRecordingFormAction(values);
    if (!result.ok) {
      showActionErrors(result, setError, setFormError, FIELDS);
      return;
    }
    // A fresh key for the next recording; the one just used stays spent.
    reset({ ...empty, requestKey: result.data.nextRequestKey });
    setSaved(true);
    setFocus('recordingRef');
    router.refresh();
  });

  const describedBy = (field: (typeof FIELDS)[number]) => (errors[field] ? `${field}-error` : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      {saved && (
        <div className="alert alert-ok" role="status">
          {t('shadowing.saved')}
        </div>
      )}
      <input type="hidden" {...register('day')} />
      <input type="hidden" {...register('requestKey')} />
      <div className="field">
        <label htmlFor="recordingRef">{t('recording.ref')}</label>
        <input id="recordingRef" autoComplete="off" {...register('recordingRef')} aria-invalid={!!errors.recordingRef} aria-describedby={describedBy('recordingRef')} />
        <p className="hint">{t('recording.refHint')}</p>
        <FieldError id="recordingRef-error" message={errors.recordingRef?.message} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="agentName">{t('recording.agent')}</label>
          <input id="agentName" autoComplete="off" {...register('agentName')} aria-invalid={!!errors.agentName} aria-describedby={describedBy('agentName')} />
          <FieldError id="agentName-error" message={errors.agentName?.message} />
        </div>
        <div className="field">
          <label htmlFor="callType">{t('recording.callType')}</label>
          <select id="callType" {...register('callType')} aria-invalid={!!errors.callType} aria-describedby={describedBy('callType')}>
            <option value="">{t('recording.callTypePlaceholder')}</option>
            {RECORDING_CALL_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`callTypes.${type}`)}
              </option>
            ))}
          </select>
          <FieldError id="callType-error" message={errors.callType?.message} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="wentWell">{t('recording.wentWell')}</label>
        <textarea id="wentWell" rows={3} {...register('wentWell')} aria-invalid={!!errors.wentWell} aria-describedby={describedBy('wentWell')} />
        <FieldError id="wentWell-error" message={errors.wentWell?.message} />
      </div>
      <div className="field">
        <label htmlFor="toLearn">{t('recording.toLearn')}</label>
        <textarea id="toLearn" rows={3} {...register('toLearn')} aria-invalid={!!errors.toLearn} aria-describedby={describedBy('toLearn')} />
        <FieldError id="toLearn-error" message={errors.toLearn?.message} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? tc('submitting') : t('recording.submit')}
      </button>
    </form>
  );
}
