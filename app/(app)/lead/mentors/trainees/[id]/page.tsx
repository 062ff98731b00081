import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listActiveMentors, listMentorAssignments } from '@/db/queries/mentors';
import { loadTraineeOr404 } from '@/lib/access';
import { requireActor } from '@/lib/session';
import { ReassignMentorForm } from './reassign-form';

export default async function ReassignMentorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'mentor.assign');
  const t = await getTranslations('enrol.mentors');
  const tf = await getTranslations('enrol.form');
  const mentors = listActiveMentors(db, { orgId: actor.orgId })
    .filter((m) => m.id !== trainee.mentorId)
    .map((m) => ({ id: m.id, label: tf('mentorOption', { name: m.displayName, username: m.username, count: m.currentMentees }) }));
  const history = listMentorAssignments(db, { traineeId: trainee.id });

  return (
    <>
      <p className="breadcrumb">
        <Link href="/lead/mentors">{t('back')}</Link>
      </p>
      <h1>{t('changeTitle', { name: trainee.displayName })}</h1>
      <section className="card" aria-labelledby="reassign-heading">
        <h2 id="reassign-heading" className="sr-only">
          {t('change')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('currentMentor')}</dt>
            <dd>{trainee.mentorName ?? t('none')}</dd>
          </div>
        </dl>
        <ReassignMentorForm traineeId={trainee.id} mentors={mentors} />
      </section>
      <div className="table-wrap">
        <table>
          <caption>{t('historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mentor')}</th>
              <th scope="col">{t('from')}</th>
              <th scope="col">{t('to')}</th>
              <th scope="col">{t('assignedBy')}</th>
              <th scope="col">{t('historyReason')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>
                  {h.mentorName} <span className="muted small">({h.mentorUsername})</span>
                </td>
                <td>{h.fromDate}</td>
                <td>{h.toDate ?? t('ongoing')}</td>
                <td>{h.assignedByName ?? '—'}</td>
                <td>{h.reason ?? <span className="muted">{t('enrolment')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
