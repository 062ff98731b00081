import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { countDayStatuses, dayHistoryStatuses, groupIntoWeeks, type DayHistoryEntry, type DayHistoryStatus } from '@/domain/day-history';

// Each status has a colour AND a symbol (and missed days a hatch), so the calendar reads the same
// without colour; every cell also carries its full wording for screen readers.
const SYMBOLS: Record<DayHistoryStatus, string> = { met: '✓', missed: '✗', excused: '−', pending: '…', no_quota: '·' };

/** The trainee's working days so far as a calendar of weeks: met, missed, excused, today, no daily quota. */
export async function DayHeatmap({ entries, today }: { entries: DayHistoryEntry[]; today: string }) {
  const t = await getTranslations('today.heatmap');
  const ts = await getTranslations('trainee.stages');
  const format = await getFormatter();
  // Days are ISO dates in the organisation's zone: format them as UTC dates so nothing shifts.
  const dayOfMonth = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: 'UTC', day: 'numeric' });
  const longDate = (date: string) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'long' });
  const shortDate = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  const weeks = groupIntoWeeks(entries);
  const counts = countDayStatuses(entries);
  if (weeks.length === 0) return <p className="muted">{t('empty')}</p>;
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const stageOf = (e: DayHistoryEntry) => (e.kind === 'regular' ? ts(e.stage) : ts(e.kind));

  return (
    <div className="heatmap">
      <table className="heatmap-grid">
        <caption>
          {t('caption')}
          <span className="sr-only">
            {' '}
            {t('summary', { met: counts.met, missed: counts.missed, excused: counts.excused })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t('weekOf')}</span>
            </th>
            {weekdays.map((d) => (
              <th scope="col" key={d}>
                <abbr title={t(`weekdays.${d}`)}>{t(`weekdaysShort.${d}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row" className="heatmap-week">
                {shortDate(week.weekStart)}
              </th>
              {week.days.map(({ date, entry }) => (
                <td key={date} className={entry ? `heatmap-day day-${entry.status}${date === today ? ' is-today' : ''}` : 'heatmap-day is-empty'}>
                  {entry && (
                    <>
                      <span aria-hidden="true" className="heatmap-symbol">
                        {SYMBOLS[entry.status]}
                      </span>
                      <span aria-hidden="true" className="heatmap-date">
                        {dayOfMonth(date)}
                      </span>
                      <span className="sr-only">
                        {t('cell', { date: longDate(date), status: t(`status.${entry.status}`), stage: stageOf(entry) })}
                        {date === today ? ` ${t('today')}` : ''}
                      </span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="heatmap-legend" aria-label={t('legend')}>
        {dayHistoryStatuses.map((status) => (
          <li key={status}>
            <span className={`heatmap-swatch day-${status}`} aria-hidden="true">
              {SYMBOLS[status]}
            </span>
            {t(`status.${status}`)} <span className="muted">{t('count', { count: counts[status] })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
