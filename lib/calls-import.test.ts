import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calls, traineeDays, trainees } from '@/db/schema';
import { CALL_IMPORT_LIMITS, decodeCsvBytes, importCalls, parseCallsCsv, parseCallStartTime, validateCallRows } from './calls-import';
import { createCallsFixture, NOW_MS } from './test/calls-fixture';

const TZ = 'Asia/Shanghai';
const HEADER = 'call_id,agent,start_time,duration_sec,direction,recording_url';

describe('parseCallStartTime', () => {
  it.each([
    ['2026-11-11T09:30:00+08:00', '2026-11-11T01:30:00.000Z'],
    ['2026-11-11T01:30:00Z', '2026-11-11T01:30:00.000Z'],
    ['2026-11-11T09:30:00.250+0800', '2026-11-11T01:30:00.250Z'],
    ['2026-11-11T09:30+08', '2026-11-11T01:30:00.000Z'],
    // No offset: a wall-clock time in the organisation's zone (UTC+8).
    ['2026-11-11 09:30:00', '2026-11-11T01:30:00.000Z'],
    ['2026-11-11 00:10:00', '2026-11-10T16:10:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(new Date(parseCallStartTime(input, TZ)!).toISOString()).toBe(iso);
  });

  it('reads a wall-clock time in the zone it is given', () => {
    expect(new Date(parseCallStartTime('2026-07-01 12:00:00', 'Europe/Berlin')!).toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  it.each(['2026-02-31 09:00:00', '2026-11-11 24:00:00', '2026-11-11 09:61:00', '11/11/2026 09:00', '2026-11-11', 'yesterday', '2026-11-11T09:00:00+25:00'])(
    'refuses %s',
    (input) => {
      expect(parseCallStartTime(input, TZ)).toBeNull();
    },
  );
});

describe('validateCallRows', () => {
  const ok = { callId: 'C1', agent: 'trainee', startTime: '2026-11-11 09:00:00', durationSec: '95', direction: 'inbound' };

  it('normalises a valid row', () => {
    const { rows, issues } = validateCallRows([{ row: 2, values: { ...ok, direction: '呼出', recordingUrl: '' } }], { timeZone: TZ, nowMs: NOW_MS });
    expect(issues).toEqual([]);
    expect(rows[0]!.call).toEqual({
      externalId: 'C1',
      agent: 'trainee',
      startedAt: Date.parse('2026-11-11T01:00:00Z'),
      durationSec: 95,
      direction: 'outbound',
      recordingUrl: null,
    });
  });

  it('names every bad field of every row, and a call id repeated in the batch', () => {
    const { rows, issues } = validateCallRows(
      [
        { row: 2, values: { ...ok, durationSec: '-3', direction: 'sideways' } },
        { row: 3, values: { ...ok, startTime: '2026-11-12 09:00:00', recordingUrl: 'javascript:alert(1)' } },
        { row: 4, values: { ...ok, callId: '' } },
        { row: 5, values: ok },
        { row: 6, values: ok },
      ],
      { timeZone: TZ, nowMs: NOW_MS },
    );
    expect(issues).toEqual([
      { row: 2, field: 'durationSec', code: 'invalid_duration' },
      { row: 2, field: 'direction', code: 'invalid_direction' },
      { row: 3, field: 'startTime', code: 'start_in_future' },
      { row: 3, field: 'recordingUrl', code: 'invalid_recording_url' },
      { row: 4, field: 'callId', code: 'required' },
      { row: 6, field: 'callId', code: 'duplicate_in_batch' },
    ]);
    expect(rows.map((r) => r.row)).toEqual([5]);
  });
});

describe('parseCallsCsv', () => {
  const options = { timeZone: TZ, nowMs: NOW_MS };

  it('reads rows with Chinese headers, a BOM, quotes and blank lines, keeping spreadsheet row numbers', () => {
    const csv = '\uFEFF通话编号,坐席工号,开始时间,通话时长(秒),方向\r\n"A-1",trainee,2026-11-11 09:00:00,120,呼入\r\n\r\nA-2,trainee,2026-11-11T10:00:00+08:00,45,outbound\r\n';
    const parsed = parseCallsCsv(csv, options);
    expect(parsed.fatal).toBeNull();
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.call.externalId, r.call.direction])).toEqual([
      [2, 'A-1', 'inbound'],
      [4, 'A-2', 'outbound'],
    ]);
  });

  it('reports the row number and field of a bad row', () => {
    const csv = [HEADER, 'B-1,trainee,2026-11-11 09:00:00,60,inbound,', 'B-2,trainee,not a time,60,inbound,'].join('\n');
    const parsed = parseCallsCsv(csv, options);
    expect(parsed.issues).toEqual([{ row: 3, field: 'startTime', code: 'invalid_start_time' }]);
  });

  it('refuses a file without the required columns', () => {
    expect(parseCallsCsv('call_id,agent,start_time\nX,trainee,2026-11-11 09:00:00', options).fatal).toEqual({
      code: 'missing_columns',
      columns: ['duration_sec', 'direction'],
    });
  });

  it('refuses an empty file, a file over the size limit and one over the row limit', () => {
    expect(parseCallsCsv('', options).fatal?.code).toBe('no_rows');
    expect(parseCallsCsv(`${HEADER}\n`, options).fatal?.code).toBe('no_rows');
    expect(parseCallsCsv('x'.repeat(CALL_IMPORT_LIMITS.maxFileBytes + 1), options).fatal?.code).toBe('file_too_large');
    const many = [HEADER, ...Array.from({ length: CALL_IMPORT_LIMITS.maxRows + 1 }, (_, i) => `R${i},t,2026-11-11 09:00:00,1,inbound,`)].join('\n');
    expect(parseCallsCsv(many, options).fatal?.code).toBe('too_many_rows');
  });

  it('flags a row with a broken quote', () => {
    const csv = [HEADER, 'Q-1,trainee,2026-11-11 09:00:00,60,inbound,', 'Q-2,"trainee,2026-11-11 09:00:00,60,inbound,'].join('\n');
    expect(parseCallsCsv(csv, options).issues).toContainEqual({ row: 3, field: null, code: 'malformed_row' });
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 and falls back to GB18030 (Excel on Chinese Windows)', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFF坐席'))).toBe('坐席');
    expect(decodeCsvBytes(new Uint8Array([215, 248, 207, 175]))).toBe('坐席');
  });
});

