'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { liveListenFormAction } from './actions';
import type { LiveListenInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.liveListenSchema), { raw: true });

/** How many of the day's calls the mentor listened to live (seeds/000 篇二 四(二)3). */
export function LiveListenForm({ traineeId, day, current }: { traineeId: number; day: string; current: number }) {
  const t = useTranslations('floor');
  const tc = useTranslations('common');
  const router = useRouter();
  const id = useId();
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LiveListenInput>({
    resolver,
    defaultValues: { traineeId, day, callsLiveListened: String(current) },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await liveListenFormAction(values);
    if (!result.ok) {
      showActionErrors(result, setError, setFormError, ['callsLiveListened']);
      return;
    }
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack live-listen-form">
      <FormError message={formError} />
      <div className="field">
        <label htmlFor={`${id}-count`}>{t('mentorDays.liveListened')}</label>
        <div className="inline">
          <input
            id={`${id}-count`}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            className="input-count"
            {...register('callsLiveListened')}
            aria-invalid={!!errors.callsLiveListened}
          />
          <button type="submit" className="btn btn-small" disabled={isSubmitting}>
            {isSubmitting ? tc('submitting') : tc('save')}
          </button>
          {saved && (
            <span className="small" role="status">
              {t('mentorDays.saved')}
            </span>
          )}
        </div>
        <FieldError message={errors.callsLiveListened?.message} />
      </div>
    </form>
  );
}
