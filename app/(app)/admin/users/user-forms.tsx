'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { showActionErrors } from '@/components/action-form';
import { createStaffUserAction, resetPasswordAction, setUserDisabledAction, updateUserAction } from './actions';
import type { OneTimeCredential } from './handlers';
import type { CreateStaffUserInput, StaffRole, UpdateUserInput } from './schema';

// Validation code arrives after the page is interactive (components/lazy-zod-resolver.ts).
const createResolver = lazyZodResolver(() => import('./schema').then((m) => m.createStaffUserSchema), { raw: true });
const updateResolver = lazyZodResolver(() => import('./schema').then((m) => m.updateUserSchema), { raw: true });

export type RoleOption = { value: StaffRole; label: string; locked?: boolean };

/** The one-time password, shown in the response that created it and nowhere else. */
function OneTimePassword({ credential, title }: { credential: OneTimeCredential; title: string }) {
  const t = useTranslations('users');
  return (
    <div className="alert alert-ok stack credential" role="status">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{t('oneTime.once')}</p>
      <dl className="facts">
        <div>
          <dt>{t('oneTime.username')}</dt>
          <dd>
            <code>{credential.username}</code>
          </dd>
        </div>
        <div>
          <dt>{t('oneTime.password')}</dt>
          <dd>
            <code className="one-time-password">{credential.initialPassword}</code>
          </dd>
        </div>
      </dl>
    </div>
  );
}

