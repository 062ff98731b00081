// Calls from the telephony system, by CSV upload (app/(app)/calls/import) or by the JSON API
// (app/api/v1/calls): one row schema, one CSV reader, and one import that either writes every
// row or none. SPEC "Random call sampling": call id, start time, duration, direction, optional
// recording link; the agent column carries the trainee's username (docs/decisions/006).
import { TZDate } from '@date-fns/tz';
import Papa from 'papaparse';
import type { Db } from '@/db/client';
import type { DbOrTx } from '@/db/tx';
import {
  findExistingExternalIds,
  findTraineesByUsernames,
  insertCallIfNew,
  listPlannedTrainees,
  recountDayCallFacts,
} from '@/db/queries/calls';
import { isIsoDate, todayInTimeZone, type IsoDate } from '@/domain/dates';
import {
  CALL_FIELDS,
  CALL_IMPORT_LIMITS,
  CSV_COLUMNS,
  type CallField,
  type CallIssueCode,
  type CallRowIssue,
  type CsvFatal,
} from './calls-common';
import { loadProgramContext, refreshTraineeStatus, todayFor } from './program';
import './validation';
// Classic zod, not lib/validation's zod/mini: the row transforms report their own codes through
// ctx.addIssue, which mini's transform does not offer, and this module never reaches the browser.
// Importing './validation' above installs the shared error map all the same.
import { z } from 'zod';

export { CALL_FIELDS, CALL_IMPORT_LIMITS, CSV_COLUMNS, type CallField, type CallIssueCode, type CallRowIssue, type CsvFatal };

/** A call's start may be a few minutes ahead of our clock (the telephony server's clock drifts). */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const MAX_CALL_SECONDS = 24 * 60 * 60;

const REQUIRED_FIELDS: readonly CallField[] = ['callId', 'agent', 'startTime', 'durationSec', 'direction'];

// Exports from Chinese telephony systems and hand-made spreadsheets use Chinese headers.
const HEADER_ALIASES: Record<CallField, readonly string[]> = {
  callId: ['callid', 'id', '通话编号', '通话id', '呼叫编号', '话单编号'],
  agent: ['agent', 'agentcode', 'username', '坐席', '坐席工号', '工号', '用户名'],
  startTime: ['starttime', 'start', 'startedat', '开始时间', '通话开始时间', '呼叫时间'],
  durationSec: ['durationsec', 'duration', 'durationseconds', 'seconds', '时长', '通话时长', '通话时长秒'],
  direction: ['direction', '方向', '呼叫方向', '呼叫类型'],
  recordingUrl: ['recordingurl', 'recording', 'recordinglink', 'recordingref', '录音', '录音链接', '录音地址'],
};

export type CallImportRow = {
  externalId: string;
  agent: string;
  startedAt: number;
  durationSec: number;
  direction: 'inbound' | 'outbound';
  recordingUrl: string | null;
};
export type NumberedCallRow = { row: number; call: CallImportRow };

const START_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 with an offset (2026-11-25T09:30:00+08:00, …Z) is an instant; without one
 * ('2026-11-25 09:30:00') it is a wall-clock time in the organisation's time zone.
 * Returns UTC milliseconds, or null when the text isn't a real date and time.
 */
export function parseCallStartTime(text: string, timeZone: string): number | null {
  const match = START_TIME_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, date, hh, mm, ss = '00', frac = '0', offset] = match;
  if (!isIsoDate(date!)) return null;
  const hour = Number(hh);
  const minute = Number(mm);
  const second = Number(ss);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(frac.padEnd(3, '0'));
  if (offset) {
    const normalised = offset.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(offset);
    if (normalised === null) return null;
    const instant = Date.parse(`${date}T${hh}:${mm}:${ss}.${String(ms).padStart(3, '0')}${normalised}`);
    return Number.isFinite(instant) ? instant : null;
  }
  const [year, month, day] = date!.split('-').map(Number) as [number, number, number];
  const instant = new TZDate(year, month - 1, day, hour, minute, second, ms, timeZone).getTime();
  return Number.isFinite(instant) ? instant : null;
}

function normaliseOffset(offset: string): string | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

