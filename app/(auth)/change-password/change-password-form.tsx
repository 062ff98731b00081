'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { changePasswordAction } from './actions';
import type { ChangePasswordInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.changePasswordSchema));

export function ChangePasswordForm({ username, min, max }: { username: string; min: number; max: number }) {
  const t = useTranslations('account');
  const tc = useTranslations('common');
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    // On success the action redirects to the user's home page.
    const result = await changePasswordAction(values);
    if (result && !result.ok) {
      if (result.formError === 'errors.wrong_current_password') setError('currentPassword', { type: 'server', message: result.formError });
      else showActionErrors(result, setError, setFormError, ['currentPassword', 'newPassword', 'confirmPassword']);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <div className="field">
        <label htmlFor="current-password">{t('currentPassword')}</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          {...register('currentPassword')}
          aria-invalid={!!errors.currentPassword}
          aria-describedby="current-password-hint"
        />
        <p className="hint" id="current-password-hint">
          {t('currentHint')}
        </p>
        <FieldError message={errors.currentPassword?.message} />
      </div>
      <div className="field">
        <label htmlFor="new-password">{t('newPassword')}</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          {...register('newPassword')}
          aria-invalid={!!errors.newPassword}
          aria-describedby="new-password-hint"
        />
        <p className="hint" id="new-password-hint">
          {t('newHint', { min, max })}
        </p>
        <FieldError message={errors.newPassword?.message} />
      </div>
      <div className="field">
        <label htmlFor="confirm-password">{t('confirmPassword')}</label>
        <input id="confirm-password" type="password" autoComplete="new-password" {...register('confirmPassword')} aria-invalid={!!errors.confirmPassword} />
        <FieldError message={errors.confirmPassword?.message} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? tc('submitting') : t('submit')}
      </button>
    </form>
  );
}
