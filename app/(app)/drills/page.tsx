import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { findTraineeDrillGroup, getDrillScript, listDrillScripts } from '@/db/queries/drills';
import { getTraineeByUser } from '@/db/queries/trainees';
import { checkDrillScriptDay, listLogWindow } from '@/domain/floor-days';
import { loadTraineeOr404 } from '@/lib/access';
import { getDrillScenario } from '@/lib/content/drills';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { getDayFormatter } from '../shadowing/_components/format';
import { ScenarioCard } from './scenario-card';
import { ScriptForm } from './script-form';

/** The trainee's drill day (话务模拟演练): their group and scenario, the script form, earlier scripts with comments. */
export default async function DrillsPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const own = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!own) notFound();
  const trainee = loadTraineeOr404(db, actor, own.id, 'trainee.read');
  const t = await getTranslations('floor');
  const formatDay = await getDayFormatter();
  const format = await getFormatter();

  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const scripts = listDrillScripts(db, { traineeId: trainee.id });

  const openDays = listLogWindow(plan).filter((day) => {
    const group = findTraineeDrillGroup(db, { traineeId: trainee.id, day });
    const script = getDrillScript(db, { traineeId: trainee.id, day });
    return checkDrillScriptDay(plan, day, { inGroup: group !== null, commented: script?.mentorComment != null }).ok;
  });
  const requested = (await searchParams).day;
  const selected =
    requested && openDays.includes(requested) ? requested : openDays.includes(today) ? today : (openDays.at(-1) ?? null);
  const shownDay = selected ?? today;
  const group = findTraineeDrillGroup(db, { traineeId: trainee.id, day: shownDay });
  const scenario = group ? getDrillScenario(group.scenarioId) : undefined;
  const script = scripts.find((s) => s.day === shownDay) ?? null;
  const current = plan.currentBlockIndex === null ? null : plan.blocks[plan.currentBlockIndex]!;
  const upcomingDrills = plan.blocks.find((b) => b.stage === 'drills' && b.start > today && !b.skipped);
  const others = scripts.filter((s) => s.day !== shownDay);

  return (
    <>
      <h1>{t('drills.title')}</h1>

      {trainee.traineeClass === 'B' ? (
        <p className="alert alert-info">{t('drills.classB')}</p>
      ) : !group ? (
        <div className="alert alert-info" role="status">
          {current?.stage === 'drills' ? (
            <>
              {t('drills.noGroupToday')} <Link href="/shadowing">{t('drills.openShadowing')}</Link>
            </>
          ) : upcomingDrills ? (
            t('drills.startsOn', { date: formatDay(upcomingDrills.start) })
          ) : (
            t('drills.notInStage')
          )}
        </div>
      ) : (
        <>
          {openDays.length > 1 && (
            <nav className="day-switch" aria-label={t('shadowing.chooseDay')}>
              {openDays.map((day) => (
                <Link key={day} href={day === today ? '/drills' : `/drills?day=${day}`} aria-current={day === selected ? 'page' : undefined} className="btn btn-small">
                  {day === today ? t('shadowing.todayTab', { date: formatDay(day) }) : t('shadowing.previousTab', { date: formatDay(day) })}
                </Link>
              ))}
            </nav>
          )}
          <section className="card" aria-labelledby="group-heading">
            <h2 id="group-heading">{t('drills.groupHeading', { date: formatDay(shownDay), group: group.name })}</h2>
            <p className="small muted">{t('drills.members', { names: format.list(group.members.map((m) => m.displayName)) })}</p>
            {scenario ? <ScenarioCard scenario={scenario} /> : <p className="muted">{group.scenarioId}</p>}
          </section>
          <section className="card" aria-labelledby="script-heading">
            <h2 id="script-heading">{t('drills.scriptHeading')}</h2>
            {selected ? (
              <ScriptForm key={selected} day={selected} script={script?.script ?? null} />
            ) : script ? (
              <p className="script-text">{script.script}</p>
            ) : (
              <p className="muted">{t('drills.scriptClosed')}</p>
            )}
            {script?.mentorComment && (
              <div className="alert alert-info mentor-comment">
                <strong>{t('drills.commentHeading', { name: script.commentedByName ?? '' })}</strong>
                <p>{script.mentorComment}</p>
              </div>
            )}
          </section>
        </>
      )}

      {others.length > 0 && (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('drills.history')}</h2>
          <ul className="day-list">
            {others.map((s) => (
              <li key={s.id} className="day-item">
                <p className="inline">
                  <strong>{formatDay(s.day)}</strong>
                  <span className="small muted">{getDrillScenario(s.scenarioId)?.title ?? s.scenarioId}</span>
                </p>
                <p className="script-text">{s.script}</p>
                {s.mentorComment ? (
                  <p className="alert alert-info">{t('drills.commentBy', { name: s.commentedByName ?? '', comment: s.mentorComment })}</p>
                ) : (
                  <p className="small muted">{t('drills.awaitingComment')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