const CONTROL_OR_SPACE = /[\s\u0000-\u001F\u007F]/;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** One call row, whatever its source; messages are CallIssueCodes. */
export function callRowSchema(timeZone: string, nowMs: number) {
  return z.object({
    callId: z.unknown().optional().transform((value, ctx) => {
      const s = text(value);
      if (!s) return fail(ctx, 'required');
      if (s.length > 100) return fail(ctx, 'too_long');
      if (CONTROL_OR_SPACE.test(s)) return fail(ctx, 'invalid_call_id');
      return s;
    }),
    agent: z.unknown().optional().transform((value, ctx) => {
      const s = text(value);
      if (!s) return fail(ctx, 'required');
      if (s.length > 64) return fail(ctx, 'too_long');
      return s;
    }),
    startTime: z.unknown().optional().transform((value, ctx) => {
      const s = text(value);
      if (!s) return fail(ctx, 'required');
      const instant = parseCallStartTime(s, timeZone);
      if (instant === null) return fail(ctx, 'invalid_start_time');
      if (instant > nowMs + FUTURE_TOLERANCE_MS) return fail(ctx, 'start_in_future');
      return instant;
    }),
    durationSec: z.unknown().optional().transform((value, ctx) => {
      const s = text(value);
      if (s === undefined || s === '') return fail(ctx, 'required');
      if (!/^\d+$/.test(s)) return fail(ctx, 'invalid_duration');
      const seconds = Number(s);
      if (seconds > MAX_CALL_SECONDS) return fail(ctx, 'invalid_duration');
      return seconds;
    }),
    direction: z.unknown().optional().transform((value, ctx) => {
      const s = text(value)?.toLowerCase();
      if (!s) return fail(ctx, 'required');
      if (s === 'inbound' || s === 'in' || s === '呼入') return 'inbound' as const;
      if (s === 'outbound' || s === 'out' || s === '呼出' || s === '外呼') return 'outbound' as const;
      return fail(ctx, 'invalid_direction');
    }),
    recordingUrl: z.unknown().optional().transform((value, ctx) => {
      if (value === undefined || value === null) return null;
      const s = text(value);
      if (s === undefined) return fail(ctx, 'invalid_recording_url');
      if (s === '') return null;
      if (s.length > 2000) return fail(ctx, 'too_long');
      try {
        const url = new URL(s);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(ctx, 'invalid_recording_url');
        return url.toString();
      } catch {
        return fail(ctx, 'invalid_recording_url');
      }
    }),
  });
}

function fail(ctx: z.RefinementCtx, code: CallIssueCode): never {
  ctx.addIssue({ code: 'custom', message: code });
  return z.NEVER;
}

/** Validates raw rows (CSV records keyed by field, or API objects); collects every issue of every row. */
export function validateCallRows(
  raw: readonly { row: number; values: Partial<Record<CallField, unknown>> }[],
  options: { timeZone: string; nowMs: number },
): { rows: NumberedCallRow[]; issues: CallRowIssue[] } {
  const schema = callRowSchema(options.timeZone, options.nowMs);
  const rows: NumberedCallRow[] = [];
  const issues: CallRowIssue[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of raw) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = (CALL_FIELDS as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as CallField) : null;
        issues.push({ row, field, code: isIssueCode(issue.message) ? issue.message : 'malformed_row' });
      }
      continue;
    }
    const { callId, startTime, ...rest } = parsed.data;
    if (seen.has(callId)) {
      issues.push({ row, field: 'callId', code: 'duplicate_in_batch' });
      continue;
    }
    seen.set(callId, row);
    rows.push({ row, call: { externalId: callId, startedAt: startTime, ...rest } });
  }
  return { rows, issues };
}

const ISSUE_CODES: ReadonlySet<string> = new Set<CallIssueCode>([
  'required',
  'too_long',
  'invalid_call_id',
  'invalid_start_time',
  'start_in_future',
  'invalid_duration',
  'invalid_direction',
  'invalid_recording_url',
  'unknown_agent',
  'duplicate_in_batch',
  'malformed_row',
]);
function isIssueCode(value: string): value is CallIssueCode {
  return ISSUE_CODES.has(value);
}

function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');
}

function fieldForHeader(header: string): CallField | null {
  const key = normaliseHeader(header);
  for (const field of CALL_FIELDS) {
    if (HEADER_ALIASES[field].includes(key)) return field;
  }
  return null;
}

export { decodeCsvBytes } from './csv';

export type ParsedCsv = { fatal: CsvFatal | null; rows: NumberedCallRow[]; issues: CallRowIssue[]; rowCount: number };

/**
 * Reads a calls CSV. Row numbers are the spreadsheet's: the header is row 1, blank rows keep
 * their number. A file-level problem (too big, no header, missing column) is `fatal`.
 */
