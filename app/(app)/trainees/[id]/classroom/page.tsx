import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { can } from '@/lib/authz';
import { loadClassroomProgress } from '@/lib/classroom';
import { getModule } from '@/lib/content/modules';
import { loadProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { ModuleStatusBadge } from '../../../classroom/module-status-badge';
import { WaiveModuleForm } from './waive-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('classroom'))('title') };
}

/**
 * A trainee's classroom progress for their mentor and leads (and themselves): lessons read, every
 * quiz attempt, waivers with their reasons, the exam — and, for a lead, the waiver form.
 */
export default async function TraineeClassroomPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'trainee.read');
  const ctx = loadProgramContext(db, actor.orgId);
  const progress = loadClassroomProgress(db, ctx, trainee, Date.now());
  const t = await getTranslations('classroom');
  const format = await getFormatter();
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone });
  const mayWaive = can(actor, 'module.waive', traineeSubject(trainee));
  const waivable = progress.modules.filter((m) => m.leadMayWaive).map((m) => ({ id: m.module.id, title: m.module.title }));
  const attempts = [...progress.attempts].reverse();
  const { attemptLimit } = ctx.settings.classroom.quiz;
  const done = progress.stageRecorded || progress.complete;

  return (
    <>
      <nav aria-label={t('reading.breadcrumb')} className="breadcrumb small">
        <Link href={`/trainees/${trainee.id}`}>{trainee.displayName}</Link>
      </nav>
      <h1>{t('staff.title', { name: trainee.displayName })}</h1>

      <section className="card classroom-stage" aria-label={t('overview.stage')}>
        {done ? (
          <p className="alert alert-ok">{t('staff.complete')}</p>
        ) : (
          <p>
            {t('staff.outstanding', { count: progress.outstandingModuleIds.length })}{' '}
            {format.list(progress.outstandingModuleIds.map((id) => getModule(id)?.title ?? id))}
          </p>
        )}
      </section>

      <div className="table-wrap">
        <table className="classroom-table">
          <caption>{t('staff.modules')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.module')}</th>
              <th scope="col">{t('staff.lessonsRead')}</th>
              <th scope="col">{t('staff.attempts')}</th>
              <th scope="col">{t('staff.best')}</th>
              <th scope="col">{t('staff.state')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.modules.map((m) => (
              <tr key={m.module.id}>
                <td>
                  {m.module.title}
                  {!m.required && <span className="badge">{t('module.optional')}</span>}
                </td>
                <td>{t('module.readCount', { read: m.lessonsRead.length, total: m.module.lessons.length })}</td>
                <td>{t('staff.attemptsValue', { used: m.quiz.attemptsUsed, limit: attemptLimit })}</td>
                <td>{m.quiz.bestScorePercent === null ? '—' : t('result.scoreValue', { score: m.quiz.bestScorePercent })}</td>
                <td>
                  <ModuleStatusBadge quiz={m.quiz} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {progress.waiverEvents.length > 0 && (
        <section className="card" aria-labelledby="waivers-heading">
          <h2 id="waivers-heading">{t('staff.waivers')}</h2>
          <ul>
            {progress.waiverEvents.map((e) =>
              e.kind === 'module_waived' ? (
                <li key={String(e.id)}>
                  {getModule(e.payload.moduleId)?.title ?? e.payload.moduleId} · {e.effectiveDate} ·{' '}
                  {t(`staff.waivedVia.${e.payload.via ?? 'lead'}`)}
                  {e.reason ? t('staff.waivedReason', { reason: e.reason }) : ''}
                </li>
              ) : null,
            )}
          </ul>
        </section>
      )}

      {mayWaive && (
        <section className="card" aria-labelledby="waive-heading">
          <h2 id="waive-heading">{t('waive.heading')}</h2>
          {waivable.length === 0 ? (
            <p className="muted">{t(`waive.nothing.${trainee.traineeClass}`)}</p>
          ) : (
            <>
              <p className="muted small">{t(`waive.rule.${trainee.traineeClass}`)}</p>
              <WaiveModuleForm key={progress.waiverEvents.length} traineeId={trainee.id} modules={waivable} requestKey={randomUUID()} />
            </>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="exam-heading">
        <h2 id="exam-heading">{t('exam.title')}</h2>
        {progress.exam.status === 'passed' && <p>{t('exam.passed', { score: progress.exam.bestScorePercent })}</p>}
        {progress.exam.status === 'not_yet' && <p className="muted">{t(`exam.notYet.${progress.exam.reason}`)}</p>}
        {progress.exam.status === 'in_progress' && <p>{t('exam.inProgress')}</p>}
        {progress.exam.status === 'available' && (
          <p>{progress.exam.bestScorePercent === null ? t('staff.examNotTaken') : t('staff.examBest', { score: progress.exam.bestScorePercent })}</p>
        )}
      </section>

      {attempts.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('staff.attemptHistory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.startedAt')}</th>
                <th scope="col">{t('staff.kind')}</th>
                <th scope="col">{t('result.score')}</th>
                <th scope="col">{t('staff.outcome')}</th>
                <th scope="col">
                  <span className="classroom-sr-only">{t('module.viewResult')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>{when(a.startedAt)}</td>
                  <td>
                    {t(`staff.kinds.${a.kind}`)}
                    {a.moduleId ? ` · ${getModule(a.moduleId)?.title ?? a.moduleId}` : ''}
                  </td>
                  <td>{a.scorePercent === null ? '—' : t('result.scoreValue', { score: a.scorePercent })}</td>
                  <td>
                    {a.submittedAt === null ? (
                      <span className="badge badge-warn">{t('status.in_progress')}</span>
                    ) : (
                      <span className={`badge ${a.passed ? 'badge-ok' : 'badge-bad'}`}>{a.passed ? t('status.passedShort') : t('status.failedShort')}</span>
                    )}
                  </td>
                  <td>{a.submittedAt !== null && <Link href={`/classroom/attempts/${a.id}`}>{t('module.viewResult')}</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
