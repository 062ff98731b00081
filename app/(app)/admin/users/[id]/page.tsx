import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { getUserForAdmin } from '@/db/queries/user-admin';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';
import { STAFF_ROLES, type StaffRole } from '../schema';
import { DisableUserControl, EditUserForm, ResetPasswordControl } from '../user-forms';

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'users.manage', { kind: 'org', orgId: actor.orgId })) notFound();
  const userId = Number((await params).id);
  const user = Number.isSafeInteger(userId) ? getUserForAdmin(getDb(), { orgId: actor.orgId, userId }) : null;
  if (!user) notFound();
  const t = await getTranslations('users');
  const tr = await getTranslations('roles');
  const isSelf = user.id === actor.userId;
  const roleOptions = STAFF_ROLES.map((role) => ({
    value: role,
    label: tr(role),
    // The form can't take away the admin's own admin role; the server refuses it anyway.
    locked: isSelf && role === 'admin' && user.roles.includes('admin'),
  }));

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/users">{t('edit.back')}</Link>
      </p>
      <h1>{t('edit.title', { name: user.displayName })}</h1>
      <p className="muted">
        <code>{user.username}</code>
      </p>
      {isSelf && <p className="alert alert-info">{t('edit.selfNote')}</p>}

      <section className="card" aria-labelledby="edit-user-heading">
        <h2 id="edit-user-heading">{t('edit.heading')}</h2>
        <EditUserForm
          userId={user.id}
          displayName={user.displayName}
          roles={user.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r))}
          isTrainee={user.isTrainee}
          roleOptions={roleOptions}
        />
      </section>

      <section className="card" aria-labelledby="user-state-heading">
        <h2 id="user-state-heading">{t('edit.stateHeading')}</h2>
        <p>{user.disabled ? t('edit.isDisabled') : t('edit.isActive')}</p>
        {!isSelf && <DisableUserControl userId={user.id} name={user.displayName} disabled={user.disabled} />}
      </section>

      <section className="card" aria-labelledby="user-password-heading">
        <h2 id="user-password-heading">{t('edit.passwordHeading')}</h2>
        {user.mustChangePassword && <p>{t('edit.mustChange')}</p>}
        {isSelf ? (
          <p>
            {t('edit.ownPassword')} <Link href="/change-password">{t('edit.changeOwn')}</Link>
          </p>
        ) : (
          <ResetPasswordControl userId={user.id} name={user.displayName} />
        )}
      </section>
    </>
  );
}
