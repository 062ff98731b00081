// What the calls pages share with the browser: limits, field names and how a call's length
// reads. No server imports here, so client components may use it.

/**
 * The CSV travels in a server action, whose body Next.js caps at 1 MiB; 1,000,000 bytes leaves
 * room for the multipart envelope. 10,000 rows is a day of a 500-seat floor's trainees many times over.
 */
export const CALL_IMPORT_LIMITS = { maxFileBytes: 1_000_000, maxRows: 10_000, maxApiBodyBytes: 2_000_000 } as const;

export const CALL_FIELDS = ['callId', 'agent', 'startTime', 'durationSec', 'direction', 'recordingUrl'] as const;
export type CallField = (typeof CALL_FIELDS)[number];

/** The canonical CSV header for each field; the upload page shows these. */
export const CSV_COLUMNS: Record<CallField, string> = {
  callId: 'call_id',
  agent: 'agent',
  startTime: 'start_time',
  durationSec: 'duration_sec',
  direction: 'direction',
  recordingUrl: 'recording_url',
};

export type CallIssueCode =
  | 'required'
  | 'too_long'
  | 'invalid_call_id'
  | 'invalid_start_time'
  | 'start_in_future'
  | 'invalid_duration'
  | 'invalid_direction'
  | 'invalid_recording_url'
  | 'unknown_agent'
  | 'duplicate_in_batch'
  | 'malformed_row';

/** `row`: the CSV's row number (header = 1) or the API array's index. */
export type CallRowIssue = { row: number; field: CallField | null; code: CallIssueCode };

export type CsvFatalCode = 'file_too_large' | 'too_many_rows' | 'no_rows' | 'missing_columns';
export type CsvFatal = { code: CsvFatalCode; columns?: string[] };

/** 95 → "1:35", 3725 → "1:02:05". */
export function formatCallDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
