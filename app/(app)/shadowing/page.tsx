import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listTraineeDrillGroupDays } from '@/db/queries/drills';
import { listTraineeActivity } from '@/db/queries/program';
import { listRecordings, listTraineeDays } from '@/db/queries/shadowing';
import { getTraineeByUser } from '@/db/queries/trainees';
import { listDailyRequirementCodes } from '@/domain/day-status';
import {
  blockHasLiveShadowingRule,
  checkConfirmDay,
  checkTraineeLogDay,
  evaluatePlanBlockDays,
  findBlockOfWorkingDay,
  listLogWindow,
} from '@/domain/floor-days';
import { loadTraineeOr404 } from '@/lib/access';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { DayStatusBadge, findRequirement } from './_components/day-status';
import { getDayFormatter, stageKey } from './_components/format';
import { LiveShadowingToggle } from './_components/live-shadowing-toggle';
import { RecordingForm } from './_components/recording-form';
import { RecordingList } from './_components/recording-list';
import { StageDays } from './_components/stage-days';

/** The trainee's shadowing log (事后旁听), phone first: today's count, the form, today's list, the stage's days. */
export default async function ShadowingPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const own = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!own) notFound();
  const trainee = loadTraineeOr404(db, actor, own.id, 'trainee.read');
  const t = await getTranslations('floor');
  const ts = await getTranslations('trainee');
  const formatDay = await getDayFormatter();

  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const { settings } = ctx;
  const drillGroupDays = listTraineeDrillGroupDays(db, { traineeId: trainee.id });
  const window = listLogWindow(plan);
  const rows = new Map(listTraineeDays(db, { traineeId: trainee.id }).map((r) => [r.day, r]));
  const checkDay = (day: string) =>
    checkTraineeLogDay(plan, settings, day, { confirmed: rows.get(day)?.confirmedBy != null, drillGroupDays });
  const loggable = window.filter((day) => checkDay(day).ok);
  const requested = (await searchParams).day;
  const selected =
    requested && loggable.includes(requested) ? requested : loggable.includes(today) ? today : (loggable.at(-1) ?? null);
  const shownDay = selected ?? today;
  const shownBlock = findBlockOfWorkingDay(plan, shownDay);
  const recordings = listRecordings(db, { traineeId: trainee.id, days: [shownDay] });
  const target = settings.quotas.shadowing.recordingsPerDay;
  const done = rows.get(shownDay)?.recordingsLogged ?? 0;
  const percent = Math.min(100, Math.round((done / target) * 100));

  // The stage whose days are listed: the selected day's, else the current block with daily work.
  const blockIndex = (() => {
    const ofShown = shownBlock ? plan.blocks.indexOf(shownBlock) : -1;
    if (ofShown !== -1 && listDailyRequirementCodes(plan.blocks[ofShown]!, settings).length > 0) return ofShown;
    const current = plan.currentBlockIndex;
    if (current !== null && listDailyRequirementCodes(plan.blocks[current]!, settings).length > 0) return current;
    return null;
  })();
  const listedBlock = blockIndex === null ? null : plan.blocks[blockIndex]!;
  const listedDays = blockIndex === null ? [] : evaluatePlanBlockDays(plan, blockIndex, listTraineeActivity(db, { traineeId: trainee.id }), settings);
  const confirmable = new Set(listedDays.map((d) => d.date).filter((day) => checkConfirmDay(plan, settings, day, drillGroupDays).ok));
  const shownEvaluation = listedDays.find((d) => d.date === shownDay);

  const todayRefusal = checkDay(today);
  const current = plan.currentBlockIndex === null ? null : plan.blocks[plan.currentBlockIndex]!;
  const upcomingShadowing = plan.blocks.find((b) => b.stage === 'shadowing' && b.start > today && !b.skipped);

  return (
    <>
      <h1>{t('shadowing.title')}</h1>
      {current && (
        <p className="muted">
          {t('shadowing.stageLine', { stage: ts(`stages.${stageKey(current)}`), remaining: plan.daysRemainingInStage ?? 0 })}
        </p>
      )}

      {selected === null && !todayRefusal.ok && (
        <div className="alert alert-info" role="status">
          {todayRefusal.reason === 'day_not_shadowing' && current?.stage === 'drills' ? (
            <>
              {t('shadowing.inDrillGroup')} <Link href="/drills">{t('shadowing.openDrills')}</Link>
            </>
          ) : todayRefusal.reason === 'day_not_shadowing' && upcomingShadowing ? (
            t('shadowing.startsOn', { date: formatDay(upcomingShadowing.start) })
          ) : todayRefusal.reason === 'day_not_shadowing' ? (
            t('shadowing.notInStage', { stage: current ? ts(`stages.${stageKey(current)}`) : ts('stages.none') })
          ) : (
            t(`shadowing.closed.${todayRefusal.reason}`)
          )}
        </div>
      )}

      {selected !== null && (
        <>
          {loggable.length > 1 && (
            <nav className="day-switch" aria-label={t('shadowing.chooseDay')}>
              {loggable.map((day) => (
                <Link key={day} href={day === today ? '/shadowing' : `/shadowing?day=${day}`} aria-current={day === selected ? 'page' : undefined} className="btn btn-small">
                  {day === today ? t('shadowing.todayTab', { date: formatDay(day) }) : t('shadowing.previousTab', { date: formatDay(day) })}
                </Link>
              ))}
            </nav>
          )}
          {selected !== today && (
            <div className="alert alert-warn" role="status">
              {t('shadowing.catchingUp', { date: formatDay(selected) })}
            </div>
          )}

          <section className="card quota-card" aria-labelledby="quota-heading">
            <h2 id="quota-heading">{selected === today ? t('shadowing.quotaToday') : t('shadowing.quotaOn', { date: formatDay(selected) })}</h2>
            <p className="quota" aria-label={t('shadowing.quotaAria', { done, target })}>
              {t('shadowing.quota', { done, target })}
            </p>
            <div className={done >= target ? 'progress is-met' : 'progress'} aria-hidden="true">
              <span style={{ width: `${percent}%` }} />
            </div>
            {shownEvaluation && (
              <p className="inline day-verdict">
                {t('shadowing.dayStatus')} <DayStatusBadge status={shownEvaluation.status} />
              </p>
            )}
            {shownBlock && blockHasLiveShadowingRule(shownBlock, settings) && (
              <LiveShadowingToggle day={selected} attended={findRequirement(shownEvaluation, 'live_shadowing')?.met ?? rows.get(selected)?.liveShadowing ?? false} />
            )}
          </section>

          <section className="card" aria-labelledby="form-heading">
            <h2 id="form-heading">{t('recording.formTitle')}</h2>
            <RecordingForm key={selected} day={selected} requestKey={randomUUID()} />
          </section>
        </>
      )}

      <section className="card" aria-labelledby="list-heading">
        <h2 id="list-heading">
          {shownDay === today ? t('recording.listToday', { count: recordings.length }) : t('recording.listOn', { date: formatDay(shownDay), count: recordings.length })}
        </h2>
        <RecordingList recordings={recordings} deletable={selected !== null} />
      </section>

      {listedBlock && (
        <section className="card" aria-labelledby="days-heading">
          <h2 id="days-heading">{t('days.title', { stage: ts(`stages.${stageKey(listedBlock)}`) })}</h2>
          <StageDays days={listedDays} rows={rows} today={today} confirmable={confirmable} />
        </section>
      )}
    </>
  );
}
