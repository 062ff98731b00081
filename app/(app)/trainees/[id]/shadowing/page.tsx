import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { findTraineeDrillGroup, listDrillScripts, listTraineeDrillGroupDays } from '@/db/queries/drills';
import { listTraineeActivity } from '@/db/queries/program';
import { getCallsHandled, listRecordings, listTraineeDays } from '@/db/queries/shadowing';
import { listDailyRequirementCodes } from '@/domain/day-status';
import {
  blockHasLiveShadowingRule,
  checkConfirmDay,
  checkLiveListenDay,
  evaluatePlanBlockDays,
} from '@/domain/floor-days';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { can } from '@/lib/authz';
import { getDrillScenario } from '@/lib/content/drills';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { DayStatusBadge, RequirementSummary } from '@/app/(app)/shadowing/_components/day-status';
import { getDayFormatter, getInstantFormatter, stageKey } from '@/app/(app)/shadowing/_components/format';
import { RecordingList } from '@/app/(app)/shadowing/_components/recording-list';
import { CommentForm } from './comment-form';
import { ConfirmDayForm } from './confirm-day-form';
import { CoverageMeter } from './coverage-meter';
import { LiveListenForm } from './live-listen-form';

/**
 * A mentee's days on the floor, for their mentor: confirm shadowing days (and the live shadowing),
 * record live-listened calls, comment on drill scripts. Anyone who may read the trainee sees it;
 * the forms appear only for the current mentor.
 */
