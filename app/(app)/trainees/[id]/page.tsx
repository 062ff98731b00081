import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listTraineeEventHistory } from '@/db/queries/program';
import { NextActionList } from '@/components/next-actions';
import { PlanTimeline } from '@/components/plan-timeline';
import { TraineeSummary } from '@/components/trainee-summary';
import { computeNextActions } from '@/domain/next-actions';
import { listClassStages, trainingStages } from '@/domain/program-settings';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { can } from '@/lib/authz';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { PlanChangeForms } from './plan-change-forms';

export default async function TraineeRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'trainee.read');
  const ctx = loadProgramContext(db, actor.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const subject = traineeSubject(trainee);
  const isSelf = trainee.userId === actor.userId;
  const role = isSelf ? 'trainee' : can(actor, 'trainee.plan.manage', subject) ? 'lead' : trainee.mentorId === actor.userId ? 'mentor' : 'qa';
  const next = computeNextActions(plan, role);
  const canManage = can(actor, 'trainee.plan.manage', subject);
  const history = listTraineeEventHistory(db, { traineeId: trainee.id });
  const t = await getTranslations('plan');
  const tt = await getTranslations('trainee');
  const base = `/trainees/${trainee.id}`;
  // The few payload fields worth seeing in the history: which stage, which day, how many days, the score.
  const describePayload = (payload: Record<string, unknown>): string =>
    [
      typeof payload.stage === 'string' && t.has(`stageNames.${payload.stage}`) ? t(`stageNames.${payload.stage}`) : null,
      typeof payload.action === 'string' && t.has(`overrideActions.${payload.action}`) ? t(`overrideActions.${payload.action}`) : null,
      typeof payload.decision === 'string' ? t(`decisions.${payload.decision}`) : null,
      typeof payload.date === 'string' ? payload.date : null,
      typeof payload.days === 'number' ? t('history.days', { n: payload.days }) : null,
      typeof payload.scorePercent === 'number' ? t('history.score', { n: payload.scorePercent }) : null,
      typeof payload.moduleId === 'string' ? payload.moduleId : null,
    ]
      .filter(Boolean)
      .join(t('history.separator'));
  const reached = (stage: string) => plan.blocks.some((b) => b.stage === stage && !b.skipped && b.state !== 'upcoming');
  const recordLinks = [
    { key: 'classroom', href: `${base}/classroom`, show: true },
    { key: 'shadowing', href: `${base}/shadowing`, show: reached('shadowing') },
    { key: 'calls', href: `${base}/calls`, show: reached('supervised') },
    { key: 'solo', href: `${base}/solo`, show: reached('solo') },
    { key: 'probation', href: `${base}/probation`, show: reached('probation') },
    { key: 'certificate', href: `${base}/certificate`, show: plan.certificate !== null && can(actor, 'certificate.read', subject) },
  ].filter((link) => link.show);

  return (
    <>
      <h1>{trainee.displayName}</h1>
      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{tt('summary')}</h2>
        <TraineeSummary trainee={{ ...trainee, status: plan.status }} />
        <dl className="facts">
          <div>
            <dt>{t('daysRemaining')}</dt>
            <dd>{plan.daysRemainingInStage ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('expectedCertification')}</dt>
            <dd>{plan.expectedCertificationDate ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('failures')}</dt>
            <dd>{t('failureCounts', { solo: plan.failures.solo, probation: plan.failures.probation })}</dd>
          </div>
        </dl>
      </section>

      <nav className="card record-links" aria-label={t('recordsNav')}>
        <ul className="inline">
          {recordLinks.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="btn btn-small">
                {t(`records.${link.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section className="card" aria-labelledby="next-heading">
        <h2 id="next-heading">{t('nextTitle')}</h2>
        <NextActionList actions={next.actions} />
      </section>

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timelineTitle')}</h2>
        {plan.provisional && <p className="alert alert-info">{t('provisionalNote')}</p>}
        <PlanTimeline plan={plan} />
      </section>

      {canManage && (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t('changesTitle')}</h2>
          <PlanChangeForms
            traineeId={trainee.id}
            today={today}
            stages={listClassStages(ctx.settings, trainee.traineeClass)}
            trainingStages={[...trainingStages].filter((s) => listClassStages(ctx.settings, trainee.traineeClass).includes(s))}
            pendingDecision={plan.pendingDecision}
          />
        </section>
      )}

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('historyTitle')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.date')}</th>
                <th scope="col">{t('history.event')}</th>
                <th scope="col">{t('history.by')}</th>
                <th scope="col">{t('history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((e) => (
                <tr key={e.id}>
                  <td>{e.effectiveDate}</td>
                  <td>
                    {t.has(`events.${e.kind}`) ? t(`events.${e.kind}`) : e.kind}
                    {describePayload(e.payload) && <span className="muted small"> · {describePayload(e.payload)}</span>}
                  </td>
                  <td>{e.actorName ?? t('history.system')}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
