import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import type { BehindReason } from '@/domain/plan';
import { can } from '@/lib/authz';
import { requireActor } from '@/lib/session';
import { RequirementSummary } from '../shadowing/_components/day-status';
import { getDayFormatter, stageKey } from '../shadowing/_components/format';
import { CoverageMeter } from '../trainees/[id]/shadowing/coverage-meter';
import { loadMentorQueue, type MenteeQueueEntry } from './queue';

/** The mentor's home: what waits for them across their mentees today, as cards that work on a phone. */
export default async function MentorQueuePage() {
  const actor = await requireActor();
  if (!can(actor, 'queue.mentor', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('mentor');
  const queue = loadMentorQueue(getDb(), actor);
  const { totals } = queue;
  const formatDay = await getDayFormatter();

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('todayIs', { date: formatDay(queue.today) })}</p>
      <dl className="facts queue-totals" aria-label={t('totalsLabel')}>
        <div>
          <dt>{t('totals.callsToReview')}</dt>
          <dd>{totals.callsToReview}</dd>
        </div>
        <div>
          <dt>{t('totals.daysToConfirm')}</dt>
          <dd>{totals.daysToConfirm}</dd>
        </div>
        <div>
          <dt>{t('totals.scriptsToComment')}</dt>
          <dd>{totals.scriptsToComment}</dd>
        </div>
        <div>
          <dt>{t('totals.behind')}</dt>
          <dd>{totals.behind}</dd>
        </div>
      </dl>
      {queue.mentees.length === 0 && <p className="muted">{t('noMentees')}</p>}
      <div className="mentee-cards">
        {queue.mentees.map((entry) => (
          <MenteeCard key={entry.trainee.id} entry={entry} formatDay={formatDay} />
        ))}
      </div>
    </>
  );
}

async function MenteeCard({ entry, formatDay }: { entry: MenteeQueueEntry; formatDay: (day: string) => string }) {
  const t = await getTranslations('mentor');
  const ts = await getTranslations('trainee');
  const format = await getFormatter();
  const { trainee } = entry;
  const headingId = `mentee-${trainee.id}`;
  const floorLink = `/trainees/${trainee.id}/shadowing`;
  return (
    <article className="card mentee-card" aria-labelledby={headingId}>
      <header className="mentee-head">
        <h2 id={headingId}>
          <Link href={`/trainees/${trainee.id}`}>{trainee.displayName}</Link>
        </h2>
        <p className="inline small">
          {entry.stage && <span className="badge">{ts(`stages.${stageKey(entry.stage)}`)}</span>}
          <span className={`badge status-${entry.status}`}>{ts(`statuses.${entry.status}`)}</span>
          {entry.daysRemainingInStage !== null && <span className="muted">{t('daysRemaining', { count: entry.daysRemainingInStage })}</span>}
        </p>
      </header>

      <section aria-label={t('todayProgress')}>
        <h3>{t('todayProgress')}</h3>
        {entry.today ? <RequirementSummary requirements={entry.today.requirements} /> : <p className="small muted">{t('noDailyWork')}</p>}
      </section>

      {entry.coverage && <CoverageMeter coverage={entry.coverage} />}

      <section aria-label={t('waiting')}>
        <h3>{t('waiting')}</h3>
        {entry.waiting === 0 ? (
          <p className="small muted">{t('nothingWaiting')}</p>
        ) : (
          <ul className="queue-items">
            {entry.pendingReviews.map((r) => (
              <li key={`calls-${r.day}`}>
                <Link href={`/trainees/${trainee.id}/calls/${r.day}`}>{t('item.calls', { date: formatDay(r.day), count: r.pending })}</Link>
              </li>
            ))}
            {entry.unconfirmedDays.map((d) => (
              <li key={`day-${d.day}`}>
                <Link href={`${floorLink}#day-${d.day}`}>
                  {t('item.confirmDay', { date: formatDay(d.day), recordings: d.recordingsLogged, live: String(d.liveShadowing) })}
                </Link>
              </li>
            ))}
            {entry.uncommentedScripts.map((s) => (
              <li key={`script-${s.id}`}>
                <Link href={`${floorLink}#day-${s.day}`}>{t('item.script', { date: formatDay(s.day) })}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {entry.behindReasons.length > 0 && (
        <section aria-label={t('behind')} className="alert alert-warn">
          <h3>{t('behind')}</h3>
          <ul>
            {entry.behindReasons.map((reason, i) => (
              <li key={i}>{describeBehind(reason, t, ts, formatDay, (items) => format.list(items))}</li>
            ))}
          </ul>
        </section>
      )}

      <p className="small">
        <Link href={floorLink}>{t('openFloor')}</Link>
      </p>
    </article>
  );
}

function describeBehind(
  reason: BehindReason,
  t: Awaited<ReturnType<typeof getTranslations<'mentor'>>>,
  ts: Awaited<ReturnType<typeof getTranslations<'trainee'>>>,
  formatDay: (day: string) => string,
  formatList: (items: string[]) => string,
): string {
  switch (reason.code) {
    case 'missed_days':
      return t('behindReason.missed_days', { stage: ts(`stages.${stageKey(reason)}`), dates: formatList(reason.dates.map(formatDay)) });
    case 'live_listen_coverage_below':
      return t('behindReason.live_listen_coverage_below', {
        stage: ts(`stages.${stageKey(reason)}`),
        ratio: Math.round(reason.ratio * 100),
        target: Math.round(reason.target * 100),
      });
    case 'classroom_overdue':
      return t('behindReason.classroom_overdue', { date: formatDay(reason.plannedEnd) });
  }
}
