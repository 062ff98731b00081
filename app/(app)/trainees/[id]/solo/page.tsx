// The solo assessment week (独立上线考核) of one trainee: the week's calls and qa's scores, the
// result the settings compute with its reasons, and — for a lead — confirming it, recording another
// result with a reason, or correcting a recorded one. After a failure the timeline below shows the
// extension week and the new solo week the engine scheduled in the same transaction.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { RecordedResults } from '../_components/recorded-results';
import { PlanTimeline } from '@/components/plan-timeline';
import { getDb } from '@/db/client';
import { listCallsWithAssessment } from '@/db/queries/assessment';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { isAssessableDay, loadGateResults, loadSoloWeek } from '@/lib/assessment';
import { can } from '@/lib/authz';
import { formatCallDuration } from '@/lib/calls-common';
import { loadScorecard } from '@/lib/content/scorecard';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { correctSoloResultAction } from './actions';
import { CorrectResultForm } from './correct-result-form';
import { ConfirmSoloForm, OverrideSoloForm } from './result-forms';

const newKey = () => randomUUID().replace(/-/g, '');

export default async function SoloAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'trainee.read');
  const t = await getTranslations('assessment');
  const tc = await getTranslations('calls');
  const ts = await getTranslations('trainee');
  const format = await getFormatter();
  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const scorecard = loadScorecard();
  const week = loadSoloWeek(db, { plan, traineeId: trainee.id, settings: ctx.settings, scorecard, today });
  const subject = traineeSubject(trainee);
  const canScore = can(actor, 'review.assessment.create', subject);
  const canConfirm = can(actor, 'solo.confirm', subject);
  const { passMark, minScoredCalls } = ctx.settings.soloAssessment;
  const time = (ms: number) => format.dateTime(new Date(ms), { timeStyle: 'short', timeZone: ctx.timeZone });
  const backLink = (
    <p className="small">
      <Link href={`/trainees/${trainee.id}`}>{trainee.displayName}</Link>
    </p>
  );

  if (!week) {
    return (
      <>
        {backLink}
        <h1>{t('solo.title', { name: trainee.displayName })}</h1>
        <p className="card muted">{t('solo.noWeek')}</p>
      </>
    );
  }

  const { block, result } = week;
  const pastDays = week.days.filter((d) => d <= today);
  const weekCalls = listCallsWithAssessment(db, { traineeId: trainee.id, days: pastDays });
  const computed = result.passed ? 'passed' : 'failed';
  // Every solo week that has a result, with who recorded it and why: after a failure the page moves
  // on to the next week, and the recorded one stays visible (and correctable) here.
  const { recorded, eventsById, latest } = loadGateResults(db, plan, trainee.id, 'solo');
  const correctable = canConfirm && latest !== null && latest.kind.startsWith('solo_');
  const early = week.state === 'upcoming' ? 'before_start' : week.state === 'open' ? 'before_end' : null;
  const decisionPending = plan.pendingDecision?.gate === 'solo';
  const dayIndex = week.days.indexOf(today);

  return (
    <>
      {backLink}
      <h1>{t('solo.title', { name: trainee.displayName })}</h1>

      <section className="card" aria-labelledby="week-heading">
        <h2 id="week-heading">{t('solo.weekHeading', { attempt: week.attempt })}</h2>
        <dl className="facts">
          <div>
            <dt>{t('solo.dates')}</dt>
            <dd>{t('range', { start: block.start, end: block.plannedEnd })}</dd>
          </div>
          <div>
            <dt>{t('solo.state')}</dt>
            <dd>
              <span className={`badge state-${week.state}`}>
                {week.state === 'open' && dayIndex >= 0
                  ? t('solo.states.openDay', { day: dayIndex + 1, days: week.days.length })
                  : t(`solo.states.${week.state}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('solo.exam')}</dt>
            <dd>
              {plan.exam.passed
                ? t('solo.examPassed', { score: plan.exam.bestScorePercent ?? 0 })
                : plan.exam.bestScorePercent === null
                  ? t('solo.examMissing')
                  : t('solo.examFailed', { score: plan.exam.bestScorePercent })}
            </dd>
          </div>
        </dl>
        {decisionPending && (
          <p className="alert alert-warn">
            {t('solo.decisionPending')} <Link href={`/trainees/${trainee.id}`}>{t('solo.openRecord')}</Link>
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="result-heading">
        <h2 id="result-heading">{t('solo.resultHeading')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('solo.average')}</dt>
            <dd>{result.average === null ? '—' : t('solo.averageValue', { average: result.average, passMark })}</dd>
          </div>
          <div>
            <dt>{t('solo.scoredCalls')}</dt>
            <dd>{t('solo.scoredValue', { count: result.scoredCount, min: minScoredCalls })}</dd>
          </div>
          {scorecard.dimensions.map((d) => (
            <div key={d.id}>
              <dt>{d.title}</dt>
              <dd>{week.dimensions[d.id] == null ? '—' : t('solo.dimensionValue', { score: week.dimensions[d.id]! })}</dd>
            </div>
          ))}
        </dl>
        <div className={result.passed ? 'alert alert-ok' : 'alert alert-warn'} role="status">
          <strong>{t(week.state === 'recorded' || week.state === 'due' ? `solo.computed.${computed}` : `solo.computedSoFar.${computed}`)}</strong>
          {result.reasons.length > 0 && (
            <ul className="solo-reasons">
              {result.reasons.map((reason) => (
                <li key={reason}>{t(`solo.reasons.${reason}`, { passMark, min: minScoredCalls, count: result.scoredCount, average: result.average ?? 0 })}</li>
              ))}
            </ul>
          )}
        </div>
      </section>

      {canConfirm && week.state !== 'recorded' && (
        <section aria-labelledby="lead-heading" className="stack">
          <h2 id="lead-heading">{t('solo.leadHeading')}</h2>
          <div className="grid">
            {week.state === 'due' && <ConfirmSoloForm key={`c-${block.start}`} traineeId={trainee.id} blockStart={block.start} requestKey={newKey()} computed={computed} />}
            <OverrideSoloForm key={`o-${block.start}`} traineeId={trainee.id} blockStart={block.start} requestKey={newKey()} computed={computed} early={early} />
          </div>
        </section>
      )}

      {recorded.length > 0 && (
        <RecordedResults
          headingId="results-heading"
          heading={t('solo.resultsHeading')}
          blocks={recorded}
          eventsById={eventsById}
          timeZone={ctx.timeZone}
          attemptHeading={(attempt) => t('solo.weekHeading', { attempt })}
          note={(outcome) => (outcome === 'failed' ? t('solo.recorded.failed') : null)}
        />
      )}

      {correctable && latest && (
        <section aria-labelledby="correction-heading" className="stack">
          <h2 id="correction-heading">{t('correction.heading')}</h2>
          <CorrectResultForm
            key={`fix-${latest.id}`}
            gate="solo"
            traineeId={trainee.id}
            eventId={Number(latest.id)}
            current={latest.kind === 'solo_passed' ? 'passed' : 'failed'}
            requestKey={newKey()}
            action={correctSoloResultAction}
          />
        </section>
      )}

      <section className="card" aria-labelledby="calls-heading">
        <h2 id="calls-heading">{t('solo.callsHeading')}</h2>
        <p className="muted small">{t('solo.callsHint', { min: minScoredCalls })}</p>
        {weekCalls.length === 0 ? (
          <p className="muted">{week.state === 'upcoming' ? t('solo.startsOn', { day: block.start }) : t('solo.noCalls')}</p>
        ) : (
          // One compact table per day (time, length, score): on a phone the score stays in view.
          pastDays.map((day) => {
            const dayCalls = weekCalls.filter((c) => c.day === day);
            if (dayCalls.length === 0) return null;
            const scored = dayCalls.filter((c) => c.assessmentReviewId !== null).length;
            return (
              <div key={day} className="solo-day">
                <h3 id={`day-${day}`}>{t('solo.dayHeading', { day, scored, calls: dayCalls.length })}</h3>
                <div className="table-wrap">
                  <table aria-labelledby={`day-${day}`}>
                    <thead>
                      <tr>
                        <th scope="col">{tc('fields.startTime')}</th>
                        <th scope="col">{tc('fields.durationSec')}</th>
                        <th scope="col">{t('solo.score')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dayCalls.map((call) => {
                        const href = `/trainees/${trainee.id}/solo/calls/${call.id}`;
                        const scorable = canScore && call.assessmentReviewId === null && isAssessableDay(week, call.day, today);
                        return (
                          <tr key={call.id}>
                            <td>
                              {time(call.startedAt)} <span className="muted small">{tc(`directions.${call.direction}`)}</span>
                            </td>
                            <td>{formatCallDuration(call.durationSec)}</td>
                            <td>
                              {call.assessmentReviewId !== null ? (
                                <Link
                                  href={href}
                                  className={call.assessmentCritical ? 'badge badge-bad' : (call.assessmentTotal ?? 0) >= scorecard.passMark ? 'badge badge-ok' : 'badge badge-warn'}
                                  aria-label={t('solo.scoredCallLabel', { callId: call.externalId, total: call.assessmentTotal ?? 0 })}
                                >
                                  {call.assessmentCritical ? t('solo.criticalScore', { total: call.assessmentTotal ?? 0 }) : t('solo.scoreValue', { total: call.assessmentTotal ?? 0 })}
                                </Link>
                              ) : scorable ? (
                                <Link href={href} className="btn btn-small" aria-label={t('solo.scoreCallLabel', { callId: call.externalId })}>
                                  {t('solo.scoreCall')}
                                </Link>
                              ) : (
                                <span className="muted">{t('solo.notScored')}</span>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            );
          })
        )}
      </section>

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
