// Generated bad input (fast-check) against every form and endpoint: wrong types, huge strings,
// control characters, emoji and mixed scripts, SQL and HTML fragments, dates out of range, ids of
// another organisation. The answer is a translated validation message or a refusal — never an
// unexpected error (the action wrapper's 'errors.internal', which logs console.error and fails
// any test here) — and a refused request leaves every table's row count as it was.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleCallsImport } from '@/app/api/v1/calls/handler';
import { insertApiToken } from '@/db/queries/api-tokens';
import { generateApiToken, hashApiToken } from '@/lib/api-auth';
import { acknowledgeReviewSchema, buildReviewSubmissionSchema } from '@/lib/call-reviews';
import { decodeCsvBytes as decodeCallsCsv, parseCallsCsv } from '@/lib/calls-import';
import { loadScorecard } from '@/lib/content/scorecard';
import { decodeCsvBytes as decodeEnrolCsv, mapEnrolHeader, splitCsvRecords } from '@/lib/enrolment-csv';
import { loadMessages } from '@/lib/i18n/messages';
import { newPasswordField } from '@/lib/password-policy';
import * as core from 'zod/v4/core';
import { decodeMessage, z } from '@/lib/validation';
import { ACTION_FILES, ACTION_FILES_ELSEWHERE, actionFn, createDemoWorld, listActions, MESSAGE_KEY, rowCounts, TODAY, type DemoWorld } from './harness';

const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown }));
vi.mock('@/lib/session', () => ({ getActor: async () => state.actor }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', async (original) => ({ ...(await original<object>()), redirect: () => undefined }));

// ---- What hostile input looks like ---------------------------------------------------------

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat('\u007f', '\u200b', '\u202e', '\ufeff', '\u2028');
const FRAGMENTS = [
  "'; DROP TABLE trainees; --",
  "1' OR '1'='1",
  '1; DELETE FROM users',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example")',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '{{7*7}}${7*7}',
  '../../../etc/passwd',
  '%00%0d%0a',
  '$B1',
  '$$',
  '__proto__',
  'constructor',
  '\ud800',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بالعالم',
  'שלום',
  'Ｆｕｌｌｗｉｄｔｈ',
  'ｱｲｳｴｵ',
  '李明\u202e反转',
];

const hostileString = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...CONTROL), minLength: 1, maxLength: 40 }),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 50, max: 6000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
  fc.constantFrom('x'.repeat(100_000), '长'.repeat(20_000), ' '.repeat(5000), ''),
);

const hostileDate = fc.oneof(
  fc.constantFrom('0000-00-00', '1899-12-31', '1999-12-31', '2000-01-01', '2100-12-31', '2101-01-01', '2026-02-29', '2026-02-30', '2026-13-01', '9999-12-31', '2026-1-5', '2026-11-25T00:00:00Z', ' 2026-11-25', '2026-11-25\u0000', '+02026-11-25', '-2026-11-25'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const wrongType = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, NaN, Infinity, -Infinity, 1e308, 2 ** 53 + 1, 1.5, -0),
  fc.constantFrom(new Date(0), new Map([['a', 1]]), new Set([1]), 10n ** 30n, Symbol.iterator),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 10 }),
);

function hostileNumber(w: DemoWorld) {
  return fc.oneof(
    fc.constantFrom(0, -1, -(2 ** 31), 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, w.otherOrg.traineeId, w.otherOrg.userId, w.otherOrg.mentorId),
    fc.integer({ min: 1, max: 100_000 }),
    wrongType,
  );
}

/** Replaces one, several or all fields of a valid payload with hostile values of the field's kind or of no kind. */
function hostilePayload(w: DemoWorld, base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const forField = (value: unknown): fc.Arbitrary<unknown> => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return fc.oneof(hostileDate, hostileString, wrongType);
    if (typeof value === 'string' && /^\d+$/.test(value)) return fc.oneof(hostileNumber(w).map((n) => (typeof n === 'number' ? String(n) : n)), hostileString, wrongType);
    if (typeof value === 'string') return fc.oneof(hostileString, wrongType);
    if (typeof value === 'number') return hostileNumber(w);
    if (Array.isArray(value)) return fc.oneof(fc.array(value.length > 0 ? forField(value[0]) : wrongType, { maxLength: 40 }), wrongType);
    if (value && typeof value === 'object') return fc.oneof(hostilePayload(w, value as Record<string, unknown>), wrongType);
    return wrongType;
  };
  const keys = Object.keys(base);
  const mutated = fc
    .record(Object.fromEntries(keys.map((k) => [k, fc.option(forField(base[k]), { nil: undefined, freq: 2 })])) as Record<string, fc.Arbitrary<unknown>>)
    .map((changes) => {
      const out: Record<string, unknown> = { ...base };
      for (const k of keys) if (changes[k] !== undefined) out[k] = changes[k];
      return out;
    });
  const extraKeys = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'orgId', 'userId', 'role', 'isAdmin'), fc.anything({ maxDepth: 1 }), { maxKeys: 3 });
  return fc.oneof(
    { arbitrary: mutated, weight: 6 },
    { arbitrary: fc.tuple(mutated, extraKeys).map(([p, extra]) => ({ ...extra, ...(p as object) })), weight: 1 },
    { arbitrary: wrongType, weight: 1 },
  );
}

