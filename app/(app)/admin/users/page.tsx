import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { searchUsers } from '@/db/queries/user-admin';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';
import { STAFF_ROLES } from './schema';
import { CreateStaffUserForm } from './user-forms';

// A page of results is plenty to find someone; a narrower search finds the rest.
const PAGE_SIZE = 100;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireActor();
  if (!can(actor, 'users.manage', { kind: 'org', orgId: actor.orgId })) notFound();
  const raw = (await searchParams).q;
  const query = (typeof raw === 'string' ? raw : '').trim().slice(0, 64);
  const t = await getTranslations('users');
  const format = await getFormatter();
  const tr = await getTranslations('roles');
  const { rows, more } = searchUsers(getDb(), { orgId: actor.orgId, query, limit: PAGE_SIZE });
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: tr(role) }));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted prose">{t('intro')}</p>

      <section className="card" aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">{t('create.heading')}</h2>
        <p className="hint">{t('create.traineeNote')}</p>
        <CreateStaffUserForm roleOptions={roleOptions} />
      </section>

      <form role="search" method="get" className="inline user-search" aria-label={t('search.label')}>
        <label htmlFor="user-search" className="sr-only">
          {t('search.label')}
        </label>
        <input id="user-search" type="search" name="q" defaultValue={query} placeholder={t('search.placeholder')} />
        <button type="submit" className="btn btn-small">
          {t('search.submit')}
        </button>
        {query && (
          <Link href="/admin/users" className="small">
            {t('search.clear')}
          </Link>
        )}
      </form>
      {query && <p className="muted small">{t('search.results', { count: rows.length })}</p>}

      <div className="table-wrap">
        <table>
          <caption>{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.username')}</th>
              <th scope="col">{t('list.displayName')}</th>
              <th scope="col">{t('list.roles')}</th>
              <th scope="col">{t('list.state')}</th>
              <th scope="col">
                <span className="sr-only">{t('list.manage')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('list.none')}
                </td>
              </tr>
            )}
            {rows.map((user) => (
              <tr key={user.id}>
                <td>
                  <code>{user.username}</code>
                </td>
                <td>{user.displayName}</td>
                <td>{format.list(user.roles.map((r) => tr(r)))}</td>
                <td className="inline">
                  {user.disabled ? <span className="badge badge-bad">{t('list.disabled')}</span> : <span className="badge badge-ok">{t('list.active')}</span>}
                  {user.mustChangePassword && !user.disabled && <span className="badge badge-warn">{t('list.mustChange')}</span>}
                </td>
                <td>
                  <Link href={`/admin/users/${user.id}`} aria-label={t('list.manageUser', { name: user.displayName })}>
                    {t('list.manage')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && <p className="muted small">{t('search.more', { count: PAGE_SIZE })}</p>}
    </>
  );
}
