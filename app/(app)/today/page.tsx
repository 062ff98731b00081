import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { DayHeatmap } from '@/components/day-heatmap';
import { NextActionList } from '@/components/next-actions';
import { PlanTimeline } from '@/components/plan-timeline';
import { getDb } from '@/db/client';
import { countDaySampledCalls, listDayMentorReviews } from '@/db/queries/dashboard';
import { listTraineeActivity } from '@/db/queries/program';
import { getTraineeByUser } from '@/db/queries/trainees';
import { previousWorkingDay } from '@/domain/calendar';
import { summariseDayReviews } from '@/domain/dashboard';
import { listDayStatuses } from '@/domain/day-history';
import { computeNextActions } from '@/domain/next-actions';
import { loadTraineeOr404 } from '@/lib/access';
import { loadScorecard } from '@/lib/content/scorecard';
import { computeTraineePlan, currentStageOf, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { QuotaList } from './quota-list';
import { ReviewDigestView } from './review-digest';

/** The trainee's home, read on a phone every morning: what to do, today's counts, yesterday's reviews, the days so far. */
export default async function TodayPage() {
  const actor = await requireActor();
  const db = getDb();
  const own = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!own) notFound();
  const trainee = loadTraineeOr404(db, actor, own.id, 'trainee.read');
  const t = await getTranslations('today');
  const ts = await getTranslations('trainee');
  const format = await getFormatter();
  const longDate = (date: string) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'long' });

  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const next = computeNextActions(plan, 'trainee');
  const history = listDayStatuses(plan, listTraineeActivity(db, { traineeId: trainee.id }), ctx.settings);
  const stage = currentStageOf(plan);
  const current = plan.currentBlockIndex === null ? null : plan.blocks[plan.currentBlockIndex]!;

  // Yesterday = the previous working day: on Monday the mentor's Friday reviews are the news.
  const reviewDay = previousWorkingDay(ctx.calendar, today);
  const reviews = listDayMentorReviews(db, { traineeId: trainee.id, day: reviewDay });
  const sampled = countDaySampledCalls(db, { traineeId: trainee.id, day: reviewDay });
  const scorecard = loadScorecard();
  const digest = summariseDayReviews(
    reviews,
    Object.fromEntries(scorecard.levels.map((l) => [l.id, l.ratio])),
    scorecard.items.map((i) => i.id),
  );
  const reviewDayBlock = plan.blocks.find((b) => !b.skipped && b.start <= reviewDay && reviewDay <= b.end);
  const showReviews = reviews.length > 0 || sampled > 0 || reviewDayBlock?.stage === 'supervised' || current?.stage === 'supervised';

  // On a phone the timeline shows only the current and next blocks; with neither there is nothing to collapse to.
  const collapsible = plan.blocks.some((b) => b.state === 'current' || b.state === 'upcoming');

  return (
    <div className="today-page">
      <header className="today-head">
        <h1>{t('title', { name: trainee.displayName })}</h1>
        <p className="muted">{t('dateLine', { date: longDate(today) })}</p>
        <dl className="facts today-facts">
          <div>
            <dt>{t('facts.stage')}</dt>
            <dd>{stage ? ts(`stages.${stage}`) : ts(`statuses.${plan.status}`)}</dd>
          </div>
          {plan.daysRemainingInStage !== null && (
            <div>
              <dt>{t('facts.daysLeft')}</dt>
              <dd className="today-days-left">{t('facts.daysLeftValue', { count: plan.daysRemainingInStage })}</dd>
            </div>
          )}
          <div>
            <dt>{t('facts.status')}</dt>
            <dd>
              <span className={`badge status-${plan.status}`}>{ts(`statuses.${plan.status}`)}</span>
            </dd>
          </div>
          {(plan.certificate || plan.expectedCertificationDate) && (
            <div>
              <dt>{t('facts.certification')}</dt>
              <dd>
                {plan.certificate
                  ? t('facts.certifiedOn', { date: plan.certificate.date })
                  : plan.expectedCertificationDate}
              </dd>
            </div>
          )}
        </dl>
      </header>

      <section className="card" aria-labelledby="todo-heading">
        <h2 id="todo-heading">{t('todo.title')}</h2>
        <NextActionList actions={next.actions} />
      </section>

      <section className="card" aria-labelledby="quota-heading">
        <h2 id="quota-heading">{t('quota.title')}</h2>
        <QuotaList evaluation={plan.todayEvaluation} stage={current?.stage ?? null} />
      </section>

      {showReviews && (
        <section className="card" aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t('reviews.titleOn', { date: longDate(reviewDay) })}</h2>
          <ReviewDigestView digest={digest} sampled={sampled} traineeId={trainee.id} day={reviewDay} scorecard={scorecard} />
        </section>
      )}

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline.title')}</h2>
        <div className={collapsible ? 'today-timeline is-collapsible' : 'today-timeline'}>
          <PlanTimeline plan={plan} />
        </div>
        <p className="small">
          <Link href="/my-plan">{t('timeline.full')}</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">{t('heatmap.title')}</h2>
        <DayHeatmap entries={history} today={today} />
      </section>

      <nav className="card today-links" aria-labelledby="links-heading">
        <h2 id="links-heading">{t('links.title')}</h2>
        <ul>
          <li>
            <Link href="/shadowing">{t('links.shadowing')}</Link>
          </li>
          <li>
            <Link href="/classroom">{t('links.classroom')}</Link>
          </li>
          {plan.traineeClass === 'A' && (
            <li>
              <Link href="/drills">{t('links.drills')}</Link>
            </li>
          )}
          <li>
            <Link href="/my-calls">{t('links.myCalls')}</Link>
          </li>
          <li>
            <Link href="/my-plan">{t('links.myPlan')}</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
