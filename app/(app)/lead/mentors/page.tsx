import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listMentorsWithCounts, listTraineesWithMentor } from '@/db/queries/mentors';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';

export default async function MentorsPage({ searchParams }: { searchParams: Promise<{ mentor?: string | string[] }> }) {
  const actor = await requireActor();
  if (!can(actor, 'mentor.assign', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const t = await getTranslations('enrol.mentors');
  const tt = await getTranslations('trainee');
  const mentors = listMentorsWithCounts(db, { orgId: actor.orgId });
  const raw = (await searchParams).mentor;
  const chosen = mentors.find((m) => String(m.id) === (typeof raw === 'string' ? raw : ''));
  const rows = listTraineesWithMentor(db, { orgId: actor.orgId, mentorId: chosen?.id });

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted prose">{t('intro')}</p>

      <div className="table-wrap">
        <table>
          <caption>{t('mentorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('username')}</th>
              <th scope="col">{t('current')}</th>
              <th scope="col">{t('past')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {mentors.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('noMentors')}
                </td>
              </tr>
            )}
            {mentors.map((m) => (
              <tr key={m.id} aria-current={chosen?.id === m.id ? 'true' : undefined}>
                <td>
                  <Link href={`/lead/mentors?mentor=${m.id}`}>{m.displayName}</Link>
                </td>
                <td>
                  <code>{m.username}</code>
                </td>
                <td>{m.currentMentees}</td>
                <td>{m.pastMentees}</td>
                <td>{m.disabled ? <span className="badge badge-bad">{t('disabled')}</span> : <span className="badge badge-ok">{t('active')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {chosen && (
        <p>
          <Link href="/lead/mentors">{t('allTrainees')}</Link>
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption>{chosen ? t('traineesOf', { name: chosen.displayName }) : t('traineesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainee')}</th>
              <th scope="col">{t('cohort')}</th>
              <th scope="col">{t('class')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('mentor')}</th>
              <th scope="col">
                <span className="sr-only">{t('change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('noTrainees')}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/trainees/${row.id}`}>{row.displayName}</Link>
                </td>
                <td>{row.cohort}</td>
                <td>{row.traineeClass}</td>
                <td>
                  <span className={`badge status-${row.status}`}>{tt(`statuses.${row.status}`)}</span>
                </td>
                <td>
                  {row.mentorName ?? <span className="muted">{t('none')}</span>}
                  {row.mentorDisabled && <span className="badge badge-bad">{t('mentorDisabled')}</span>}
                </td>
                <td>
                  <Link href={`/lead/mentors/trainees/${row.id}`} aria-label={`${t('change')} · ${row.displayName}`}>
                    {t('change')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
