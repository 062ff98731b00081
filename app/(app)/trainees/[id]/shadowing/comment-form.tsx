'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { commentDrillScriptFormAction } from './actions';
import type { CommentDrillScriptInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.commentDrillScriptSchema), { raw: true });

/** The mentor's comment on a drill script (话述); the trainee sees it on their drills page. */
export function CommentForm({ scriptId, comment }: { scriptId: number; comment: string | null }) {
  const t = useTranslations('floor');
  const tc = useTranslations('common');
  const router = useRouter();
  const id = useId();
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CommentDrillScriptInput>({
    resolver,
    defaultValues: { scriptId, comment: comment ?? '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await commentDrillScriptFormAction(values);
    if (!result.ok) showActionErrors(result, setError, setFormError, ['comment']);
    else router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('drills.mentorComment')}</label>
        <textarea id={`${id}-comment`} rows={3} {...register('comment')} aria-invalid={!!errors.comment} />
        <FieldError message={errors.comment?.message} />
      </div>
      <button type="submit" className="btn btn-primary btn-small" disabled={isSubmitting}>
        {isSubmitting ? tc('submitting') : comment ? t('drills.updateComment') : t('drills.saveComment')}
      </button>
    </form>
  );
}