export default async function TraineeFloorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const trainee = loadTraineeOr404(db, actor, Number((await params).id), 'trainee.read');
  const subject = traineeSubject(trainee);
  const may = {
    confirm: can(actor, 'day.confirm', subject),
    liveListen: can(actor, 'liveListen.record', subject),
    comment: can(actor, 'drill.comment', subject),
  };
  const t = await getTranslations('floor');
  const ts = await getTranslations('trainee');
  const formatDay = await getDayFormatter();

  const ctx = loadProgramContext(db, trainee.orgId);
  const formatInstant = await getInstantFormatter(ctx.timeZone);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const { settings } = ctx;
  const activity = listTraineeActivity(db, { traineeId: trainee.id });
  const rows = new Map(listTraineeDays(db, { traineeId: trainee.id }).map((r) => [r.day, r]));
  const drillGroupDays = listTraineeDrillGroupDays(db, { traineeId: trainee.id });
  const scripts = new Map(listDrillScripts(db, { traineeId: trainee.id }).map((s) => [s.day, s]));

  // Blocks with daily work that have started, the latest first.
  const blocks = plan.blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => (block.state === 'current' || block.state === 'done') && listDailyRequirementCodes(block, settings).length > 0)
    .reverse();
  const shadowingDays = blocks.flatMap(({ block }) =>
    block.workingDays.filter((day) => checkConfirmDay(plan, settings, day, drillGroupDays).ok),
  );
  const recordingsByDay = new Map<string, ReturnType<typeof listRecordings>>();
  for (const recording of listRecordings(db, { traineeId: trainee.id, days: shadowingDays })) {
    recordingsByDay.set(recording.day, [...(recordingsByDay.get(recording.day) ?? []), recording]);
  }

  return (
    <>
      <p className="small">
        <Link href={`/trainees/${trainee.id}`}>{t('mentorDays.backToRecord', { name: trainee.displayName })}</Link>
      </p>
      <h1>{t('mentorDays.title', { name: trainee.displayName })}</h1>
      {blocks.length === 0 && <p className="muted">{t('mentorDays.noFloorDays')}</p>}

      {blocks.map(({ block, index }, position) => {
        // Latest day first: on a busy floor the mentor wants today on top.
        const days = evaluatePlanBlockDays(plan, index, activity, settings)
          .filter((d) => d.date <= today)
          .reverse();
        const heading = t('mentorDays.blockTitle', {
          stage: ts(`stages.${stageKey(block)}`),
          from: formatDay(block.start),
          to: formatDay(block.end),
        });
        const body = (
          <>
            {block.coverage && <CoverageMeter coverage={block.coverage} />}
            {days.length === 0 && <p className="muted">{t('mentorDays.noDaysYet')}</p>}
            <div className="day-cards">
              {days.map((d) => {
                const row = rows.get(d.date);
                const titleId = `day-${d.date}-title`;
                const isShadowing = checkConfirmDay(plan, settings, d.date, drillGroupDays).ok;
                const isLiveListen = checkLiveListenDay(plan, d.date).ok;
                const handled = isLiveListen ? getCallsHandled(db, { traineeId: trainee.id, day: d.date }) : null;
                const group = block.stage === 'drills' ? findTraineeDrillGroup(db, { traineeId: trainee.id, day: d.date }) : null;
                const script = scripts.get(d.date);
                const dayRecordings = recordingsByDay.get(d.date) ?? [];
                const hasActivity = (row?.recordingsLogged ?? 0) > 0 || (row?.liveShadowing ?? false);
                // A day without the live-shadowing rule and with nothing logged has nothing to confirm.
                const withLive = blockHasLiveShadowingRule(block, settings);
                return (
                  <article key={d.date} id={`day-${d.date}`} className="day-card" aria-labelledby={titleId}>
                    <header className="inline day-head">
                      <h3 id={titleId}>{formatDay(d.date)}</h3>
                      {d.date === today && <span className="badge">{t('days.today')}</span>}
                      <DayStatusBadge status={d.status} />
                    </header>
                    {d.status !== 'excused' && <RequirementSummary requirements={d.requirements} />}

                    {isShadowing && (hasActivity || withLive || row?.confirmedBy != null) && (
                      <div className="stack">
                        <p className="small">
                          {row?.confirmedBy
                            ? t('mentorDays.confirmedAt', { name: row.confirmedByName ?? '', at: formatInstant(row.confirmedAt ?? 0) })
                            : hasActivity
                              ? t('days.awaitingConfirmation')
                              : t('mentorDays.nothingLogged')}
                        </p>
                        {dayRecordings.length > 0 && (
                          <details>
                            <summary>{t('mentorDays.showRecordings', { count: dayRecordings.length })}</summary>
                            <RecordingList recordings={dayRecordings} deletable={false} />
                          </details>
                        )}
                        {may.confirm && (
                          <ConfirmDayForm
                            traineeId={trainee.id}
                            day={d.date}
                            withLiveShadowing={withLive}
                            attended={row?.liveShadowing ?? false}
                            confirmed={row?.confirmedBy != null}
                          />
                        )}
                      </div>
                    )}

                    {isLiveListen && (
                      <div className="stack">
                        <p className="small">
                          {handled === null
                            ? t('mentorDays.callsNotImported')
                            : t('mentorDays.callsHandled', { handled, listened: row?.callsLiveListened ?? 0 })}
                        </p>
                        {may.liveListen && <LiveListenForm traineeId={trainee.id} day={d.date} current={row?.callsLiveListened ?? 0} />}
                      </div>
                    )}

                    {block.stage === 'drills' && (
                      <div className="stack">
                        {group ? (
                          <p className="small">
                            {t('drills.groupLine', {
                              group: group.name,
                              scenario: getDrillScenario(group.scenarioId)?.title ?? group.scenarioId,
                            })}
                          </p>
                        ) : (
                          <p className="small muted">{t('drills.noGroupThatDay')}</p>
                        )}
                        {script ? (
                          <>
                            <h4>{t('drills.scriptHeading')}</h4>
                            <p className="script-text">{script.script}</p>
                            {script.mentorComment && !may.comment && (
                              <p className="alert alert-info">{t('drills.commentBy', { name: script.commentedByName ?? '', comment: script.mentorComment })}</p>
                            )}
                            {may.comment && <CommentForm scriptId={script.id} comment={script.mentorComment} />}
                          </>
                        ) : (
                          group && <p className="small muted">{t('drills.noScriptYet')}</p>
                        )}
                      </div>
                    )}
                  </article>
                );
              })}
            </div>
          </>
        );
        return (
          <section key={`${block.stage}-${block.kind}-${block.attempt}`} className="card" aria-label={heading}>
            {position === 0 ? (
              <>
                <h2>{heading}</h2>
                {body}
              </>
            ) : (
              <details>
                <summary>
                  <strong>{heading}</strong>
                </summary>
                {body}
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}
