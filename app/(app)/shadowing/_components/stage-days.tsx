import { getTranslations } from '@/lib/i18n/server';
import type { TraineeDayRow } from '@/db/queries/shadowing';
import type { DayEvaluation } from '@/domain/day-status';
import { DayStatusBadge, RequirementSummary } from './day-status';
import { getDayFormatter } from './format';

/** Each day of a stage with the engine's status and the mentor's confirmation (trainee's view). */
export async function StageDays({
  days,
  rows,
  today,
  confirmable,
}: {
  days: DayEvaluation[];
  rows: ReadonlyMap<string, TraineeDayRow>;
  today: string;
  /** Days a mentor confirms (shadowing days up to today). */
  confirmable: ReadonlySet<string>;
}) {
  const t = await getTranslations('floor');
  const formatDay = await getDayFormatter();
  return (
    <ul className="day-list">
      {days.map((d) => {
        const row = rows.get(d.date);
        return (
          <li key={d.date} className={d.date === today ? 'day-item is-today' : 'day-item'}>
            <div className="inline day-head">
              <strong>{formatDay(d.date)}</strong>
              {d.date === today && <span className="badge">{t('days.today')}</span>}
              <DayStatusBadge status={d.status} upcoming={d.date > today} />
              {confirmable.has(d.date) &&
                (row?.confirmedBy ? (
                  <span className="small muted">{t('days.confirmedBy', { name: row.confirmedByName ?? '' })}</span>
                ) : row && (row.recordingsLogged > 0 || row.liveShadowing) ? (
                  <span className="small muted">{t('days.awaitingConfirmation')}</span>
                ) : null)}
            </div>
            {d.status !== 'excused' && <RequirementSummary requirements={d.requirements} />}
          </li>
        );
      })}
    </ul>
  );
}
