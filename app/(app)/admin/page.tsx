import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';

export default async function AdminHomePage() {
  const actor = await requireActor();
  if (!can(actor, 'users.manage', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const users = listUsers(getDb(), { orgId: actor.orgId });
  return (
    <>
      <h1>{t('home.adminTitle')}</h1>
      <div className="table-wrap">
        <table>
          <caption>{t('home.usersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home.username')}</th>
              <th scope="col">{t('trainee.name')}</th>
              <th scope="col">{t('home.roles')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{format.list(u.roles.map((r) => t(`roles.${r}`)))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