function RoleCheckboxes({
  legend,
  options,
  register,
  error,
  extra,
}: {
  legend: string;
  options: RoleOption[];
  register: () => object;
  error?: string;
  extra?: React.ReactNode;
}) {
  return (
    <fieldset className="field" aria-invalid={!!error}>
      <legend>{legend}</legend>
      <ul className="check-list">
        {extra}
        {options.map((option) => (
          <li key={option.value}>
            <label className="check">
              {option.locked ? (
                // Shown, not submitted: the admin's own admin role is kept by the submit handler.
                <input type="checkbox" checked disabled readOnly />
              ) : (
                <input type="checkbox" value={option.value} {...register()} />
              )}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      <FieldError message={error} />
    </fieldset>
  );
}

export function CreateStaffUserForm({ roleOptions }: { roleOptions: RoleOption[] }) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [created, setCreated] = useState<OneTimeCredential | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateStaffUserInput>({
    resolver: createResolver,
    defaultValues: { username: '', displayName: '', roles: [] },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setCreated(null);
    const result = await createStaffUserAction(values);
    if (!result.ok) {
      if (result.formError === 'errors.username_taken') setError('username', { type: 'server', message: result.formError });
      else showActionErrors(result, setError, setFormError, ['username', 'displayName', 'roles']);
      return;
    }
    setCreated(result.data);
    reset({ username: '', displayName: '', roles: [] });
    router.refresh();
  });

  return (
    <div className="stack">
      {created && <OneTimePassword credential={created} title={t('create.created', { name: created.displayName })} />}
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormError message={formError} />
        <div className="field-row enrol-fields">
          <div className="field">
            <label htmlFor="new-user-username">{t('create.username')}</label>
            <input
              id="new-user-username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...register('username')}
              aria-invalid={!!errors.username}
              aria-describedby="new-user-username-hint"
            />
            <p className="hint" id="new-user-username-hint">
              {t('create.usernameHint')}
            </p>
            <FieldError message={errors.username?.message} />
          </div>
          <div className="field">
            <label htmlFor="new-user-name">{t('create.displayName')}</label>
            <input id="new-user-name" autoComplete="off" {...register('displayName')} aria-invalid={!!errors.displayName} />
            <FieldError message={errors.displayName?.message} />
          </div>
        </div>
        <RoleCheckboxes
          legend={t('create.roles')}
          options={roleOptions}
          register={() => register('roles')}
          error={errors.roles?.message ?? errors.roles?.root?.message}
        />
        <div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? tc('submitting') : t('create.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function EditUserForm({
  userId,
  displayName,
  roles,
  isTrainee,
  roleOptions,
}: {
  userId: number;
  displayName: string;
  roles: StaffRole[];
  isTrainee: boolean;
  roleOptions: RoleOption[];
}) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState<'saved' | 'savedRoles' | null>(null);
  const locked = roleOptions.filter((o) => o.locked).map((o) => o.value);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateUserInput>({
    resolver: updateResolver,
    defaultValues: { userId, displayName, roles: roles.filter((r) => !locked.includes(r)) },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(null);
    const result = await updateUserAction({ ...values, userId, roles: [...(values.roles ?? []), ...locked] });
    if (!result.ok) {
      showActionErrors(result, setError, setFormError, ['displayName', 'roles']);
      return;
    }
    setSaved(result.data.rolesChanged ? 'savedRoles' : 'saved');
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      {saved && (
        <div className="alert alert-ok" role="status">
          {t(`edit.${saved}`)}
        </div>
      )}
      <div className="field">
        <label htmlFor="edit-user-name">{t('edit.displayName')}</label>
        <input id="edit-user-name" autoComplete="off" {...register('displayName')} aria-invalid={!!errors.displayName} />
        <FieldError message={errors.displayName?.message} />
      </div>
      <RoleCheckboxes
        legend={t('edit.roles')}
        options={roleOptions}
        register={() => register('roles')}
        error={errors.roles?.message ?? errors.roles?.root?.message}
        extra={
          isTrainee ? (
            <li>
              <label className="check">
                <input type="checkbox" checked disabled readOnly />
                {t('edit.traineeRole')}
              </label>
            </li>
          ) : null
        }
      />
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? tc('submitting') : t('edit.save')}
        </button>
      </div>
    </form>
  );
}

/** Two steps, so a stray tap doesn't lock a colleague out. */
export function DisableUserControl({ userId, name, disabled }: { userId: number; name: string; disabled: boolean }) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (nextDisabled: boolean) =>
    startTransition(async () => {
      setError(undefined);
      const result = await setUserDisabledAction({ userId, disabled: nextDisabled });
      if (!result.ok) {
        setError(result.formError ?? 'errors.internal');
        return;
      }
      setConfirming(false);
      setDone(nextDisabled ? t('edit.disabledDone') : t('edit.enabledDone'));
      router.refresh();
    });

  return (
    <div className="stack">
      <FormError message={error} />
      {done && (
        <div className="alert alert-ok" role="status">
          {done}
        </div>
      )}
      {disabled ? (
        <div>
          <button type="button" className="btn" disabled={pending} onClick={() => run(false)}>
            {t('edit.enable')}
          </button>
        </div>
      ) : confirming ? (
        <div className="stack">
          <p>{t('edit.disableConfirm', { name })}</p>
          <div className="inline">
            <button type="button" className="btn btn-danger" disabled={pending} onClick={() => run(true)}>
              {t('edit.confirmDisable')}
            </button>
            <button type="button" className="btn" disabled={pending} onClick={() => setConfirming(false)}>
              {tc('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            {t('edit.disable')}
          </button>
        </div>
      )}
    </div>
  );
}

export function ResetPasswordControl({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [credential, setCredential] = useState<OneTimeCredential | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="stack">
      <FormError message={error} />
      {credential && <OneTimePassword credential={credential} title={t('edit.resetDone', { name })} />}
      {confirming ? (
        <div className="stack">
          <p>{t('edit.resetConfirm', { name })}</p>
          <div className="inline">
            <button
              type="button"
              className="btn btn-danger"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  setError(undefined);
                  const result = await resetPasswordAction({ userId });
                  if (!result.ok) {
                    setError(result.formError ?? 'errors.internal');
                    return;
                  }
                  setConfirming(false);
                  setCredential(result.data);
                  router.refresh();
                })
              }
            >
              {t('edit.confirmReset')}
            </button>
            <button type="button" className="btn" disabled={pending} onClick={() => setConfirming(false)}>
              {tc('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setCredential(null);
              setConfirming(true);
            }}
          >
            {t('edit.reset')}
          </button>
        </div>
      )}
    </div>
  );
}
