'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { signInAction } from './actions';
import type { SignInInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const resolver = lazyZodResolver(() => import('./schema').then((m) => m.signInSchema));

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations('auth');
  const tc = useTranslations('common');
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver, defaultValues: { username: '', password: '', next } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signInAction(values);
    if (!result.ok) setFormError(result.formError ?? 'errors.invalid_input');
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      <div className="field">
        <label htmlFor="username">{t('username')}</label>
        <input id="username" autoComplete="username" autoCapitalize="none" {...register('username')} aria-invalid={!!errors.username} />
        <FieldError message={errors.username?.message} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input id="password" type="password" autoComplete="current-password" {...register('password')} aria-invalid={!!errors.password} />
        <FieldError message={errors.password?.message} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? tc('submitting') : t('submit')}
      </button>
    </form>
  );
}
