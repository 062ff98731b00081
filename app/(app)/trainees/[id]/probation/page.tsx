// The probation review (试用期内部评定) of one trainee: each enabled assessor's score and comment, the
// weighted result against the pass mark, the lead's sign-off, and once passed the certificate.
// Staff see every score; the trainee sees the period, the result once signed off, and the certificate.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { RecordedResults } from '../_components/recorded-results';
import { PlanTimeline } from '@/components/plan-timeline';
import { getDb } from '@/db/client';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { assessorKindsFor, loadGateResults, loadProbationReview } from '@/lib/assessment';
import { can } from '@/lib/authz';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { retrainingStagesFor } from '@/lib/sign-offs';
import { CorrectResultForm } from '../solo/correct-result-form';
import { correctProbationSignOffAction } from './actions';
import { ProbationScoreForm, SignOffForm } from './probation-forms';

const newKey = () => randomUUID().replace(/-/g, '');

export default async function ProbationReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'trainee.read');
  const t = await getTranslations('assessment');
  const ts = await getTranslations('trainee');
  const format = await getFormatter();
  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const review = loadProbationReview(db, { plan, traineeId: trainee.id, settings: ctx.settings, today });
  const subject = traineeSubject(trainee);
  const isSelf = trainee.userId === actor.userId;
  const canSignOff = can(actor, 'probation.signoff', subject);
  const canDownload = can(actor, 'certificate.read', subject);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone });
  const backLink = (
    <p className="small">
      <Link href={`/trainees/${trainee.id}`}>{trainee.displayName}</Link>
    </p>
  );

  if (!review) {
    return (
      <>
        {backLink}
        <h1>{t('probation.title', { name: trainee.displayName })}</h1>
        <p className="card muted">{t('probation.noPeriod')}</p>
      </>
    );
  }

  const { block, result } = review;
  const myKinds = assessorKindsFor(actor, trainee, ctx.settings);
  const scoredKinds = new Set(review.scores.map((s) => s.assessorKind));
  const openForms = review.scoringOpen ? myKinds.filter((k) => !scoredKinds.has(k)) : [];
  const { recorded, eventsById, latest } = loadGateResults(db, plan, trainee.id, 'probation');
  const correctable = canSignOff && latest !== null && latest.kind.startsWith('probation_');
  const showScores = !isSelf || review.state === 'recorded';
  const computed = result.passed === null ? null : result.passed ? 'passed' : 'failed';
  const stages = retrainingStagesFor(ctx, trainee);
  const certificate = plan.certificate;

  return (
    <>
      {backLink}
      <h1>{t('probation.title', { name: trainee.displayName })}</h1>

      <section className="card" aria-labelledby="period-heading">
        <h2 id="period-heading">{t('probation.periodHeading', { attempt: review.attempt })}</h2>
        <dl className="facts">
          <div>
            <dt>{t('probation.dates')}</dt>
            <dd>{t('range', { start: block.start, end: block.plannedEnd })}</dd>
          </div>
          <div>
            <dt>{t('probation.state')}</dt>
            <dd>
              <span className={`badge state-${review.state}`}>{t(`probation.states.${review.state}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('probation.scoringOpens')}</dt>
            <dd>{review.scoringOpensOn}</dd>
          </div>
          <div>
            <dt>{t('probation.passMark')}</dt>
            <dd>{review.passMark}</dd>
          </div>
        </dl>
        {plan.pendingDecision?.gate === 'probation' && (
          <p className="alert alert-warn">
            {t('probation.decisionPending')} <Link href={`/trainees/${trainee.id}`}>{t('solo.openRecord')}</Link>
          </p>
        )}
      </section>

      {showScores && (
        <section className="card" aria-labelledby="scores-heading">
          <h2 id="scores-heading">{t('probation.scoresHeading')}</h2>
          <ul className="score-list">
            {review.assessors.map((a) => {
              const score = review.scores.find((s) => s.assessorKind === a.kind);
              return (
                <li key={a.kind}>
                  <p className="inline spread">
                    <span>
                      <strong>{t(`assessors.${a.kind}`)}</strong> <span className="muted small">{t('probation.weightValue', { weight: a.weight })}</span>
                    </span>
                    {score ? <span className="score-value">{score.score}</span> : <span className="badge badge-warn">{t('probation.pending')}</span>}
                  </p>
                  {score && (
                    <>
                      <p className="probation-comment">{score.comment}</p>
                      <p className="small muted">{t('probation.enteredByValue', { name: score.assessorName, when: when(score.createdAt) })}</p>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <div className={result.complete ? (result.passed ? 'alert alert-ok' : 'alert alert-error') : 'alert alert-info'} role="status">
            {result.complete ? (
              <strong>
                {t(result.passed ? 'probation.weightedPassed' : 'probation.weightedFailed', { score: result.weightedScore ?? 0, passMark: review.passMark })}
              </strong>
            ) : (
              t('probation.missing', { count: result.missingKinds.length, kinds: format.list(result.missingKinds.map((k) => t(`assessors.${k}`))) })
            )}
          </div>
        </section>
      )}

      {recorded.length > 0 && (
        <RecordedResults
          headingId="signed-heading"
          heading={t('probation.signedHeading')}
          blocks={recorded}
          eventsById={eventsById}
          timeZone={ctx.timeZone}
          attemptHeading={(attempt) => t('probation.periodHeading', { attempt })}
          note={(outcome) => t(`probation.recorded.${outcome}`)}
        />
      )}

      {certificate && (
        <section className="card" aria-labelledby="certificate-heading">
          <h2 id="certificate-heading">{t('certificate.heading')}</h2>
          <dl className="facts certificate-facts">
            <div>
              <dt>{t('certificate.code')}</dt>
              <dd className="certificate-code">{certificate.code}</dd>
            </div>
            <div>
              <dt>{t('certificate.date')}</dt>
              <dd>{certificate.date}</dd>
            </div>
          </dl>
          <p className="inline">
            {canDownload && (
              <a className="btn btn-primary" href={`/trainees/${trainee.id}/certificate`} download>
                {t('certificate.download')}
              </a>
            )}
            <Link href={`/verify/${certificate.code}`}>{t('certificate.verify')}</Link>
          </p>
        </section>
      )}

      {openForms.length > 0 && (
        <section aria-labelledby="score-forms-heading" className="stack">
          <h2 id="score-forms-heading">{t('probation.yourScore')}</h2>
          <div className="grid">
            {openForms.map((kind) => (
              <ProbationScoreForm key={kind} traineeId={trainee.id} assessorKind={kind} onBehalf={kind !== 'mentor' && kind !== 'qa'} />
            ))}
          </div>
        </section>
      )}
      {myKinds.length > 0 && !review.scoringOpen && review.state !== 'recorded' && (
        <p className="alert alert-info">{t('probation.scoringNotOpen', { date: review.scoringOpensOn })}</p>
      )}

      {canSignOff && review.state !== 'recorded' && (
        <section aria-labelledby="lead-heading" className="stack">
          <h2 id="lead-heading">{t('probation.leadHeading')}</h2>
          {review.state !== 'due' ? (
            <p className="alert alert-info">{t('probation.signOffNotDue', { date: block.plannedEnd })}</p>
          ) : computed === null ? (
            <p className="alert alert-info">{t('probation.signOffNeedsScores')}</p>
          ) : (
            <SignOffForm key={`s-${block.start}`} traineeId={trainee.id} blockStart={block.start} requestKey={newKey()} computed={computed} retrainingStages={stages} />
          )}
        </section>
      )}

      {correctable && latest && (
        <section aria-labelledby="correction-heading" className="stack">
          <h2 id="correction-heading">{t('correction.heading')}</h2>
          <CorrectResultForm
            key={`fix-${latest.id}`}
            gate="probation"
            traineeId={trainee.id}
            eventId={Number(latest.id)}
            current={latest.kind === 'probation_passed' ? 'passed' : 'failed'}
            requestKey={newKey()}
            retrainingStages={stages}
            action={correctProbationSignOffAction}
          />
        </section>
      )}

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timelineHeading')}</h2>
        <p className="muted small">
          {ts('status')}: {ts(`statuses.${plan.status}`)}
        </p>
        <PlanTimeline plan={plan} />
      </section>
    </>
  );
}
