// Days are ISO dates in the organisation's time zone; shown as dates, never shifted by a zone.
import { getFormatter } from '@/lib/i18n/server';

export async function getDayFormatter(): Promise<(day: string) => string> {
  const format = await getFormatter();
  return (day) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
}

export async function getInstantFormatter(timeZone: string): Promise<(ms: number) => string> {
  const format = await getFormatter();
  return (ms) => format.dateTime(new Date(ms), { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A recording reference that is a web link opens it; anything else is shown as text. */
export function toSafeLink(ref: string): string | null {
  return /^https?:\/\/\S+$/i.test(ref) ? ref : null;
}

/** The key a block's stage is worded by (messages trainee.stages): an extension or retraining shows as such. */
export function stageKey(block: { stage: string; kind: string }): string {
  return block.kind === 'regular' ? block.stage : block.kind;
}
