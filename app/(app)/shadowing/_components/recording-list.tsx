import { getTranslations } from '@/lib/i18n/server';
import type { Recording } from '@/db/schema';
import { ConfirmDeleteButton } from '@/components/confirm-delete-button';
import { deleteRecordingFormAction } from '../actions';
import { toSafeLink } from './format';

/** The recordings of a day, newest first; `deletable` when the trainee may still change the day. */
export async function RecordingList({ recordings, deletable }: { recordings: Recording[]; deletable: boolean }) {
  const t = await getTranslations('floor');
  if (recordings.length === 0) return <p className="muted">{t('recording.none')}</p>;
  return (
    <ol className="recording-list">
      {recordings.map((r) => {
        const link = toSafeLink(r.recordingRef);
        return (
          <li key={r.id} className="recording-item">
            <div className="inline recording-head">
              <strong className="recording-ref">
                {link ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {r.recordingRef}
                  </a>
                ) : (
                  r.recordingRef
                )}
              </strong>
              <span className="badge">{t.has(`callTypes.${r.callType}`) ? t(`callTypes.${r.callType}`) : r.callType}</span>
              <span className="muted small">{t('recording.agentIs', { agent: r.agentName })}</span>
            </div>
            <dl className="recording-notes">
              <dt>{t('recording.wentWell')}</dt>
              <dd>{r.wentWell}</dd>
              <dt>{t('recording.toLearn')}</dt>
              <dd>{r.toLearn}</dd>
            </dl>
            {deletable && (
              <ConfirmDeleteButton
                action={deleteRecordingFormAction.bind(null, { recordingId: r.id })}
                labels={{ delete: t('recording.delete'), confirm: t('recording.confirmDelete'), keep: t('recording.keep') }}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
