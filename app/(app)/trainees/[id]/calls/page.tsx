import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { listDaySampleSummaries, type DaySampleSummary } from '@/db/queries/calls';
import { listTraineeReviews, type TraineeReviewListItem } from '@/db/queries/reviews';
import { loadTraineeOr404 } from '@/lib/access';
import { listSupervisedDays } from '@/lib/call-samples';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';

type DayState = 'no_calls' | 'not_drawn' | 'to_review' | 'reviewed';

function dayState(s: DaySampleSummary): DayState {
  if (!s.drawn) return s.callsHandled === 0 ? 'no_calls' : 'not_drawn';
  return s.callsReviewed >= s.callsSampled ? 'reviewed' : 'to_review';
}

const RECENT_REVIEWS = 10;

const STATE_BADGE: Record<DayState, string> = { no_calls: 'badge', not_drawn: 'badge badge-warn', to_review: 'badge badge-warn', reviewed: 'badge badge-ok' };

export default async function TraineeCallsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'trainee.read');
  const t = await getTranslations('calls');
  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const supervisedDays = listSupervisedDays(plan);
  const pastDays = supervisedDays.filter((d) => d.day <= today).reverse();
  const upcoming = supervisedDays.filter((d) => d.day > today);
  const summaries = listDaySampleSummaries(db, { traineeId: trainee.id, days: pastDays.map((d) => d.day) });
  const quota = ctx.settings.quotas.supervised.sampledCallsPerDay;
  const reviews = listTraineeReviews(db, { traineeId: trainee.id, kind: 'mentor' });
  // What the trainee still has to read comes first; the acknowledged ones are history, a few shown.
  const waiting = reviews.filter((r) => r.acknowledgedAt === null);
  const acknowledged = reviews.filter((r) => r.acknowledgedAt !== null);
  const recent = acknowledged.slice(0, RECENT_REVIEWS);
  const older = acknowledged.length - recent.length;
  const unacknowledged = waiting.length;
  const isSelf = trainee.userId === actor.userId;

  return (
    <>
      <p className="small">
        <Link href={`/trainees/${trainee.id}`}>{trainee.displayName}</Link>
      </p>
      <h1>{t('list.title', { name: trainee.displayName })}</h1>
      <p className="muted prose">{t('list.intro', { quota, minSeconds: ctx.settings.quotas.supervised.minCallSeconds })}</p>

      {isSelf && unacknowledged > 0 && (
        <div className="alert alert-info" role="status">
          {t('list.unacknowledged', { count: unacknowledged })}
        </div>
      )}

      {pastDays.length === 0 ? (
        <div className="card">
          <p>{upcoming.length > 0 ? t('list.startsOn', { day: upcoming[0]!.day }) : t('list.noSupervisedDays')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="calls-table">
            <caption>{t('list.daysCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dayColumn')}</th>
                <th scope="col">{t('list.handled')}</th>
                <th scope="col">{t('list.sampled')}</th>
                <th scope="col">{t('list.reviewed')}</th>
                <th scope="col">{t('list.state')}</th>
              </tr>
            </thead>
            <tbody>
              {pastDays.map((d) => {
                const s = summaries.get(d.day)!;
                const state = dayState(s);
                return (
                  <tr key={d.day}>
                    <td>
                      <span className="inline">
                        <Link href={`/trainees/${trainee.id}/calls/${d.day}`}>{d.day}</Link>
                        {d.day === today && <span className="badge badge-info">{t('today')}</span>}
                        {d.kind !== 'regular' && <span className="badge">{t(`blockKinds.${d.kind}`)}</span>}
                      </span>
                    </td>
                    <td>{s.callsHandled}</td>
                    <td>
                      <span className="inline">
                        {t('list.ofQuota', { done: s.callsSampled, quota })}
                        {s.shortfall > 0 && <span className="badge badge-warn">{t('list.shortfall', { count: s.shortfall })}</span>}
                      </span>
                    </td>
                    <td>{s.drawn ? t('list.ofSampled', { done: s.callsReviewed, sampled: s.callsSampled }) : '—'}</td>
                    <td>
                      <span className={STATE_BADGE[state]}>{t(`list.states.${state}`)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pastDays.length > 0 && upcoming.length > 0 && <p className="muted">{t('list.upcoming', { count: upcoming.length })}</p>}

      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t('list.reviewsHeading')}</h2>
        {reviews.length === 0 ? (
          <p className="muted">{t('list.noReviews')}</p>
        ) : (
          <>
            {waiting.length > 0 && <ReviewCards heading={t('list.waitingHeading')} items={waiting} traineeId={trainee.id} t={t} />}
            {recent.length > 0 && <ReviewCards heading={t('list.recentHeading')} items={recent} traineeId={trainee.id} t={t} />}
            {older > 0 && <p className="muted small">{t('list.olderReviews', { count: older })}</p>}
          </>
        )}
      </section>
    </>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<'calls'>>>;

function ReviewCards({ heading, items, traineeId, t }: { heading: string; items: TraineeReviewListItem[]; traineeId: number; t: Translate }): ReactNode {
  return (
    <>
      <h3>{heading}</h3>
      <ul className="review-list">
        {items.map((r) => (
          <li key={r.id} className="card">
            <div className="inline">
              <Link href={`/trainees/${traineeId}/calls/${r.day}/${r.callId}/review`}>{t('list.reviewLink', { day: r.day, callId: r.externalId })}</Link>
              <span className={r.passed ? 'badge badge-ok' : 'badge badge-bad'}>
                {r.passed ? t('result.passed') : t('result.failed')} · {t('result.total', { total: r.total })}
              </span>
              {r.acknowledgedAt === null ? <span className="badge badge-warn">{t('list.notAcknowledged')}</span> : <span className="badge">{t('list.acknowledged')}</span>}
            </div>
            <p className="small muted">{t('list.reviewedBy', { name: r.reviewerName })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
