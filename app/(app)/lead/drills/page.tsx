import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listClassATrainees, listDrillGroupsForDay } from '@/db/queries/drills';
import { isWorkingDay, nextWorkingDay } from '@/domain/calendar';
import { isDrillDayFor } from '@/domain/floor-days';
import { can } from '@/lib/authz';
import { getDrillScenario, loadDrillScenarios } from '@/lib/content/drills';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { isoDate } from '@/lib/validation';
import { getDayFormatter } from '../../shadowing/_components/format';
import { ConfirmDeleteButton } from '@/components/confirm-delete-button';
import { deleteDrillGroupFormAction } from './actions';
import { GroupForm, type CandidateOption } from './group-form';

/** The lead forms the day's drill groups (话务模拟演练) and sees who submitted their script. */
export default async function LeadDrillsPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'drill.manage', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const t = await getTranslations('floor');
  const formatDay = await getDayFormatter();
  const format = await getFormatter();
  const ctx = loadProgramContext(db, actor.orgId);
  const today = todayFor(ctx);
  const requested = (await searchParams).day;
  const day = requested && isoDate.safeParse(requested).success ? requested : today;
  const working = isWorkingDay(ctx.calendar, day);
  const editable = working && day >= today;

  const groups = listDrillGroupsForDay(db, { orgId: actor.orgId, day });
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m.traineeId, g.name] as const)));
  const candidates: CandidateOption[] = editable
    ? listClassATrainees(db, { orgId: actor.orgId })
        .filter((tr) => tr.status !== 'certified' && tr.status !== 'exited')
        .filter((tr) => isDrillDayFor(computeTraineePlan(db, ctx, tr, today), day))
        .map((tr) => ({ id: tr.id, label: t('leadDrills.candidate', { name: tr.displayName, cohort: tr.cohort }), groupName: groupOf.get(tr.id) ?? null }))
    : [];
  const scenarios = loadDrillScenarios().map((s) => ({
    id: s.id,
    label: t('leadDrills.scenarioOption', {
      title: s.title,
      type: t(`drills.types.${s.type}`),
      difficulty: t(`drills.difficulty.${s.difficulty}`),
    }),
  }));
  const nextDay = nextWorkingDay(ctx.calendar, today);

  return (
    <>
      <h1>{t('leadDrills.title')}</h1>
      <form method="get" className="inline card day-picker" aria-label={t('leadDrills.pickDay')}>
        <label htmlFor="drill-day">{t('leadDrills.day')}</label>
        <input id="drill-day" type="date" name="day" defaultValue={day} />
        <button type="submit" className="btn btn-small">
          {t('leadDrills.show')}
        </button>
        <Link href="/lead/drills" className="small">
          {t('leadDrills.today')}
        </Link>
        <Link href={`/lead/drills?day=${nextDay}`} className="small">
          {t('leadDrills.nextDay', { date: formatDay(nextDay) })}
        </Link>
      </form>

      <section className="card" aria-labelledby="new-group-heading">
        <h2 id="new-group-heading">{t('leadDrills.newGroup', { date: formatDay(day) })}</h2>
        {!working ? (
          <p className="muted">{t('leadDrills.notWorkingDay')}</p>
        ) : day < today ? (
          <p className="muted">{t('leadDrills.pastDay')}</p>
        ) : (
          <GroupForm
            key={day}
            day={day}
            defaultName={t('leadDrills.defaultName', { n: groups.length + 1 })}
            scenarios={scenarios}
            candidates={candidates}
          />
        )}
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('leadDrills.groupsOn', { date: formatDay(day), count: groups.length })}</h2>
        {groups.length === 0 && <p className="muted">{t('leadDrills.noGroups')}</p>}
        {groups.map((group) => {
          const scenario = getDrillScenario(group.scenarioId);
          return (
            <article key={group.id} className="card stack" aria-label={group.name}>
              <header className="inline">
                <h3>{group.name}</h3>
                <span className={group.scriptsSubmitted >= group.members.length ? 'badge badge-ok' : 'badge badge-warn'}>
                  {t('leadDrills.scripts', { done: group.scriptsSubmitted, total: group.members.length })}
                </span>
              </header>
              <p>{scenario?.title ?? group.scenarioId}</p>
              <p className="small muted">{t('drills.members', { names: format.list(group.members.map((m) => m.displayName)) })}</p>
              {scenario && (
                <details>
                  <summary>{t('leadDrills.roleplay')}</summary>
                  <div className="stack">
                    <p>
                      <strong>{scenario.persona.name}</strong> · {scenario.persona.profile} · {scenario.persona.mood}
                    </p>
                    <h4>{t('leadDrills.facts')}</h4>
                    <ul>
                      {scenario.persona.facts.map((fact) => (
                        <li key={fact}>{fact}</li>
                      ))}
                    </ul>
                    <h4>{t('leadDrills.notes')}</h4>
                    <ul>
                      {scenario.roleplayNotes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                    <h4>{t('leadDrills.steps')}</h4>
                    <ol className="steps">
                      {scenario.steps.map((step) => (
                        <li key={step.customer}>
                          <p>{t('leadDrills.customerSays', { text: step.customer })}</p>
                          <p className="muted">{t('leadDrills.expect', { text: step.expect })}</p>
                        </li>
                      ))}
                    </ol>
                  </div>
                </details>
              )}
              {editable && group.scriptsSubmitted === 0 && (
                <ConfirmDeleteButton
                  action={deleteDrillGroupFormAction.bind(null, { groupId: group.id })}
                  labels={{ delete: t('leadDrills.delete'), confirm: t('leadDrills.confirmDelete'), keep: t('recording.keep') }}
                />
              )}
            </article>
          );
        })}
      </section>
    </>
  );
}