// ---- Messages are keys with a translation ----------------------------------------------------

const catalogues = { 'zh-CN': loadMessages('zh-CN'), en: loadMessages('en') };

function hasMessage(message: string): boolean {
  const { key } = decodeMessage(message);
  return Object.values(catalogues).every((messages) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string';
  });
}

function expectClearMessages(messages: readonly string[], where: string) {
  for (const message of messages) {
    expect(message, `${where}: not a message key`).toMatch(MESSAGE_KEY);
    expect(hasMessage(message), `${where}: no zh-CN/en text for ${message}`).toBe(true);
  }
}

// ---- Every schema ------------------------------------------------------------------------------

function schemaFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'schema.ts') found.push(full);
    }
  };
  walk(path.join(process.cwd(), 'app'));
  return found.sort();
}

describe('every input schema', () => {
  it('answers any value with translated message keys, and never throws', async () => {
    // Any zod schema, zod/mini (input schemas) or classic: core's classes are what both build on.
    const schemas: [string, core.$ZodType][] = [
      ['review submission', buildReviewSubmissionSchema(loadScorecard())],
      ['review acknowledgement', acknowledgeReviewSchema],
      ['new password', newPasswordField],
    ];
    for (const file of schemaFiles()) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (value instanceof core.$ZodType) schemas.push([`${path.relative(process.cwd(), file)}#${name}`, value]);
      }
    }
    expect(schemas.length).toBeGreaterThan(30);
    for (const [name, schema] of schemas) {
      const shape = schema instanceof core.$ZodObject ? Object.keys(schema._zod.def.shape) : [];
      const candidate = fc.oneof(
        fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }),
        fc.record(Object.fromEntries(shape.map((k) => [k, fc.oneof(hostileString, hostileDate, wrongType)])), { requiredKeys: [] }),
      );
      fc.assert(
        fc.property(candidate, (value) => {
          const result = z.safeParse(schema, value);
          if (!result.success) expectClearMessages(result.error.issues.map((i) => i.message), name);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('reads a review submission without a review object as invalid (it used to crash the critical-note rule)', () => {
    const schema = buildReviewSubmissionSchema(loadScorecard());
    for (const review of [undefined, null, 'text', 42, []]) {
      expect(schema.safeParse({ traineeId: 1, callId: 1, review }).success, String(review)).toBe(false);
    }
  });

  it('strips control characters from free text, so exports and pages never carry them', async () => {
    const { cleanText } = await import('@/lib/validation');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...CONTROL.slice(0, 32)), fc.constantFrom('a', '长', '😀', ' ')), maxLength: 60 }), (text) => {
        const parsed = cleanText(100).safeParse(text);
        if (parsed.success) expect(parsed.data).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      }),
      { numRuns: 300 },
    );
  });
});

// ---- Every server action, through its wrapper ----------------------------------------------

let w: DemoWorld;

