'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { waiveModuleAction } from './actions';
import type { WaiveModuleInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.waiveModuleSchema));

/** A lead waives one module with a reason; the server re-checks who may and whether the module still can be. */
export function WaiveModuleForm({
  traineeId,
  modules,
  requestKey,
}: {
  traineeId: number;
  modules: { id: string; title: string }[];
  requestKey: string;
}) {
  const t = useTranslations('classroom.waive');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WaiveModuleInput>({
    resolver,
    defaultValues: { traineeId, moduleId: '', reason: '', requestKey },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await waiveModuleAction(values);
    if (result.ok) {
      router.refresh();
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors)) {
      if (field === 'moduleId' || field === 'reason') setError(field, { message: messages[0] });
    }
    setFormError(result.formError);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      <div className="field">
        <label htmlFor="waive-module">{t('module')}</label>
        <select id="waive-module" {...register('moduleId')} aria-invalid={!!errors.moduleId}>
          <option value="">{t('chooseModule')}</option>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
        <FieldError message={errors.moduleId?.message} />
      </div>
      <div className="field">
        <label htmlFor="waive-reason">{t('reason')}</label>
        <textarea id="waive-reason" {...register('reason')} aria-invalid={!!errors.reason} aria-describedby="waive-reason-hint" />
        <p className="hint" id="waive-reason-hint">
          {t('reasonHint')}
        </p>
        <FieldError message={errors.reason?.message} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? tc('submitting') : t('submit')}
      </button>
    </form>
  );
}
