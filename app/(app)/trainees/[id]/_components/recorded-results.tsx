import { getTranslations } from '@/lib/i18n/server';
import { ResultRecordedBy } from './result-recorded-by';

type RecordedBlock = { start: string; end: string; attempt: number; outcome: string | null; outcomeEventId: number | string | null };
type RecordedEvent = Parameters<typeof ResultRecordedBy>[0]['event'];

/**
 * The recorded results of a gate, one per attempt: dates, passed or failed, who recorded it and why.
 * The solo and probation pages differ only in the headings and the note under a result.
 */
export async function RecordedResults(props: {
  headingId: string;
  heading: string;
  blocks: readonly RecordedBlock[];
  eventsById: ReadonlyMap<number | string, RecordedEvent>;
  timeZone: string;
  attemptHeading: (attempt: number) => string;
  note: (outcome: 'passed' | 'failed') => string | null;
}) {
  const t = await getTranslations('assessment');
  return (
    <section className="card" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.heading}</h2>
      <ol className="result-list">
        {props.blocks.map((b) => {
          const event = props.eventsById.get(Number(b.outcomeEventId));
          const outcome = b.outcome === 'passed' ? 'passed' : 'failed';
          const note = props.note(outcome);
          return (
            <li key={`${b.start}-${b.attempt}`}>
              <p className="inline">
                <strong>{props.attemptHeading(b.attempt)}</strong>
                <span>{t('range', { start: b.start, end: b.end })}</span>
                <span className={outcome === 'passed' ? 'badge badge-ok' : 'badge badge-bad'}>{t(`results.${outcome}`)}</span>
              </p>
              {event && <ResultRecordedBy event={event} timeZone={props.timeZone} />}
              {note && <p className="small muted">{note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
