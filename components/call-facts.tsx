import type { Call } from '@/db/schema';
import { formatCallDuration } from '@/lib/calls-common';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

/** What a reviewer needs to find the call in the phone system: when, how long, which way, the recording. */
export async function CallFacts({ call, timeZone }: { call: Pick<Call, 'startedAt' | 'durationSec' | 'direction' | 'recordingUrl'>; timeZone: string }) {
  const t = await getTranslations('calls');
  const format = await getFormatter();
  return (
    <dl className="facts">
      <div>
        <dt>{t('fields.startTime')}</dt>
        <dd>{format.dateTime(new Date(call.startedAt), { dateStyle: 'medium', timeStyle: 'short', timeZone })}</dd>
      </div>
      <div>
        <dt>{t('fields.durationSec')}</dt>
        <dd>{formatCallDuration(call.durationSec)}</dd>
      </div>
      <div>
        <dt>{t('fields.direction')}</dt>
        <dd>{t(`directions.${call.direction}`)}</dd>
      </div>
      <div>
        <dt>{t('fields.recordingUrl')}</dt>
        <dd>
          {call.recordingUrl ? (
            <a href={call.recordingUrl} target="_blank" rel="noopener noreferrer">
              {t('recording')}
            </a>
          ) : (
            '—'
          )}
        </dd>
      </div>
    </dl>
  );
}