export function parseCallsCsv(csv: string, options: { timeZone: string; nowMs: number }): ParsedCsv {
  const empty = { rows: [], issues: [], rowCount: 0 };
  if (new TextEncoder().encode(csv).length > CALL_IMPORT_LIMITS.maxFileBytes) return { fatal: { code: 'file_too_large' }, ...empty };
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const isBlank = (record: string[] | undefined) => !record || record.every((cell) => cell.trim() === '');
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) return { fatal: { code: 'no_rows' }, ...empty };

  const header = records[headerIndex]!;
  const columnOf = new Map<CallField, number>();
  header.forEach((name, index) => {
    const field = fieldForHeader(name);
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  const missing = REQUIRED_FIELDS.filter((f) => !columnOf.has(f));
  if (missing.length > 0) return { fatal: { code: 'missing_columns', columns: missing.map((f) => CSV_COLUMNS[f]) }, ...empty };

  const malformedRows = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row!));
  const raw: { row: number; values: Partial<Record<CallField, unknown>> }[] = [];
  const malformed: CallRowIssue[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i];
    if (isBlank(record)) continue;
    const row = i + 1;
    if (malformedRows.has(i)) {
      malformed.push({ row, field: null, code: 'malformed_row' });
      continue;
    }
    const values: Partial<Record<CallField, unknown>> = {};
    for (const [field, index] of columnOf) values[field] = record![index] ?? '';
    raw.push({ row, values });
  }
  const rowCount = raw.length + malformed.length;
  if (rowCount === 0) return { fatal: { code: 'no_rows' }, ...empty };
  if (rowCount > CALL_IMPORT_LIMITS.maxRows) return { fatal: { code: 'too_many_rows' }, ...empty, rowCount };

  const { rows, issues } = validateCallRows(raw, options);
  return { fatal: null, rows, issues: [...malformed, ...issues].sort((a, b) => a.row - b.row), rowCount };
}

export type PlannedCall = NumberedCallRow & { traineeId: number; traineeName: string; day: IsoDate; alreadyPresent: boolean };

export type CallImportPlan =
  | { ok: true; calls: PlannedCall[]; newCount: number; alreadyPresentCount: number }
  | { ok: false; issues: CallRowIssue[] };

/**
 * Matches each row's agent to a trainee of the organisation, works out the call's day in the
 * organisation's time zone, and marks calls imported before. Any unknown agent refuses the batch.
 */
export function planCallImport(db: DbOrTx, params: { orgId: number; timeZone: string; rows: readonly NumberedCallRow[] }): CallImportPlan {
  const traineesByAgent = findTraineesByUsernames(db, { orgId: params.orgId, usernames: [...new Set(params.rows.map((r) => r.call.agent))] });
  const issues: CallRowIssue[] = [];
  for (const r of params.rows) {
    if (!traineesByAgent.has(r.call.agent)) issues.push({ row: r.row, field: 'agent', code: 'unknown_agent' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const existing = findExistingExternalIds(db, { orgId: params.orgId, externalIds: params.rows.map((r) => r.call.externalId) });
  const calls = params.rows.map((r) => {
    const trainee = traineesByAgent.get(r.call.agent)!;
    return {
      ...r,
      traineeId: trainee.traineeId,
      traineeName: trainee.displayName,
      day: todayInTimeZone(r.call.startedAt, params.timeZone),
      alreadyPresent: existing.has(r.call.externalId),
    };
  });
  const alreadyPresentCount = calls.filter((c) => c.alreadyPresent).length;
  return { ok: true, calls, newCount: calls.length - alreadyPresentCount, alreadyPresentCount };
}

export type CallImportResult =
  | { ok: true; imported: number; alreadyPresent: number; days: { traineeId: number; day: IsoDate }[] }
  | { ok: false; issues: CallRowIssue[] };

/**
 * Writes the batch in one transaction: new calls are inserted, calls already present (same
 * organisation and call id) are left as they are, and each affected trainee day's call counts
 * and the trainee's cached status are brought up to date. Nothing is written if any row is refused.
 * `onWrite` runs inside the same transaction (the API marks its token as used there).
 */
export function importCalls(
  db: Db,
  params: { orgId: number; rows: readonly NumberedCallRow[]; nowMs: number; onWrite?: (tx: DbOrTx) => void },
): CallImportResult {
  return db.transaction(
    (tx) => {
      const ctx = loadProgramContext(tx, params.orgId);
      const plan = planCallImport(tx, { orgId: params.orgId, timeZone: ctx.timeZone, rows: params.rows });
      if (!plan.ok) return plan;
      let imported = 0;
      const touched = new Map<string, { traineeId: number; day: IsoDate }>();
      for (const c of plan.calls) {
        // The row may have been inserted by a concurrent import since planning; the unique index decides.
        const inserted = insertCallIfNew(tx, { orgId: params.orgId, traineeId: c.traineeId, day: c.day, ...c.call, agentCode: c.call.agent });
        if (!inserted) continue;
        imported += 1;
        touched.set(`${c.traineeId}|${c.day}`, { traineeId: c.traineeId, day: c.day });
      }
      const days = [...touched.values()];
      for (const d of days) recountDayCallFacts(tx, d);
      const today = todayFor(ctx, params.nowMs);
      for (const trainee of listPlannedTrainees(tx, { orgId: params.orgId, traineeIds: [...new Set(days.map((d) => d.traineeId))] })) {
        refreshTraineeStatus(tx, ctx, trainee, today);
      }
      params.onWrite?.(tx);
      return { ok: true as const, imported, alreadyPresent: plan.calls.length - imported, days };
    },
    { behavior: 'immediate' },
  );
}
