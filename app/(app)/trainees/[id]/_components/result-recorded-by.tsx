import { getFormatter, getTranslations } from '@/lib/i18n/server';

type RecordedEvent = { actorName: string | null; createdAt: number; payload: unknown; reason: string | null };

/** Who recorded a solo or probation result, when, and why — the same line on both pages. */
export async function ResultRecordedBy({ event, timeZone }: { event: RecordedEvent; timeZone: string }) {
  const t = await getTranslations('assessment');
  const format = await getFormatter();
  const when = format.dateTime(new Date(event.createdAt), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <p className="small">
      {t('recordedBy', { name: event.actorName ?? t('system'), when })}
      {(event.payload as { overridden?: boolean }).overridden === true && <> {t('overriddenNote')}</>}
      {event.reason && <> {t('reasonValue', { reason: event.reason })}</>}
    </p>
  );
}
