import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { getTraineeByUser } from '@/db/queries/trainees';
import { loadTraineeOr404 } from '@/lib/access';
import { loadClassroomProgress } from '@/lib/classroom';
import { loadProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { StartAttemptButton } from '../start-attempt-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('classroom'))('exam.title') };
}

/** seeds/000 篇二 四(三)(二)1): 业务知识考核 — the trainee's exam: when it opens, the open paper, past results. */
export default async function ExamPage() {
  const actor = await requireActor();
  const db = getDb();
  const own = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!own) notFound();
  const trainee = loadTraineeOr404(db, actor, own.id, 'classroom.study');
  const ctx = loadProgramContext(db, actor.orgId);
  const progress = loadClassroomProgress(db, ctx, trainee, Date.now());
  const t = await getTranslations('classroom');
  const format = await getFormatter();
  const { exam } = progress;
  const settings = ctx.settings.exam;
  const history = progress.attempts.filter((a) => a.kind === 'exam' && a.submittedAt !== null).reverse();
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone });

  return (
    <>
      <nav aria-label={t('reading.breadcrumb')} className="breadcrumb small">
        <Link href="/classroom">{t('title')}</Link>
      </nav>
      <h1>{t('exam.title')}</h1>
      <section className="card stack">
        <p>{t('exam.about', { count: settings.questionCount, minutes: settings.timeLimitMinutes, passMark: settings.passMark })}</p>
        {exam.status === 'not_yet' && <p className="alert alert-info">{t(`exam.notYet.${exam.reason}`)}</p>}
        {exam.status === 'passed' && (
          <p className="alert alert-ok" role="status">
            {t('exam.passed', { score: exam.bestScorePercent })}
          </p>
        )}
        {exam.status === 'in_progress' && (
          <div className="stack">
            {exam.deadlineAt !== null && <p>{t('exam.openUntil', { time: when(exam.deadlineAt) })}</p>}
            <Link className="btn btn-primary" href={`/classroom/attempts/${exam.attemptId}`}>
              {t('exam.resume')}
            </Link>
          </div>
        )}
        {exam.status === 'available' && (
          <div className="stack">
            <p className="muted">{t('exam.timedNote')}</p>
            <StartAttemptButton kind="exam" label={exam.attemptsTaken > 0 ? t('exam.retake') : t('exam.start')} />
          </div>
        )}
      </section>

      {history.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('exam.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('result.submittedAt')}</th>
                <th scope="col">{t('result.score')}</th>
                <th scope="col">{t('staff.outcome')}</th>
                <th scope="col">
                  <span className="classroom-sr-only">{t('module.viewResult')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((a) => (
                <tr key={a.id}>
                  <td>{when(a.submittedAt ?? 0)}</td>
                  <td>{t('result.scoreValue', { score: a.scorePercent ?? 0 })}</td>
                  <td>
                    <span className={`badge ${a.passed ? 'badge-ok' : 'badge-bad'}`}>{a.passed ? t('status.passedShort') : t('status.failedShort')}</span>
                  </td>
                  <td>
                    <Link href={`/classroom/attempts/${a.id}`}>{t('module.viewResult')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
