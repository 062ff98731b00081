// The qa specialist's home: trainees in their solo assessment week (or waiting for its result), with
// how many calls are scored against the minimum and the running average, and trainees in probation
// with whether the qa score is in. Each row opens the page where the work is done.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { getTrainee, listTrainees } from '@/db/queries/trainees';
import { assessorKindsFor, loadProbationReview, loadSoloWeek, type ProbationReview, type SoloWeek } from '@/lib/assessment';
import { can } from '@/lib/authz';
import { loadScorecard } from '@/lib/content/scorecard';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';

type SoloRow = { id: number; name: string; traineeClass: string; week: SoloWeek };
type ProbationRow = { id: number; name: string; traineeClass: string; review: ProbationReview; qaScored: boolean; canScoreQa: boolean };

export default async function QaHomePage() {
  const actor = await requireActor();
  if (!can(actor, 'queue.qa', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const t = await getTranslations('assessment');
  const th = await getTranslations('home');
  const ctx = loadProgramContext(db, actor.orgId);
  const today = todayFor(ctx);
  const scorecard = loadScorecard();
  const { passMark, minScoredCalls } = ctx.settings.soloAssessment;

  const solo: SoloRow[] = [];
  const probation: ProbationRow[] = [];
  for (const row of listTrainees(db, { orgId: actor.orgId, stages: ['solo', 'probation'] })) {
    const trainee = getTrainee(db, { orgId: actor.orgId, traineeId: row.id });
    if (!trainee) continue;
    const plan = computeTraineePlan(db, ctx, trainee, today);
    if (row.currentStage === 'solo') {
      const week = loadSoloWeek(db, { plan, traineeId: trainee.id, settings: ctx.settings, scorecard, today });
      if (week && week.state !== 'recorded') solo.push({ id: trainee.id, name: trainee.displayName, traineeClass: trainee.traineeClass, week });
    } else {
      const review = loadProbationReview(db, { plan, traineeId: trainee.id, settings: ctx.settings, today });
      if (review && review.state !== 'recorded') {
        probation.push({
          id: trainee.id,
          name: trainee.displayName,
          traineeClass: trainee.traineeClass,
          review,
          qaScored: review.scores.some((s) => s.assessorKind === 'qa'),
          canScoreQa: assessorKindsFor(actor, trainee, ctx.settings).includes('qa'),
        });
      }
    }
  }
  // Weeks due for a result first, then the ones with the fewest scored calls.
  solo.sort((a, b) => Number(b.week.state === 'due') - Number(a.week.state === 'due') || a.week.result.scoredCount - b.week.result.scoredCount);

  return (
    <>
      <h1>{th('qaTitle')}</h1>
      <section aria-labelledby="solo-queue-heading" className="stack">
        <h2 id="solo-queue-heading">{t('queue.soloHeading')}</h2>
        <p className="muted small">{t('queue.soloHint', { min: minScoredCalls, passMark })}</p>
        {solo.length === 0 ? (
          <p className="muted">{t('queue.noSolo')}</p>
        ) : (
          <ul className="queue-list">
            {solo.map(({ id, name, traineeClass, week }) => (
              <li key={id} className="card">
                <p className="inline">
                  <Link href={`/trainees/${id}/solo`} className="queue-name">
                    {name}
                  </Link>
                  <span className="badge">{traineeClass}</span>
                  <span className={`badge state-${week.state}`}>{t(`solo.states.${week.state}`)}</span>
                </p>
                <dl className="facts">
                  <div>
                    <dt>{t('queue.week')}</dt>
                    <dd>{t('range', { start: week.block.start, end: week.block.plannedEnd })}</dd>
                  </div>
                  <div>
                    <dt>{t('queue.scored')}</dt>
                    <dd>
                      <span className={week.result.scoredCount >= minScoredCalls ? 'badge badge-ok' : 'badge badge-warn'}>
                        {t('solo.scoredValue', { count: week.result.scoredCount, min: minScoredCalls })}
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('queue.average')}</dt>
                    <dd>{week.result.average ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('queue.exam')}</dt>
                    <dd>
                      {week.result.reasons.includes('exam_missing')
                        ? t('queue.examMissing')
                        : week.result.reasons.includes('exam_not_passed')
                          ? t('queue.examFailed')
                          : t('queue.examOk')}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="probation-queue-heading" className="stack">
        <h2 id="probation-queue-heading">{t('queue.probationHeading')}</h2>
        {probation.length === 0 ? (
          <p className="muted">{t('queue.noProbation')}</p>
        ) : (
          <ul className="queue-list">
            {probation.map(({ id, name, traineeClass, review, qaScored, canScoreQa }) => (
              <li key={id} className="card">
                <p className="inline">
                  <Link href={`/trainees/${id}/probation`} className="queue-name">
                    {name}
                  </Link>
                  <span className="badge">{traineeClass}</span>
                  <span className={`badge state-${review.state}`}>{t(`probation.states.${review.state}`)}</span>
                </p>
                <dl className="facts">
                  <div>
                    <dt>{t('queue.period')}</dt>
                    <dd>{t('range', { start: review.block.start, end: review.block.plannedEnd })}</dd>
                  </div>
                  <div>
                    <dt>{t('queue.scoringOpens')}</dt>
                    <dd>{review.scoringOpensOn}</dd>
                  </div>
                  <div>
                    <dt>{t('queue.qaScore')}</dt>
                    <dd>
                      {qaScored ? (
                        <span className="badge badge-ok">{t('queue.qaDone')}</span>
                      ) : review.scoringOpen && canScoreQa ? (
                        <span className="badge badge-warn">{t('queue.qaTodo')}</span>
                      ) : (
                        <span className="badge">{t('queue.qaNotOpen')}</span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('queue.assessorsDone')}</dt>
                    <dd>{t('queue.assessorsValue', { done: review.scores.length, total: review.assessors.length })}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
