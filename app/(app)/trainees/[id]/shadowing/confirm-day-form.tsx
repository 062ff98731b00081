'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { confirmDayFormAction } from './actions';
import type { ConfirmDayInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.confirmDaySchema), { raw: true });

/** The mentor confirms a shadowing day and, where the day requires it, marks the live shadowing attendance. */
export function ConfirmDayForm({
  traineeId,
  day,
  withLiveShadowing,
  attended,
  confirmed,
}: {
  traineeId: number;
  day: string;
  withLiveShadowing: boolean;
  attended: boolean;
  confirmed: boolean;
}) {
  const t = useTranslations('floor');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const { register, handleSubmit, setError, formState } = useForm<ConfirmDayInput>({
    resolver,
    defaultValues: { traineeId, day, ...(withLiveShadowing ? { liveShadowing: attended } : {}) },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await confirmDayFormAction(values);
    if (!result.ok) showActionErrors(result, setError, setFormError, []);
    else router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack confirm-form">
      <FormError message={formError} />
      {withLiveShadowing && (
        <label className="check">
          <input type="checkbox" {...register('liveShadowing')} />
          {t('mentorDays.liveAttended')}
        </label>
      )}
      <button type="submit" className={confirmed ? 'btn btn-small' : 'btn btn-primary btn-small'} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? tc('submitting') : confirmed ? t('mentorDays.reconfirm') : t('mentorDays.confirm')}
      </button>
    </form>
  );
}
