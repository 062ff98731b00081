import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { getDailySample, listDayCalls, listSampledCallViews, type SampledCallView } from '@/db/queries/calls';
import { isIsoDate } from '@/domain/dates';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { can } from '@/lib/authz';
import { decodeSampleAlgorithm, listSupervisedDays, verifyDailySample } from '@/lib/call-samples';
import { formatCallDuration } from '@/lib/calls-common';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { DrawSampleButton, ReplaceSampledCallForm } from './sample-controls';

export default async function DaySamplePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; day: string }>;
  searchParams: Promise<{ verify?: string }>;
}) {
  const actor = await requireActor();
  const db = getDb();
  const { id, day } = await params;
  const trainee = loadTraineeOr404(db, actor, Number(id), 'trainee.read');
  if (!isIsoDate(day)) notFound();
  const t = await getTranslations('calls');
  const format = await getFormatter();
  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const supervisedDay = listSupervisedDays(plan).find((d) => d.day === day) ?? null;
  const subject = traineeSubject(trainee);
  const canSample = can(actor, 'calls.sample', subject);
  const canReview = can(actor, 'review.mentor.create', subject);

  const dayCalls = listDayCalls(db, { traineeId: trainee.id, day });
  const sample = getDailySample(db, { traineeId: trainee.id, day });
  const views = sample ? listSampledCallViews(db, { sampleId: sample.id }) : [];
  const current = views.filter((v) => v.replacedAt === null);
  const replaced = views.filter((v) => v.replacedAt !== null);
  const parameters = sample ? decodeSampleAlgorithm(sample.algorithm) : null;
  const settings = ctx.settings.quotas.supervised;
  const minCallSeconds = parameters?.minCallSeconds ?? settings.minCallSeconds;
  const quota = parameters?.count ?? settings.sampledCallsPerDay;
  const connected = dayCalls.filter((c) => c.durationSec > 0);
  const eligible = dayCalls.filter((c) => c.durationSec >= minCallSeconds);
  const pool = new Set(sample?.poolCallIds ?? []);
  const lateCalls = sample ? dayCalls.filter((c) => !pool.has(c.id)).length : 0;
  const sampledIds = new Set(current.map((v) => v.call.id));
  const reviewedCount = current.filter((v) => v.review !== null).length;
  const verification = sample && (await searchParams).verify === '1' ? verifyDailySample(db, { sample, traineeId: trainee.id }) : null;

  const time = (ms: number) => format.dateTime(new Date(ms), { timeStyle: 'short', timeZone: ctx.timeZone });
  const dateTime = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'short', timeStyle: 'short', timeZone: ctx.timeZone });
  const reviewHref = (v: SampledCallView) => `/trainees/${trainee.id}/calls/${day}/${v.call.id}/review`;

  return (
    <>
      <p className="small">
        <Link href={`/trainees/${trainee.id}/calls`}>{t('day.back', { name: trainee.displayName })}</Link>
      </p>
      <h1>{t('day.title', { name: trainee.displayName, day })}</h1>

      <dl className="facts">
        <div>
          <dt>{t('day.imported')}</dt>
          <dd>{dayCalls.length}</dd>
        </div>
        <div>
          <dt>{t('day.connected')}</dt>
          <dd>{connected.length}</dd>
        </div>
        <div>
          <dt>{t('day.eligible', { seconds: minCallSeconds })}</dt>
          <dd>{eligible.length}</dd>
        </div>
        <div>
          <dt>{t('day.sampled')}</dt>
          <dd>{t('list.ofQuota', { done: current.length, quota })}</dd>
        </div>
        <div>
          <dt>{t('day.reviewed')}</dt>
          <dd>{sample ? t('list.ofSampled', { done: reviewedCount, sampled: current.length }) : '—'}</dd>
        </div>
      </dl>

      {!supervisedDay && <div className="alert alert-info">{t('day.notSupervised')}</div>}

      {!sample && (
        <section className="card" aria-labelledby="draw-heading">
          <h2 id="draw-heading">{t('sample.heading')}</h2>
          {day > today ? (
            <p>{t('sample.futureDay')}</p>
          ) : connected.length === 0 ? (
            <p>{t('sample.noCalls')}</p>
          ) : supervisedDay && canSample ? (
            <div className="stack">
              <p className="prose">{t('sample.drawExplain', { quota, seconds: minCallSeconds, count: dayCalls.length })}</p>
              <DrawSampleButton traineeId={trainee.id} day={day} label={t('sample.draw')} />
            </div>
          ) : (
            <p>{t('sample.notDrawnYet')}</p>
          )}
        </section>
      )}

      {sample && (
        <section aria-labelledby="sample-heading" className="stack">
          <h2 id="sample-heading">{t('sample.heading')}</h2>
          <p className="muted small">{t('sample.drawnAt', { when: dateTime(sample.createdAt) })}</p>
          {sample.shortfall > 0 && (
            <div className="alert alert-warn" role="status">
              {t('sample.shortfall', { drawn: current.length, quota, shortfall: sample.shortfall })}
            </div>
          )}
          {lateCalls > 0 && <div className="alert alert-info">{t('sample.lateCalls', { count: lateCalls })}</div>}
          <ol className="sample-list">
            {current.map((v) => (
              <li key={v.sampledCallId} className="card sample-call">
                <div className="sample-call-head">
                  <h3>{t('sample.callHeading', { slot: v.slot + 1, callId: v.call.externalId })}</h3>
                  {v.review === null ? (
                    <span className="badge badge-warn">{t('result.notReviewed')}</span>
                  ) : (
                    <span className={v.review.passed ? 'badge badge-ok' : 'badge badge-bad'}>
                      {v.review.passed ? t('result.passed') : t('result.failed')} · {t('result.total', { total: v.review.total })}
                    </span>
                  )}
                </div>
                <p className="small inline">
                  {t('sample.callFacts', { time: time(v.call.startedAt), duration: formatCallDuration(v.call.durationSec), direction: t(`directions.${v.call.direction}`) })}
                  {v.call.durationSec < minCallSeconds && <span className="badge">{t('sample.shortCall')}</span>}
                  {v.review?.criticalFailed && <span className="badge badge-bad">{t('result.critical')}</span>}
                </p>
                <div className="inline">
                  {v.call.recordingUrl && (
                    <a href={v.call.recordingUrl} target="_blank" rel="noopener noreferrer">
                      {t('recording')}
                    </a>
                  )}
                  {v.review === null && canReview ? (
                    <Link className="btn btn-primary btn-small" href={reviewHref(v)}>
                      {t('sample.review')}
                    </Link>
                  ) : v.review !== null ? (
                    <Link href={reviewHref(v)}>{t('sample.viewReview')}</Link>
                  ) : null}
                </div>
                {v.review === null && canSample && <ReplaceSampledCallForm traineeId={trainee.id} day={day} callId={v.call.id} externalId={v.call.externalId} />}
              </li>
            ))}
          </ol>

          {replaced.length > 0 && (
            <section className="card" aria-labelledby="replaced-heading">
              <h3 id="replaced-heading">{t('sample.replacedCaption')}</h3>
              <ul className="replaced-list">
                {replaced.map((v) => (
                  <li key={v.sampledCallId}>
                    <p className="small">
                      {t('sample.replacedLine', { slot: v.slot + 1, callId: v.call.externalId, name: v.replacedByName ?? '—', when: dateTime(v.replacedAt!) })}
                    </p>
                    <p className="small">{t('sample.replacedReason', { reason: v.replaceReason ?? '' })}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="card" aria-labelledby="verify-heading">
            <h3 id="verify-heading">{t('verify.heading')}</h3>
            <p className="small muted">{t('verify.explain')}</p>
            {!verification ? (
              <form method="get">
                <input type="hidden" name="verify" value="1" />
                <button type="submit" className="btn">
                  {t('verify.run')}
                </button>
              </form>
            ) : (
              <div className="stack">
                <div className={verification.matches ? 'alert alert-ok' : 'alert alert-error'} role="status">
                  {!verification.supported ? t('verify.unsupported') : verification.matches ? t('verify.matches') : t('verify.mismatch')}
                </div>
                <dl className="facts verify-facts">
                  <div>
                    <dt>{t('verify.seed')}</dt>
                    <dd>
                      <code>{verification.seed}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('verify.algorithm')}</dt>
                    <dd>
                      <code>{verification.algorithm}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('verify.pool')}</dt>
                    <dd>{t('verify.poolValue', { pool: verification.poolSize, eligible: verification.eligibleCount })}</dd>
                  </div>
                  <div>
                    <dt>{t('verify.stored')}</dt>
                    <dd>{verification.storedDraw.map((callId) => externalIdOf(views, callId)).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('verify.recomputed')}</dt>
                    <dd>{verification.recomputedDraw.map((callId) => externalIdOf(views, callId, dayCalls)).join(', ') || '—'}</dd>
                  </div>
                </dl>
                {verification.replacements.length > 0 && (
                  <ul className="small">
                    {verification.replacements.map((r, i) => (
                      <li key={i}>
                        {t(r.matches ? 'verify.replacementMatches' : 'verify.replacementMismatch', {
                          slot: r.slot + 1,
                          stored: externalIdOf(views, r.storedCallId),
                          recomputed: r.recomputedCallId === null ? '—' : externalIdOf(views, r.recomputedCallId, dayCalls),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </section>
        </section>
      )}

      {dayCalls.length > 0 && (
        <details className="card">
          <summary>{t('day.allCalls', { count: dayCalls.length })}</summary>
          <div className="table-wrap">
            <table className="calls-table">
              <caption>{t('day.allCallsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.callId')}</th>
                  <th scope="col">{t('fields.startTime')}</th>
                  <th scope="col">{t('fields.durationSec')}</th>
                  <th scope="col">{t('fields.direction')}</th>
                  <th scope="col">{t('day.inSample')}</th>
                </tr>
              </thead>
              <tbody>
                {dayCalls.map((c) => (
                  <tr key={c.id}>
                    <td>{c.externalId}</td>
                    <td>{time(c.startedAt)}</td>
                    <td>{formatCallDuration(c.durationSec)}</td>
                    <td>{t(`directions.${c.direction}`)}</td>
                    <td>{sampledIds.has(c.id) ? t('day.yes') : sample && !pool.has(c.id) ? t('day.afterDraw') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

function externalIdOf(views: readonly SampledCallView[], callId: number, dayCalls: readonly { id: number; externalId: string }[] = []): string {
  return views.find((v) => v.call.id === callId)?.call.externalId ?? dayCalls.find((c) => c.id === callId)?.externalId ?? `#${callId}`;
}