describe('importCalls', () => {
  const f = createCallsFixture();
  const options = { timeZone: TZ, nowMs: NOW_MS };
  const csvRows = (...lines: string[]) => parseCallsCsv([HEADER, ...lines].join('\n'), options).rows;

  it('stores the calls, their day in the org time zone, and the day counts; a second import stores nothing new', () => {
    const rows = csvRows(
      'I-1,trainee,2026-11-10 23:59:00,100,inbound,https://rec.example/1',
      // 00:05 in Shanghai on the 11th is still the 10th in UTC: the day must be the 11th.
      'I-2,trainee,2026-11-10T16:05:00Z,100,inbound,',
      'I-3,trainee,2026-11-11 09:00:00,0,outbound,',
      'I-4,othertrainee,2026-11-11 09:00:00,50,inbound,',
    );
    const first = importCalls(f.db, { orgId: f.orgId, rows, nowMs: NOW_MS });
    expect(first).toMatchObject({ ok: true, imported: 4, alreadyPresent: 0 });
    const stored = f.db.select().from(calls).where(eq(calls.traineeId, f.traineeId)).all();
    expect(Object.fromEntries(stored.map((c) => [c.externalId, c.day]))).toEqual({ 'I-1': '2026-11-10', 'I-2': '2026-11-11', 'I-3': '2026-11-11' });
    const day11 = f.db.select().from(traineeDays).where(and(eq(traineeDays.traineeId, f.traineeId), eq(traineeDays.day, '2026-11-11'))).get();
    // The unanswered call (0 s) isn't a handled call.
    expect(day11?.callsHandled).toBe(1);

    const again = importCalls(f.db, { orgId: f.orgId, rows: csvRows('I-1,trainee,2026-11-10 23:59:00,100,inbound,', 'I-5,trainee,2026-11-11 10:00:00,30,inbound,'), nowMs: NOW_MS });
    expect(again).toMatchObject({ ok: true, imported: 1, alreadyPresent: 1 });
    expect(f.db.select().from(calls).where(eq(calls.externalId, 'I-1')).all()).toHaveLength(1);
    const day11After = f.db.select().from(traineeDays).where(and(eq(traineeDays.traineeId, f.traineeId), eq(traineeDays.day, '2026-11-11'))).get();
    expect(day11After?.callsHandled).toBe(2);
  });

  it('writes nothing when one agent is unknown, and names that row', () => {
    const before = f.db.select().from(calls).all().length;
    const result = importCalls(f.db, {
      orgId: f.orgId,
      rows: csvRows('U-1,trainee,2026-11-11 09:00:00,60,inbound,', 'U-2,nobody,2026-11-11 09:00:00,60,inbound,', 'U-3,mentor,2026-11-11 09:00:00,60,inbound,'),
      nowMs: NOW_MS,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { row: 3, field: 'agent', code: 'unknown_agent' },
        { row: 4, field: 'agent', code: 'unknown_agent' },
      ],
    });
    expect(f.db.select().from(calls).all()).toHaveLength(before);
  });

  it('refreshes the cached status of the trainees it touched', () => {
    f.db.update(trainees).set({ status: 'not_started', currentStage: null }).where(eq(trainees.id, f.traineeId)).run();
    importCalls(f.db, { orgId: f.orgId, rows: csvRows('S-1,trainee,2026-11-11 11:00:00,60,inbound,'), nowMs: NOW_MS });
    expect(f.db.select().from(trainees).where(eq(trainees.id, f.traineeId)).get()?.currentStage).toBe('supervised');
  });
});