beforeAll(async () => {
  vi.stubEnv('APP_TODAY', TODAY);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T04:00:00Z`));
  w = await createDemoWorld();
  state.db = w.db;
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const REQUEST_KEY = '00000000-0000-4000-8000-000000000099';
/** Generated submissions per action; `FUZZ_RUNS=2000 npx vitest run lib/security/bad-input.test.ts` digs deeper. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** Who may call each action, and a valid submission to mutate; payload ids come from the demo seed. */
function validSubmissions(): Record<string, { as: string; base: () => Record<string, unknown> | FormData }> {
  const t = (u: string) => w.traineeId(u);
  const review = () => {
    const scorecard = loadScorecard();
    return {
      scorecardVersion: scorecard.version,
      items: Object.fromEntries(scorecard.items.map((i) => [i.id, { rating: 'met', comment: '' }])),
      critical: Object.fromEntries(scorecard.criticalItems.map((c) => [c.id, false])),
      note: '',
    };
  };
  return {
    'admin/tokens#createApiTokenAction': { as: 'admin', base: () => ({ name: 'pbx' }) },
    'admin/tokens#revokeApiTokenAction': { as: 'admin', base: () => ({ tokenId: 1 }) },
    'admin/users#createStaffUserAction': { as: 'admin', base: () => ({ username: 'fuzz-staff', displayName: '新同事', roles: ['mentor'] }) },
    'admin/users#updateUserAction': { as: 'admin', base: () => ({ userId: w.userId('mentor1'), displayName: '张伟', roles: ['mentor'] }) },
    'admin/users#setUserDisabledAction': { as: 'admin', base: () => ({ userId: w.userId('trainee13'), disabled: true }) },
    'admin/users#resetPasswordAction': { as: 'admin', base: () => ({ userId: w.userId('trainee13') }) },
    'calls/import#previewCallsImportAction': { as: 'lead', base: () => ({ file: 'call_id,agent\nX,trainee4' }) },
    'calls/import#importCallsAction': { as: 'lead', base: () => ({ file: 'call_id,agent\nX,trainee4' }) },
    'classroom#moduleStateAction': { as: 'trainee1', base: () => ({ moduleId: 'dept-intro' }) },
    'classroom#completeLessonAction': { as: 'trainee1', base: () => ({ moduleId: 'dept-intro', lessonId: 'dpt-center-and-roles' }) },
    'classroom#startAttemptAction': { as: 'trainee1', base: () => ({ kind: 'module', moduleId: 'dept-intro' }) },
    'classroom#saveAnswersAction': { as: 'trainee9', base: () => ({ attemptId: 1, answers: { 'dpt-024': ['a'] } }) },
    'classroom#submitAttemptAction': { as: 'trainee9', base: () => ({ attemptId: 1, answers: { 'dpt-024': ['a'] } }) },
    'drills#submitDrillScriptFormAction': { as: 'trainee3', base: () => ({ day: TODAY, script: '坐席：您好' }) },
    'lead/drills#createDrillGroupFormAction': { as: 'lead', base: () => ({ day: TODAY, name: '第7组', scenarioId: 'consultation-payment-channels', traineeIds: [t('trainee3')] }) },
    'lead/drills#deleteDrillGroupFormAction': { as: 'lead', base: () => ({ groupId: 1 }) },
    'lead/enrol#enrolTraineeAction': {
      as: 'lead',
      base: () => ({ displayName: '新学员', username: 'fuzz-new', traineeClass: 'A', cohort: '2026-12', startDate: '2026-11-26', mentorId: String(w.userId('mentor1')), requestKey: REQUEST_KEY }),
    },
    'lead/enrol#checkEnrolChunkAction': {
      as: 'lead',
      base: () => ({
        header: ['name', 'username', 'class', 'cohort', 'start_date', 'mentor_username'],
        records: [{ row: 2, cells: ['新学员', 'fuzz-csv', 'A', '2026-12', '2026-11-26', 'mentor1'] }],
        fileUsernames: [{ row: 2, value: 'fuzz-csv' }],
      }),
    },
    'lead/enrol#importEnrolCsvAction': {
      as: 'lead',
      base: () => ({
        requestKey: REQUEST_KEY,
        header: ['name', 'username', 'class', 'cohort', 'start_date', 'mentor_username'],
        records: [{ row: 2, cells: ['新学员', 'fuzz-csv', 'A', '2026-12', '2026-11-26', 'mentor1'] }],
      }),
    },
    'lead/mentors#reassignMentorAction': { as: 'lead', base: () => ({ traineeId: t('trainee14'), mentorId: String(w.userId('mentor2')), reason: '调岗' }) },
    'shadowing#logRecordingFormAction': {
      as: 'trainee2',
      base: () => ({ day: TODAY, recordingRef: 'REC-1', agentName: '王坐席', callType: 'consultation', wentWell: '好', toLearn: '学', requestKey: REQUEST_KEY }),
    },
    'shadowing#liveShadowingFormAction': { as: 'trainee2', base: () => ({ day: TODAY, attended: true }) },
    'shadowing#deleteRecordingFormAction': { as: 'trainee2', base: () => ({ recordingId: 1 }) },
    'trainees/[id]#excuseAbsence': { as: 'lead', base: () => ({ traineeId: t('trainee5'), date: TODAY, reason: '病假', requestKey: REQUEST_KEY }) },
    'trainees/[id]#overrideStage': {
      as: 'lead',
      base: () => ({ traineeId: t('trainee7'), action: 'set_stage_days', stage: 'supervised', days: '6', reason: '补足', requestKey: REQUEST_KEY }),
    },
    'trainees/[id]#takeDecision': { as: 'lead', base: () => ({ traineeId: t('trainee12'), decision: 'continue', retrainingStage: '', reason: '继续', requestKey: REQUEST_KEY }) },
    'trainees/[id]/review#submitMentorReviewAction': { as: 'mentor2', base: () => ({ traineeId: t('trainee4'), callId: 1, review: review() }) },
    'trainees/[id]/review#acknowledgeReviewAction': { as: 'trainee4', base: () => ({ traineeId: t('trainee4'), reviewId: 1 }) },
    'trainees/[id]/calls#drawSampleAction': { as: 'mentor2', base: () => ({ traineeId: t('trainee4'), day: TODAY }) },
    'trainees/[id]/calls#replaceSampledCallAction': { as: 'mentor2', base: () => ({ traineeId: t('trainee4'), day: '2026-11-24', sampledCallId: '16', reason: '录音缺失' }) },
    'trainees/[id]/classroom#waiveModuleAction': { as: 'lead', base: () => ({ traineeId: t('trainee10'), moduleId: 'dept-intro', reason: '有经验', requestKey: REQUEST_KEY }) },
    'trainees/[id]/probation#submitProbationScoreAction': { as: 'mentor1', base: () => ({ traineeId: t('trainee15'), assessorKind: 'mentor', score: 88, comment: '良好' }) },
    'trainees/[id]/probation#signOffProbationAction': {
      as: 'lead',
      base: () => ({ traineeId: t('trainee15'), blockStart: '2026-10-26', result: 'passed', retrainingStage: '', reason: '', requestKey: REQUEST_KEY }),
    },
    'trainees/[id]/probation#correctProbationSignOffAction': {
      as: 'lead',
      base: () => ({ traineeId: t('trainee8'), eventId: 29, result: 'failed', retrainingStage: '', reason: '更正', requestKey: REQUEST_KEY }),
    },
    'trainees/[id]/shadowing#confirmDayFormAction': { as: 'mentor2', base: () => ({ traineeId: t('trainee2'), day: '2026-11-24', liveShadowing: true }) },
    'trainees/[id]/shadowing#liveListenFormAction': { as: 'mentor2', base: () => ({ traineeId: t('trainee4'), day: TODAY, callsLiveListened: '3' }) },
    'trainees/[id]/shadowing#commentDrillScriptFormAction': { as: 'mentor2', base: () => ({ scriptId: 4, comment: '很好' }) },
    'trainees/[id]/solo#submitAssessmentReviewAction': { as: 'qa', base: () => ({ traineeId: t('trainee6'), callId: 251, review: review() }) },
    'trainees/[id]/solo#confirmSoloResultAction': { as: 'lead', base: () => ({ traineeId: t('trainee11'), blockStart: '2026-11-18', result: 'passed', requestKey: REQUEST_KEY }) },
    'trainees/[id]/solo#overrideSoloResultAction': {
      as: 'lead',
      base: () => ({ traineeId: t('trainee6'), blockStart: '2026-11-23', result: 'passed', reason: '提前', requestKey: REQUEST_KEY }),
    },
    'trainees/[id]/solo#correctSoloResultAction': { as: 'lead', base: () => ({ traineeId: t('trainee8'), eventId: 28, result: 'failed', reason: '更正', requestKey: REQUEST_KEY }) },
    'change-password#changePasswordAction': {
      as: 'trainee13',
      base: () => ({ currentPassword: 'demo-pass-2026', newPassword: 'river-lamp-49', confirmPassword: 'river-lamp-49' }),
    },
  };
}

describe('every server action', () => {
  it('is here: every module that starts with \'use server\' is called by this test or named with a reason', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') && /^\s*['"]use server['"]/.test(fs.readFileSync(full, 'utf8'))) {
          files.push(path.relative(process.cwd(), full).split(path.sep).join('/'));
        }
      }
    };
    for (const dir of ['app', 'lib', 'components']) walk(path.join(process.cwd(), dir));
    expect(files.sort()).toEqual([...Object.values(ACTION_FILES), ...Object.keys(ACTION_FILES_ELSEWHERE)].sort());
  });

  it('has a valid submission to start from', () => {
    const table = validSubmissions();
    expect(listActions().map((a) => a.key).filter((k) => !(k in table))).toEqual([]);
  });

  it.each(listActions().map((a) => [a.key] as const))('%s: hostile input gets a clear answer and a refusal writes nothing', async (key) => {
    const submission = validSubmissions()[key]!;
    const action = actionFn(key);
    const base = submission.base() as Record<string, unknown>;
    // The calls upload takes a file: hostile file contents instead of hostile JSON.
    const payloads: fc.Arbitrary<unknown> =
      key.startsWith('calls/import#')
        ? fc.oneof(
            fc.string({ unit: 'binary', maxLength: 400 }).map((text) => ({ file: new Blob([text]) })),
            fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ file: new Blob([bytes]) })),
            fc.array(fc.tuple(hostileString, hostileString, hostileDate, hostileString, hostileString), { maxLength: 5 }).map((rows) => ({
              file: new Blob([['call_id,agent,start_time,duration_sec,direction', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n')]),
            })),
            wrongType.map((file) => ({ file })),
          )
        : hostilePayload(w, base);
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        state.actor = w.actor(submission.as);
        const before = rowCounts(w.db);
        const result = await action(payload);
        expect(typeof result.ok, key).toBe('boolean');
        if (result.ok) return;
        expect(result.formError, `${key}: an unexpected error`).not.toBe('errors.internal');
        const messages = [...(result.formError ? [result.formError] : []), ...Object.values(result.fieldErrors).flat()];
        expect(messages.length, `${key}: a refusal without a message`).toBeGreaterThan(0);
        expectClearMessages(messages, key);
        expect(rowCounts(w.db), `${key}: a refused request wrote`).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers an anonymous caller before reading the input', async () => {
    state.actor = null;
    for (const { key } of listActions()) {
      const result = await actionFn(key)({ anything: '<script>' });
      expect(result, key).toEqual({ ok: false, fieldErrors: {}, formError: 'errors.unauthenticated' });
    }
  });
});

// ---- Route handlers and file parsers ---------------------------------------------------------

describe('POST /api/v1/calls', () => {
  it('answers any body with a 4xx and writes nothing, or imports it whole', async () => {
    const token = generateApiToken();
    insertApiToken(w.db, { orgId: w.orgId, name: 'fuzz', tokenHash: hashApiToken(token), createdBy: w.userId('admin') });
    const call = fc.record(
      {
        callId: fc.oneof(hostileString, fc.string({ minLength: 1, maxLength: 20 })),
        agent: fc.oneof(fc.constantFrom('trainee4', 'trainee6', 'other-trainee', 'TRAINEE4'), hostileString),
        startTime: fc.oneof(hostileDate, hostileString, fc.constantFrom('2026-11-24T10:00:00+08:00', '2026-11-24 10:00', '2099-01-01T00:00:00Z')),
        durationSec: fc.oneof(hostileNumber(w), fc.constantFrom('95', '-5', '1e9')),
        direction: fc.oneof(fc.constantFrom('inbound', 'outbound', 'INBOUND', '呼入'), hostileString),
        recordingUrl: fc.oneof(fc.constantFrom('https://rec.example/a.mp3', 'javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd'), hostileString, wrongType),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.array(call, { maxLength: 6 }).map((calls) => JSON.stringify({ calls }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))),
      fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'undefined'),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = rowCounts(w.db);
        const response = await handleCallsImport(
          w.db,
          new Request('http://app.example/api/v1/calls', {
            method: 'POST',
            headers: { host: 'app.example', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: text,
          }),
          Date.now(),
        );
        expect([200, 400, 413]).toContain(response.status);
        const answer = (await response.json()) as { error?: string };
        if (response.status !== 200) {
          expect(typeof answer.error).toBe('string');
          const after = rowCounts(w.db);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the CSV readers', () => {
  it('read any bytes without throwing: a fatal problem, row issues, or rows', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ unit: 'binary', maxLength: 600 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        const calls = parseCallsCsv(decodeCallsCsv(bytes), { timeZone: 'Asia/Shanghai', nowMs: Date.now() });
        expect(calls.fatal !== null || calls.rowCount >= 0).toBe(true);
        const split = splitCsvRecords(decodeEnrolCsv(bytes));
        if (split) mapEnrolHeader(split.header);
      }),
      { numRuns: 400 },
    );
  });
});
