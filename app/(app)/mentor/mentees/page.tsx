import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listMentees, listPastMentees } from '@/db/queries/trainees';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';

type Row = { id: number; displayName: string; traineeClass: string; cohort: string; status: string; currentStage: string | null; mentoredUntil?: string | null };

/** A mentor's current mentees and the ones a lead has handed to someone else (still readable: lib/authz 'past_mentor'). */
export default async function MyMenteesPage() {
  const actor = await requireActor();
  if (!can(actor, 'queue.mentor', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const t = await getTranslations('enrol.mentees');
  const current = listMentees(db, { orgId: actor.orgId, mentorId: actor.userId });
  const past = listPastMentees(db, { orgId: actor.orgId, mentorId: actor.userId });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted prose">{t('intro')}</p>
      <MenteeTable rows={current} caption={t('currentCaption')} empty={t('noCurrent')} />
      <MenteeTable rows={past} caption={t('pastCaption')} empty={t('noPast')} showUntil />
    </>
  );
}

async function MenteeTable({ rows, caption, empty, showUntil = false }: { rows: Row[]; caption: string; empty: string; showUntil?: boolean }) {
  const t = await getTranslations('enrol.mentees');
  const tt = await getTranslations('trainee');
  const columns = showUntil ? 6 : 5;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('class')}</th>
            <th scope="col">{t('cohort')}</th>
            <th scope="col">{t('stage')}</th>
            <th scope="col">{t('status')}</th>
            {showUntil && <th scope="col">{t('until')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns} className="muted">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/trainees/${row.id}`}>{row.displayName}</Link>
              </td>
              <td>{row.traineeClass}</td>
              <td>{row.cohort}</td>
              <td>{row.currentStage ? tt(`stages.${row.currentStage}`) : tt('stages.none')}</td>
              <td>
                <span className={`badge status-${row.status}`}>{tt(`statuses.${row.status}`)}</span>
              </td>
              {showUntil && <td>{row.mentoredUntil ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
