'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { reassignMentorAction } from '../../actions';
import type { ReassignMentorInput } from '../../schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('../../schema').then((m) => m.reassignMentorSchema), { raw: true });

export function ReassignMentorForm({ traineeId, mentors }: { traineeId: number; mentors: { id: number; label: string }[] }) {
  const t = useTranslations('enrol');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReassignMentorInput>({
    resolver,
    defaultValues: { traineeId, mentorId: '', reason: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setDone(null);
    const result = await reassignMentorAction({ ...values, traineeId });
    if (!result.ok) {
      if (result.formError === 'errors.mentor_unavailable') setError('mentorId', { type: 'server', message: result.formError });
      else showActionErrors(result, setError, setFormError, ['mentorId', 'reason']);
      return;
    }
    const outcome = result.data;
    setDone(
      outcome.status === 'reassigned'
        ? t('mentors.reassigned', { name: outcome.mentorName, date: outcome.effectiveDate })
        : t('mentors.unchanged', { name: outcome.mentorName }),
    );
    reset({ traineeId, mentorId: '', reason: '' });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label={t('mentors.change')}>
      <FormError message={formError} />
      {done && (
        <div className="alert alert-ok" role="status">
          {done}
        </div>
      )}
      <div className="field">
        <label htmlFor="reassign-mentor">{t('mentors.newMentor')}</label>
        <select id="reassign-mentor" {...register('mentorId')} aria-invalid={!!errors.mentorId}>
          <option value="">{t('form.mentorPlaceholder')}</option>
          {mentors.map((m) => (
            <option key={m.id} value={String(m.id)}>
              {m.label}
            </option>
          ))}
        </select>
        <FieldError message={errors.mentorId?.message} />
      </div>
      <div className="field">
        <label htmlFor="reassign-reason">{t('mentors.reason')}</label>
        <textarea id="reassign-reason" rows={3} {...register('reason')} aria-invalid={!!errors.reason} aria-describedby="reassign-reason-hint" />
        <p className="hint" id="reassign-reason-hint">
          {t('mentors.reasonHint')}
        </p>
        <FieldError message={errors.reason?.message} />
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? tc('submitting') : t('mentors.submit')}
        </button>
      </div>
    </form>
  );
}
