'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { submitDrillScriptFormAction } from './actions';
import type { SubmitDrillScriptInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.submitDrillScriptSchema), { raw: true });

/** The day's drill script (话述); it can be revised until the mentor comments. */
export function ScriptForm({ day, script }: { day: string; script: string | null }) {
  const t = useTranslations('floor');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SubmitDrillScriptInput>({
    resolver,
    defaultValues: { day, script: script ?? '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await submitDrillScriptFormAction(values);
    if (!result.ok) {
      showActionErrors(result, setError, setFormError, ['script']);
      return;
    }
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      {saved && (
        <div className="alert alert-ok" role="status">
          {t('drills.scriptSaved')}
        </div>
      )}
      <input type="hidden" {...register('day')} />
      <div className="field">
        <label htmlFor="script">{t('drills.scriptLabel')}</label>
        <textarea id="script" rows={10} {...register('script')} aria-invalid={!!errors.script} aria-describedby="script-hint" />
        <p className="hint" id="script-hint">
          {t('drills.scriptHint')}
        </p>
        <FieldError message={errors.script?.message} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? tc('submitting') : script ? t('drills.updateScript') : t('drills.submitScript')}
      </button>
    </form>
  );
}
