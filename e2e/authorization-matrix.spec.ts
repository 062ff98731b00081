// The authorization matrix (OWASP ASVS 5.0 V8): every page, route handler and server action of the
// app — found from the code and the build, so a new one without a row fails here — against every
// kind of actor. Expectations are the tables below; each forged request is checked against a
// fingerprint of every table in the database (e2e/helpers/db-snapshot.ts), on a private server
// whose database no other spec touches (e2e/helpers/private-server.ts).
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { diff, snapshot } from './helpers/db-snapshot';
import {
  actionKey,
  fillPattern,
  listPagePatterns,
  listRouteHandlerPatterns,
  listSourceActions,
  readActionManifest,
  ROOT,
  workerToPattern,
  type ManifestAction,
} from './helpers/inventory';
import { callAction, json, outcomeOf, type ActionArg, type ActionCall } from './helpers/server-actions';
import { createWorld, DISABLED_LEAD, OTHER_ORG_STAFF, SUBJECTS, type Account, type SubjectKey, type World } from './helpers/world';

const ACTORS = ['anonymous', 'trainee', 'otherTrainee', 'mentor', 'otherMentor', 'qa', 'lead', 'admin', 'otherOrg', 'disabled'] as const;
type Actor = (typeof ACTORS)[number];
const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'anonymous' && a !== 'disabled');

/** The account behind an actor; "trainee" is whoever the record under attack belongs to. */
function accountOf(actor: Actor, subject: SubjectKey): Account | null {
  switch (actor) {
    case 'anonymous':
      return null;
    case 'trainee':
      return SUBJECTS[subject];
    case 'otherTrainee':
      return 'trainee1';
    case 'mentor':
      return 'mentor2';
    case 'otherMentor':
      return 'mentor1';
    case 'otherOrg':
      return OTHER_ORG_STAFF;
    case 'disabled':
      return DISABLED_LEAD;
    default:
      return actor;
  }
}

/** Whose full name an account may see anywhere: their own, their mentees', every trainee for the lead, solo/probation trainees for qa. */
function mayReadTrainee(account: Account | null, subject: SubjectKey): boolean {
  if (account === null) return false;
  if (account === SUBJECTS[subject] || account === 'mentor2' || account === 'lead') return true;
  return account === 'qa' && subject === 't6';
}

let world: World;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  world = await createWorld();
});

test.afterAll(async () => {
  await world?.dispose();
});

function contextOf(account: Account | null): APIRequestContext {
  return account === null ? world.anonymous : world.contexts[account];
}

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

function expectNoForeignNames(text: string, account: Account | null, where: string, exempt = false) {
  if (exempt) return;
  for (const key of Object.keys(SUBJECTS) as SubjectKey[]) {
    if (mayReadTrainee(account, key)) continue;
    const name = world.subjects[key].name;
    expect(text.includes(name), `${where}: ${account ?? 'anonymous'} must not see ${name} (${SUBJECTS[key]})`).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------
// Pages and route handlers
// ---------------------------------------------------------------------------------------------

/** ok = 200; deny = 404; login = redirected to /login; redirect = to that path. */
type Outcome = 'ok' | 'deny' | 'login' | { redirect: string };
type Expectations = Record<Actor, Outcome>;

function table(allowed: Actor[], others: Outcome = 'deny'): Expectations {
  const out = {} as Expectations;
  for (const actor of ACTORS) out[actor] = actor === 'anonymous' || actor === 'disabled' ? 'login' : allowed.includes(actor) ? 'ok' : others;
  return out;
}

const HOME: Record<Actor, string> = {
  anonymous: '/login',
  trainee: '/today',
  otherTrainee: '/today',
  mentor: '/mentor',
  otherMentor: '/mentor',
  qa: '/qa',
  lead: '/lead',
  admin: '/admin',
  // lead + admin + qa + mentor: the lead's home comes first (lib/session.ts ROLE_PRIORITY).
  otherOrg: '/lead',
  disabled: '/login',
};

type PageRow = {
  subject: SubjectKey;
  /** Values for the pattern's dynamic segments, and an optional query string. */
  params?: (w: World) => Record<string, string | number>;
  query?: (w: World) => string;
  expect: (w: World) => Expectations;
  /** Accounts allowed to see every name on this page (the admin's user directory). */
  namesVisibleTo?: Actor[];
  /** A binary body (PDF, XLSX): the name check does not apply. */
  binary?: boolean;
};

const LEAD_AND_OTHER_ORG: Actor[] = ['lead', 'otherOrg'];
const ADMIN_AND_OTHER_ORG: Actor[] = ['admin', 'otherOrg'];
const TRAINEES: Actor[] = ['trainee', 'otherTrainee'];
const TRAINEE_READERS: Actor[] = ['trainee', 'mentor', 'lead'];
const t4Id = (w: World) => ({ id: w.subjects.t4.traineeId });

/**
 * Decisions encoded here:
 * - Org-wide pages (dashboards, directories) are open to the other organisation's staff because they
 *   show that organisation's own data; the name check proves none of ours leaks into them.
 * - Lesson and module pages are the same static HTML for everyone (docs/decisions/004): the proxy
 *   sends visitors without a session cookie to sign-in, and anyone holding a cookie — even a stale
 *   one — reads the lesson. They carry no personal data.
 * - /verify is public by design and shows the holder's name masked (王*).
 */
const PAGES: Record<string, PageRow> = {
  '/': {
    subject: 't4',
    expect: () => Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' || a === 'disabled' ? 'login' : { redirect: HOME[a] }])) as Expectations,
  },
  // The admin's pages list the organisation's accounts, names included (users.manage).
  '/admin': { subject: 't4', expect: () => table(ADMIN_AND_OTHER_ORG), namesVisibleTo: ['admin'] },
  '/admin/tokens': { subject: 't4', expect: () => table(ADMIN_AND_OTHER_ORG) },
  '/admin/users': { subject: 't4', expect: () => table(ADMIN_AND_OTHER_ORG), namesVisibleTo: ['admin'] },
  '/admin/users/[id]': {
    subject: 't4',
    params: (w) => ({ id: w.subjects.t4.userId }),
    expect: () => table(['admin']),
    namesVisibleTo: ['admin'],
  },
  '/calls/import': { subject: 't4', expect: () => table(['lead', 'admin', 'otherOrg']) },
  // Staff without a trainee record get the module catalogue; a trainee gets their own classroom.
  '/classroom': { subject: 't4', expect: () => table(SIGNED_IN) },
  '/classroom/attempts/[attemptId]': { subject: 't4', params: (w) => ({ attemptId: w.ids.t4.attemptId }), expect: () => table(TRAINEE_READERS) },
  '/classroom/exam': { subject: 't4', expect: () => table(TRAINEES) },
  '/classroom/[moduleId]': {
    subject: 't4',
    params: (w) => ({ moduleId: w.ids.moduleId }),
    expect: () => ({ ...table(SIGNED_IN), disabled: 'ok' }),
  },
  '/classroom/[moduleId]/[lessonId]': {
    subject: 't4',
    params: (w) => ({ moduleId: w.ids.moduleId, lessonId: w.ids.lessonId }),
    expect: () => ({ ...table(SIGNED_IN), disabled: 'ok' }),
  },
  '/drills': { subject: 't4', expect: () => table(TRAINEES) },
  '/lead': { subject: 't4', expect: () => table(LEAD_AND_OTHER_ORG) },
  '/lead/drills': { subject: 't4', expect: () => table(LEAD_AND_OTHER_ORG) },
  '/lead/enrol': { subject: 't4', expect: () => table(LEAD_AND_OTHER_ORG) },
  '/lead/enrol/import': { subject: 't4', expect: () => table(LEAD_AND_OTHER_ORG) },
  '/lead/history': { subject: 't4', query: (w) => `?trainee=${w.subjects.t4.traineeId}`, expect: () => table(LEAD_AND_OTHER_ORG) },
  '/lead/mentors': { subject: 't4', expect: () => table(LEAD_AND_OTHER_ORG) },
  '/lead/mentors/trainees/[id]': { subject: 't4', params: t4Id, expect: () => table(['lead']) },
  '/mentor': { subject: 't4', expect: () => table(['mentor', 'otherMentor', 'otherOrg']) },
  '/mentor/mentees': { subject: 't4', expect: () => table(['mentor', 'otherMentor', 'otherOrg']) },
  '/my-calls': {
    subject: 't4',
    expect: (w) => ({
      ...table([]),
      trainee: { redirect: `/trainees/${w.subjects.t4.traineeId}/calls` },
      otherTrainee: { redirect: `/trainees/${w.otherTrainee.traineeId}/calls` },
    }),
  },
  '/my-plan': {
    subject: 't4',
    expect: (w) => ({
      ...table([]),
      trainee: { redirect: `/trainees/${w.subjects.t4.traineeId}` },
      otherTrainee: { redirect: `/trainees/${w.otherTrainee.traineeId}` },
    }),
  },
  '/qa': { subject: 't4', expect: () => table(['qa', 'otherOrg']) },
  '/shadowing': { subject: 't4', expect: () => table(TRAINEES) },
  '/today': { subject: 't4', expect: () => table(TRAINEES) },
  '/trainees/[id]': { subject: 't4', params: t4Id, expect: () => table(TRAINEE_READERS) },
  '/trainees/[id]/calls': { subject: 't4', params: t4Id, expect: () => table(TRAINEE_READERS) },
  '/trainees/[id]/calls/[day]': {
    subject: 't4',
    params: (w) => ({ id: w.subjects.t4.traineeId, day: w.ids.t4.sampledDay }),
    expect: () => table(TRAINEE_READERS),
  },
  '/trainees/[id]/calls/[day]/[callId]/review': {
    subject: 't4',
    params: (w) => ({ id: w.subjects.t4.traineeId, day: w.ids.t4.sampledDay, callId: w.ids.t4.sampledCallId }),
    expect: () => table(TRAINEE_READERS),
  },
  '/trainees/[id]/classroom': { subject: 't4', params: t4Id, expect: () => table(TRAINEE_READERS) },
  '/trainees/[id]/shadowing': { subject: 't4', params: t4Id, expect: () => table(TRAINEE_READERS) },
  '/trainees/[id]/probation': { subject: 't8', params: (w) => ({ id: w.subjects.t8.traineeId }), expect: () => table(TRAINEE_READERS) },
  '/trainees/[id]/solo': { subject: 't6', params: (w) => ({ id: w.subjects.t6.traineeId }), expect: () => table([...TRAINEE_READERS, 'qa']) },
  '/trainees/[id]/solo/calls/[callId]': {
    subject: 't6',
    params: (w) => ({ id: w.subjects.t6.traineeId, callId: w.ids.t6.soloCallId }),
    expect: () => table([...TRAINEE_READERS, 'qa']),
  },
  '/change-password': { subject: 't4', expect: () => table(SIGNED_IN) },
  '/login': {
    subject: 't4',
    expect: () => Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' || a === 'disabled' ? 'ok' : { redirect: '/' }])) as Expectations,
  },
  // The benchmark's floor page answers 404 unless its server sets BENCH_FLOOR=1.
  '/bench-floor': { subject: 't4', expect: () => ({ ...table([]), disabled: 'deny' }) },
  '/verify': { subject: 't8', expect: () => Object.fromEntries(ACTORS.map((a) => [a, 'ok'])) as Expectations },
  '/verify/[code]': {
    subject: 't8',
    params: (w) => ({ code: w.ids.t8.certificateCode }),
    expect: () => Object.fromEntries(ACTORS.map((a) => [a, 'ok'])) as Expectations,
  },
};

/** Route handlers: like pages, except that a signed-in refusal (and a disabled user) gets a plain 404. */
const ROUTES: Record<string, PageRow | { custom: string }> = {
  '/lead/export/[table]': {
    subject: 't4',
    params: () => ({ table: 'trainees' }),
    query: () => '?format=csv',
    expect: () => ({ ...table(LEAD_AND_OTHER_ORG), disabled: 'deny' }),
  },
  '/lead/history/export': {
    subject: 't4',
    query: (w) => `?trainee=${w.subjects.t4.traineeId}`,
    expect: () => ({ ...table(LEAD_AND_OTHER_ORG), disabled: 'deny' }),
  },
  '/trainees/[id]/certificate': {
    subject: 't8',
    params: (w) => ({ id: w.subjects.t8.traineeId }),
    expect: () => ({ ...table(['trainee', 'lead']), disabled: 'deny' }),
    binary: true,
  },
  '/api/auth/[...nextauth]': { custom: 'GET /api/auth/session describes the caller and no one else' },
  '/api/v1/calls': { custom: 'POST /api/v1/calls: token matrix' },
};

type Probe = { label: string; account: Account | null; actor: Actor; context: APIRequestContext; headers?: Record<string, string> };

function probesFor(subject: SubjectKey): Probe[] {
  const probes: Probe[] = ACTORS.map((actor) => {
    const account = accountOf(actor, subject);
    return { label: actor, account, actor, context: contextOf(account) };
  });
  // The proxy bypass of CVE-2025-29927, and an anonymous caller with a made-up session cookie.
  for (const value of ['middleware:middleware:middleware:middleware:middleware', 'proxy']) {
    probes.push({ label: `anonymous + x-middleware-subrequest: ${value}`, account: null, actor: 'anonymous', context: world.anonymous, headers: { 'x-middleware-subrequest': value } });
  }
  probes.push({ label: 'anonymous with a forged session cookie', account: null, actor: 'disabled', context: world.forgedCookie });
  return probes;
}

function checkOutcome(response: APIResponse, expected: Outcome, where: string) {
  const status = response.status();
  const location = response.headers().location;
  const redirectedTo = location ? new URL(location, world.baseURL).pathname : null;
  if (expected === 'ok') expect(status, `${where}: expected 200, got ${status} → ${location ?? ''}`).toBe(200);
  else if (expected === 'deny') expect(status, `${where}: expected 404, got ${status} → ${location ?? ''}`).toBe(404);
  else if (expected === 'login') {
    expect([302, 303, 307, 308], `${where}: expected a redirect to /login, got ${status}`).toContain(status);
    expect(redirectedTo, where).toBe('/login');
  } else {
    expect([302, 303, 307, 308], `${where}: expected a redirect to ${expected.redirect}, got ${status}`).toContain(status);
    expect(redirectedTo, where).toBe(expected.redirect);
  }
}

async function runPageRow(pattern: string, row: PageRow) {
  const url = fillPattern(pattern, row.params?.(world) ?? {}) + (row.query?.(world) ?? '');
  const expectations = row.expect(world);
  await pool(probesFor(row.subject), 6, async (probe) => {
    const where = `GET ${url} as ${probe.label}`;
    const response = await probe.context.get(url, { headers: probe.headers, maxRedirects: 0 });
    checkOutcome(response, expectations[probe.actor], where);
    if (!row.binary) {
      const exempt = (row.namesVisibleTo ?? []).includes(probe.actor);
      expectNoForeignNames(await response.text(), probe.account, where, exempt);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Server actions
// ---------------------------------------------------------------------------------------------

type ActionRow = {
  subject: SubjectKey;
  /** May do this to the subject (or, for own-record actions, to themselves): never sent a forged request. */
  allow: Actor[];
  /** Own-record actions with nothing in the payload to name someone else: calling one acts on the caller, so it is not an attack. */
  own?: Actor[];
  /** Sent the request; may answer ok, as long as nothing changes and nothing of the subject comes back. */
  noop?: Actor[];
  arg?: (w: World) => ActionArg;
  /** Refusals other than not_found / unauthenticated that are the right answer for a denied actor. */
  refusals?: string[];
  /** Why a forged call to this action never returns a result (it only redirects). */
  redirectsOnly?: string;
};

const EVERYONE: Actor[] = [...ACTORS];
const key = () => randomUUID();

function reviewPayload() {
  const scorecard = parseYaml(fs.readFileSync(path.join(ROOT, 'content', 'scorecard.yaml'), 'utf8')) as {
    version: number;
    items: { id: string }[];
  };
  return {
    scorecardVersion: scorecard.version,
    items: Object.fromEntries(scorecard.items.map((i) => [i.id, { rating: 'met', comment: '' }])),
    critical: {},
    note: '',
  };
}

function callsCsv(w: World, username: string) {
  const day = w.ids.t4.sampledDay;
  return `call_id,agent,start_time,duration_sec,direction\nATTACK-${randomBytes(4).toString('hex')},${username},${day}T10:00:00+08:00,95,inbound\n`;
}

const ACTIONS: Record<string, ActionRow> = {
  'app/_actions/preferences.ts#setLocaleAction': { subject: 't4', allow: EVERYONE, arg: () => ({ kind: 'form', fields: { locale: 'en' } }) },
  'app/_actions/preferences.ts#switchRoleAction': {
    subject: 't4',
    allow: ['lead', 'otherOrg'],
    arg: () => ({ kind: 'form', fields: { role: 'lead' } }),
    redirectsOnly: 'refuses by redirecting home without setting the role cookie',
  },
  'app/_actions/preferences.ts#signOutAction': { subject: 't4', allow: EVERYONE },

  'app/(app)/admin/tokens/actions.ts#createApiTokenAction': { subject: 't4', allow: ['admin', 'otherOrg'], arg: () => json({ name: 'attack-token' }) },
  'app/(app)/admin/tokens/actions.ts#revokeApiTokenAction': { subject: 't4', allow: ['admin'], arg: (w) => json({ tokenId: w.ids.tokens.activeId }) },
  'app/(app)/admin/users/actions.ts#createStaffUserAction': {
    subject: 't4',
    allow: ['admin', 'otherOrg'],
    arg: () => json({ username: 'attack-new-staff', displayName: '攻击者', roles: ['admin'] }),
  },
  'app/(app)/admin/users/actions.ts#updateUserAction': {
    subject: 't4',
    allow: ['admin'],
    arg: (w) => json({ userId: w.subjects.t4.userId, displayName: '被篡改', roles: ['admin'] }),
  },
  'app/(app)/admin/users/actions.ts#setUserDisabledAction': { subject: 't4', allow: ['admin'], arg: (w) => json({ userId: w.subjects.t4.userId, disabled: true }) },
  'app/(app)/admin/users/actions.ts#resetPasswordAction': { subject: 't4', allow: ['admin'], arg: (w) => json({ userId: w.subjects.t4.userId }) },

  'app/(app)/calls/import/actions.ts#previewCallsImportAction': {
    subject: 't4',
    allow: ['lead', 'admin'],
    // Another organisation's lead checks the file against their own trainees: unknown agent.
    noop: ['otherOrg'],
    arg: (w) => ({ kind: 'file', field: 'file', name: 'calls.csv', mimeType: 'text/csv', content: callsCsv(w, 'trainee4') }),
  },
  'app/(app)/calls/import/actions.ts#importCallsAction': {
    subject: 't4',
    allow: ['lead', 'admin'],
    noop: ['otherOrg'],
    arg: (w) => ({ kind: 'file', field: 'file', name: 'calls.csv', mimeType: 'text/csv', content: callsCsv(w, 'trainee4') }),
  },

  // Reading a module's per-trainee state: staff get { viewer: 'staff' }, trainees their own state.
  'app/(app)/classroom/actions.ts#moduleStateAction': { subject: 't4', allow: SIGNED_IN, arg: (w) => json({ moduleId: w.ids.moduleId }) },
  'app/(app)/classroom/actions.ts#completeLessonAction': {
    subject: 't4',
    allow: ['trainee'],
    own: ['otherTrainee'],
    arg: (w) => json({ moduleId: w.ids.moduleId, lessonId: w.ids.lessonId }),
  },
  'app/(app)/classroom/actions.ts#startAttemptAction': {
    subject: 't4',
    allow: ['trainee'],
    own: ['otherTrainee'],
    arg: (w) => json({ kind: 'module', moduleId: w.ids.moduleId }),
  },
  'app/(app)/classroom/actions.ts#saveAnswersAction': { subject: 't4', allow: ['trainee'], arg: (w) => json({ attemptId: w.ids.t4.attemptId, answers: {} }) },
  'app/(app)/classroom/actions.ts#submitAttemptAction': { subject: 't4', allow: ['trainee'], arg: (w) => json({ attemptId: w.ids.t4.attemptId, answers: {} }) },

  'app/(app)/drills/actions.ts#submitDrillScriptFormAction': {
    subject: 't4',
    allow: ['trainee'],
    own: ['otherTrainee'],
    arg: (w) => json({ day: w.today, script: '坐席:您好' }),
  },
  'app/(app)/lead/drills/actions.ts#createDrillGroupFormAction': {
    subject: 't4',
    allow: ['lead'],
    // The other organisation's lead: our trainee is no candidate of theirs — the same answer as for an id that doesn't exist.
    refusals: ['errors.drill_trainee_not_eligible'],
    arg: (w) => json({ day: w.today, name: '攻击组', scenarioId: 'consultation-payment-channels', traineeIds: [w.otherTrainee.traineeId] }),
  },
  // Scoped to the caller's organisation: another organisation's lead finds nothing to delete.
  'app/(app)/lead/drills/actions.ts#deleteDrillGroupFormAction': { subject: 't4', allow: ['lead'], noop: ['otherOrg'], arg: (w) => json({ groupId: w.ids.drillGroupId }) },

  'app/(app)/lead/enrol/actions.ts#enrolTraineeAction': {
    subject: 't4',
    allow: ['lead'],
    refusals: ['errors.mentor_unavailable'],
    arg: (w) =>
      json({
        displayName: '攻击学员',
        username: 'attack-enrolled',
        traineeClass: 'A',
        cohort: 'X',
        startDate: w.today,
        mentorId: String(w.ids.mentor2UserId),
        requestKey: key(),
      }),
  },
  'app/(app)/lead/enrol/actions.ts#checkEnrolChunkAction': {
    subject: 't4',
    allow: ['lead'],
    noop: ['otherOrg'],
    arg: () =>
      json({
        header: ['name', 'username', 'class', 'cohort', 'start_date', 'mentor'],
        records: [{ row: 2, cells: ['攻击学员', 'attack-csv', 'A', 'X', '2030-01-07', 'mentor2'] }],
        fileUsernames: [{ row: 2, value: 'attack-csv' }],
      }),
  },
  'app/(app)/lead/enrol/actions.ts#importEnrolCsvAction': {
    subject: 't4',
    allow: ['lead'],
    noop: ['otherOrg'],
    arg: () =>
      json({
        requestKey: key(),
        header: ['name', 'username', 'class', 'cohort', 'start_date', 'mentor'],
        records: [{ row: 2, cells: ['攻击学员', 'attack-csv', 'A', 'X', '2030-01-07', 'mentor2'] }],
      }),
  },
  'app/(app)/lead/mentors/actions.ts#reassignMentorAction': {
    subject: 't4',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, mentorId: String(w.ids.mentor1UserId), reason: '攻击' }),
  },

  'app/(app)/shadowing/actions.ts#liveShadowingFormAction': { subject: 't4', allow: ['trainee'], own: ['otherTrainee'], arg: (w) => json({ day: w.today, attended: true }) },
  'app/(app)/shadowing/actions.ts#logRecordingFormAction': {
    subject: 't4',
    allow: ['trainee'],
    own: ['otherTrainee'],
    arg: (w) =>
      json({ day: w.today, recordingRef: 'REC-1', agentName: '坐席', callType: 'consultation', wentWell: '好', toLearn: '学', requestKey: key() }),
  },
  // Another trainee naming trainee4's recording deletes nothing: the lookup is by their own record.
  'app/(app)/shadowing/actions.ts#deleteRecordingFormAction': {
    subject: 't4',
    allow: ['trainee'],
    noop: ['otherTrainee'],
    arg: (w) => json({ recordingId: w.ids.t4.recordingId }),
  },

  'app/(app)/trainees/[id]/actions.ts#excuseAbsence': {
    subject: 't4',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, date: w.today, reason: '攻击', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/actions.ts#overrideStage': {
    subject: 't4',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, action: 'restart_stage', stage: 'supervised', reason: '攻击', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/actions.ts#takeDecision': {
    subject: 't4',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, decision: 'exit', reason: '攻击', requestKey: key() }),
  },

  'app/(app)/trainees/[id]/calls/[day]/[callId]/review/actions.ts#submitMentorReviewAction': {
    subject: 't4',
    allow: ['mentor'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, callId: w.ids.t4.sampledCallId, review: reviewPayload() }),
  },
  'app/(app)/trainees/[id]/calls/[day]/[callId]/review/actions.ts#acknowledgeReviewAction': {
    subject: 't4',
    allow: ['trainee'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, reviewId: w.ids.t4.reviewId }),
  },
  'app/(app)/trainees/[id]/calls/[day]/actions.ts#drawSampleAction': {
    subject: 't4',
    allow: ['mentor', 'lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, day: w.ids.t4.unsampledCallDay }),
  },
  'app/(app)/trainees/[id]/calls/[day]/actions.ts#replaceSampledCallAction': {
    subject: 't4',
    allow: ['mentor', 'lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, day: w.ids.t4.sampledDay, sampledCallId: String(w.ids.t4.sampledCallId), reason: '攻击' }),
  },
  'app/(app)/trainees/[id]/classroom/actions.ts#waiveModuleAction': {
    subject: 't4',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, moduleId: w.ids.moduleId, reason: '攻击', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/probation/actions.ts#submitProbationScoreAction': {
    subject: 't8',
    allow: ['mentor', 'lead'],
    arg: (w) => json({ traineeId: w.subjects.t8.traineeId, assessorKind: 'mentor', score: 99, comment: '攻击' }),
  },
  'app/(app)/trainees/[id]/probation/actions.ts#signOffProbationAction': {
    subject: 't8',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t8.traineeId, blockStart: w.today, result: 'failed', reason: '攻击', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/probation/actions.ts#correctProbationSignOffAction': {
    subject: 't8',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t8.traineeId, eventId: w.ids.t8.probationEventId, result: 'failed', reason: '攻击', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/shadowing/actions.ts#confirmDayFormAction': {
    subject: 't4',
    allow: ['mentor'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, day: w.ids.t4.sampledDay }),
  },
  'app/(app)/trainees/[id]/shadowing/actions.ts#liveListenFormAction': {
    subject: 't4',
    allow: ['mentor'],
    arg: (w) => json({ traineeId: w.subjects.t4.traineeId, day: w.ids.t4.sampledDay, callsLiveListened: '3' }),
  },
  'app/(app)/trainees/[id]/shadowing/actions.ts#commentDrillScriptFormAction': {
    subject: 't8',
    allow: ['mentor'],
    arg: (w) => json({ scriptId: w.ids.t8.drillScriptId, comment: '攻击' }),
  },
  'app/(app)/trainees/[id]/solo/actions.ts#submitAssessmentReviewAction': {
    subject: 't6',
    allow: ['qa'],
    arg: (w) => json({ traineeId: w.subjects.t6.traineeId, callId: w.ids.t6.soloCallId, review: reviewPayload() }),
  },
  'app/(app)/trainees/[id]/solo/actions.ts#confirmSoloResultAction': {
    subject: 't6',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t6.traineeId, blockStart: w.today, result: 'passed', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/solo/actions.ts#overrideSoloResultAction': {
    subject: 't6',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t6.traineeId, blockStart: w.today, result: 'passed', reason: '攻击', requestKey: key() }),
  },
  'app/(app)/trainees/[id]/solo/actions.ts#correctSoloResultAction': {
    subject: 't8',
    allow: ['lead'],
    arg: (w) => json({ traineeId: w.subjects.t8.traineeId, eventId: w.ids.t8.soloEventId, result: 'failed', reason: '攻击', requestKey: key() }),
  },
  // Everyone signed in changes their own password only; the current password guards it.
  'app/(auth)/change-password/actions.ts#changePasswordAction': {
    subject: 't4',
    allow: SIGNED_IN,
    arg: () => json({ currentPassword: 'demo-pass-2026', newPassword: 'attack-Pass-9921', confirmPassword: 'attack-Pass-9921' }),
  },
  // Sign-in is for anonymous callers by definition; the brake is tested in e2e/sign-in.spec.ts.
  'app/(auth)/login/actions.ts#signInAction': { subject: 't4', allow: EVERYONE, arg: () => json({ username: 'trainee4', password: 'not-the-password' }) },
};

const AUTHZ_REFUSALS = ['errors.not_found', 'errors.unauthenticated'];

type Variant = { label: string; headers: (origin: string) => Record<string, string>; actionId?: (real: string) => string };
const VARIANTS: Variant[] = [
  { label: 'own Origin', headers: (origin) => ({ origin }) },
  { label: 'no Origin', headers: () => ({}) },
  { label: 'foreign Origin', headers: () => ({ origin: 'https://evil.example' }) },
  { label: 'made-up action id', headers: (origin) => ({ origin }), actionId: () => `7f${randomBytes(20).toString('hex')}` },
  { label: 'x-middleware-subrequest ×5', headers: (origin) => ({ origin, 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }) },
  { label: 'x-middleware-subrequest: proxy', headers: (origin) => ({ origin, 'x-middleware-subrequest': 'proxy' }) },
];

function postPath(action: ManifestAction, w: World): string {
  for (const worker of action.workers) {
    const pattern = workerToPattern(worker);
    if (!pattern) continue;
    return fillPattern(pattern, {
      id: w.subjects.t4.traineeId,
      day: w.ids.t4.sampledDay,
      callId: w.ids.t4.sampledCallId,
      attemptId: w.ids.t4.attemptId,
      moduleId: w.ids.moduleId,
      lessonId: w.ids.lessonId,
    });
  }
  return '/';
}

/** What a denied call may answer: a refusal naming no field (so the payload itself was valid), a redirect, or Next's own refusal. */
function checkDenied(call: ActionCall, row: ActionRow, variant: Variant, account: Account | null, where: string, noop: boolean, forwarded: boolean) {
  const outcome = outcomeOf(call);
  expect(call.status, `${where}: a 5xx other than Next's cross-origin refusal`).toBeLessThan(variant.label === 'foreign Origin' ? 501 : 500);
  if (outcome) {
    if (!noop) {
      expect(outcome.ok, `${where}: answered ok`).toBe(false);
      expect([...AUTHZ_REFUSALS, ...(row.refusals ?? [])], `${where}: refused for another reason (${JSON.stringify(outcome)})`).toContain(outcome.formError);
      expect(outcome.fieldErrors ?? {}, `${where}: the payload failed validation, so the refusal proves nothing`).toEqual({});
    }
  } else if (!forwarded) {
    // No result at all: the proxy's or the action's redirect, Next's unknown-action 404, or its cross-origin abort.
    const allowed = [303, 307, ...(variant.label === 'foreign Origin' ? [500] : []), ...(variant.actionId ? [404, 409] : [])];
    // An action's own redirect() answers 200 with the target page's payload and says so in a header.
    const actionRedirect = call.status === 200 && 'x-action-redirect' in call.headers;
    expect(actionRedirect || allowed.includes(call.status), `${where}: status ${call.status} without an action result`).toBe(true);
    if (variant.actionId && !actionRedirect && call.status >= 404) expect(call.headers['x-nextjs-action-not-found'], where).toBe('1');
  }
  const setCookie = call.headers['set-cookie'] ?? '';
  if (row.redirectsOnly) expect(setCookie, `${where}: ${row.redirectsOnly}`).not.toContain('active_role=');
  expectNoForeignNames(call.text, account, where);
}

test.describe('authorization matrix', () => {
  test('every page, route handler and server action has a row in the tables', () => {
    const pages = listPagePatterns();
    const routes = listRouteHandlerPatterns();
    expect(pages.filter((p) => !(p in PAGES)), 'pages without a row').toEqual([]);
    expect(Object.keys(PAGES).filter((p) => !pages.includes(p)), 'rows for pages that no longer exist').toEqual([]);
    expect(routes.filter((r) => !(r in ROUTES)), 'route handlers without a row').toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !routes.includes(r)), 'rows for route handlers that no longer exist').toEqual([]);

    const source = listSourceActions().map(actionKey);
    const built = readActionManifest().map(actionKey);
    expect(source.filter((k) => !(k in ACTIONS)), "exports of 'use server' modules without a row").toEqual([]);
    expect(built.filter((k) => !(k in ACTIONS)), 'server actions in the build without a row').toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !source.includes(k)), 'rows for actions that no longer exist').toEqual([]);
  });

  test('pages: each actor is let in, refused with 404, or sent to sign-in exactly as the table says', async () => {
    test.setTimeout(180_000);
    const before = snapshot(world.server.read);
    for (const [pattern, row] of Object.entries(PAGES)) await runPageRow(pattern, row);
    // Reading never writes (beyond the cached status that lib/access.ts brings up to date).
    expect(diff(before, snapshot(world.server.read))).toEqual([]);
  });

  test('route handlers: exports and the certificate follow the same table; another organisation gets its own data only', async () => {
    for (const [pattern, row] of Object.entries(ROUTES)) {
      if ('custom' in row) continue;
      await runPageRow(pattern, row);
    }
    // The lead's export is the real thing: a CSV naming trainee4; the other organisation's names no one of ours.
    const own = await world.contexts.lead.get('/lead/export/trainees?format=csv');
    expect(own.headers()['content-type']).toContain('text/csv');
    expect(await own.text()).toContain(world.subjects.t4.name);
    const foreign = await world.contexts[OTHER_ORG_STAFF].get(`/lead/history/export?trainee=${world.subjects.t4.traineeId}`);
    expect(foreign.status()).toBe(200);
    expect(await foreign.text()).not.toContain(world.subjects.t4.name);
    const pdf = await world.contexts.trainee8.get(`/trainees/${world.subjects.t8.traineeId}/certificate`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  test('a lead of our organisation cannot open the other organisation’s trainee either', async () => {
    const id = world.otherOrg.traineeId;
    for (const url of [`/trainees/${id}`, `/trainees/${id}/calls`, `/lead/mentors/trainees/${id}`, `/admin/users/${world.otherOrg.traineeUserId}`]) {
      const account: Account = url.startsWith('/admin') ? 'admin' : 'lead';
      const response = await world.contexts[account].get(url, { maxRedirects: 0 });
      expect(response.status(), `${account} GET ${url}`).toBe(404);
      expect(await response.text()).not.toContain('外部学员');
    }
  });

  test('server actions: every denied actor, with any Origin or proxy header, changes nothing and learns nothing', async () => {
    test.setTimeout(300_000);
    const manifest = readActionManifest();
    const origin = world.baseURL;
    let calls = 0;
    const failures: string[] = [];
    for (const action of manifest) {
      const k = actionKey(action);
      const row = ACTIONS[k]!;
      const denied = ACTORS.filter((a) => !row.allow.includes(a) && !(row.own ?? []).includes(a));
      if (denied.length === 0) continue;
      const path_ = postPath(action, world);
      const jobs: { actor: Actor; account: Account | null; context: APIRequestContext; variant: Variant; path: string; label: string; forwarded?: boolean }[] = [];
      for (const actor of denied) {
        const account = accountOf(actor, row.subject);
        for (const variant of VARIANTS) jobs.push({ actor, account, context: contextOf(account), variant, path: path_, label: actor });
      }
      // Anonymous callers also come through a public path (no proxy redirect) and with a forged cookie.
      if (denied.includes('anonymous')) {
        for (const variant of VARIANTS.filter((v) => !v.actionId && v.label !== 'foreign Origin')) {
          jobs.push({ actor: 'anonymous', account: null, context: world.forgedCookie, variant, path: path_, label: 'forged cookie' });
        }
        // Next forwards the call to a page that loads the action, and that request meets the proxy.
        jobs.push({ actor: 'anonymous', account: null, context: world.anonymous, variant: VARIANTS[0]!, path: '/login', label: 'anonymous via /login', forwarded: true });
      }
      const before = snapshot(world.server.read);
      const results = await pool(jobs, 12, async (job) => {
        const call = await callAction(job.context, {
          path: job.path,
          actionId: job.variant.actionId ? job.variant.actionId(action.id) : action.id,
          arg: row.arg?.(world),
          headers: job.variant.headers(origin),
        });
        return { job, call };
      });
      calls += results.length;
      for (const { job, call } of results) {
        const where = `${k} as ${job.label} (${job.variant.label}) → ${call.status} ${call.text.slice(0, 200)}`;
        try {
          checkDenied(call, row, job.variant, job.account, where, (row.noop ?? []).includes(job.actor), job.forwarded ?? false);
        } catch (error) {
          failures.push((error as Error).message.split('\n')[0]!);
        }
      }
      const changed = diff(before, snapshot(world.server.read));
      if (changed.length > 0) failures.push(`${k}: forged calls changed the database: ${changed.join('; ')}`);
    }
    // Every failure at once: a missing check usually shows up in several actions.
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(500);
    expect(world.server.output(), 'the server logged an unexpected action error').not.toContain('[action] unexpected error');
  });

  test('server actions: a foreign or null Origin stops even an allowed actor (CSRF)', async () => {
    test.setTimeout(120_000);
    for (const action of readActionManifest()) {
      const k = actionKey(action);
      const row = ACTIONS[k]!;
      const actor = row.allow.find((a) => a !== 'anonymous' && a !== 'disabled');
      if (!actor) continue;
      const account = accountOf(actor, row.subject);
      const before = snapshot(world.server.read);
      for (const origin of ['https://evil.example', 'null']) {
        const call = await callAction(contextOf(account), { path: postPath(action, world), actionId: action.id, arg: row.arg?.(world), headers: { origin } });
        expect(call.status, `${k} as ${actor} from Origin ${origin}`).toBe(500);
        expect(outcomeOf(call), `${k} as ${actor} from Origin ${origin} ran`).toBeNull();
      }
      expect(diff(before, snapshot(world.server.read)), `${k}: a cross-origin call changed the database`).toEqual([]);
    }
  });

  test('server actions: the payloads are real — allowed actors succeed, and a second submission records nothing more', async () => {
    const manifest = new Map(readActionManifest().map((a) => [actionKey(a), a]));
    const origin = world.baseURL;
    const run = async (k: string, account: Account | null, arg: ActionArg | undefined, path_?: string) => {
      const action = manifest.get(k);
      expect(action, `${k} is in the build`).toBeTruthy();
      return callAction(contextOf(account), { path: path_ ?? postPath(action!, world), actionId: action!.id, arg, headers: { origin } });
    };
    const twice = async (k: string, account: Account, arg: ActionArg, changes: string[]) => {
      const before = snapshot(world.server.read);
      const first = await run(k, account, arg);
      expect(outcomeOf(first), `${k} as ${account}: ${first.text.slice(0, 300)}`).toMatchObject({ ok: true });
      const middle = snapshot(world.server.read);
      expect(diff(before, middle).map((d) => d.split(':')[0]), `${k} as ${account} wrote`).toEqual(expect.arrayContaining(changes));
      await run(k, account, arg);
      expect(diff(middle, snapshot(world.server.read)), `${k} as ${account}, submitted again`).toEqual([]);
    };

    await twice('app/(app)/admin/tokens/actions.ts#createApiTokenAction', 'admin', json({ name: 'matrix-proof' }), ['api_tokens']);
    await twice(
      'app/(app)/trainees/[id]/calls/[day]/actions.ts#drawSampleAction',
      'mentor2',
      json({ traineeId: world.subjects.t4.traineeId, day: world.ids.t4.unsampledCallDay }),
      ['daily_samples', 'sampled_calls'],
    );
    await twice(
      'app/(app)/trainees/[id]/actions.ts#excuseAbsence',
      'lead',
      json({ traineeId: world.subjects.t4.traineeId, date: world.ids.t4.unsampledCallDay, reason: '病假', requestKey: key() }),
      ['program_events'],
    );
    await twice(
      'app/(app)/trainees/[id]/solo/actions.ts#submitAssessmentReviewAction',
      'qa',
      json({ traineeId: world.subjects.t6.traineeId, callId: world.ids.t6.soloCallId, review: reviewPayload() }),
      ['call_reviews'],
    );

    // The multipart encodings: a file (the calls CSV preview) and a FormData (switching role, choosing a language).
    const preview = await run('app/(app)/calls/import/actions.ts#previewCallsImportAction', 'lead', {
      kind: 'file',
      field: 'file',
      name: 'calls.csv',
      mimeType: 'text/csv',
      content: callsCsv(world, 'trainee4'),
    });
    expect(outcomeOf(preview), preview.text.slice(0, 300)).toMatchObject({ ok: true, data: { status: 'ready' } });
    const switched = await run('app/_actions/preferences.ts#switchRoleAction', 'lead', { kind: 'form', fields: { role: 'lead' } });
    expect(switched.headers['set-cookie'] ?? '').toContain('active_role=lead');
    // Anonymous visitors choose a language on the sign-in page.
    const locale = await run('app/_actions/preferences.ts#setLocaleAction', null, { kind: 'form', fields: { locale: 'en' } }, '/login');
    expect(locale.headers['set-cookie'] ?? '').toContain('locale=en');
  });

  test('/api/v1/calls: no token, a revoked token, another organisation’s token or a cross-origin page import nothing', async () => {
    const body = (agent: string) => ({
      calls: [{ callId: `API-ATTACK-${randomBytes(4).toString('hex')}`, agent, startTime: `${world.ids.t4.sampledDay}T09:00:00+08:00`, durationSec: 61, direction: 'inbound' }],
    });
    const post = (headers: Record<string, string>, agent = 'trainee4') =>
      world.anonymous.post('/api/v1/calls', { headers: { 'content-type': 'application/json', ...headers }, data: JSON.stringify(body(agent)) });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const before = snapshot(world.server.read);
    const cases: [string, Promise<APIResponse>, number][] = [
      ['no token', post({}), 401],
      ['a made-up token', post(bearer(`ccat_${randomBytes(32).toString('base64url')}`)), 401],
      ['a revoked token', post(bearer(world.ids.tokens.revoked)), 401],
      ['a cross-origin page with a valid token', post({ ...bearer(world.ids.tokens.active), origin: 'https://evil.example' }), 403],
      ['an Origin of null with a valid token', post({ ...bearer(world.ids.tokens.active), origin: 'null' }), 403],
      // Scoped to the token's organisation: our trainee is an unknown agent there.
      ['another organisation’s token', post(bearer(world.ids.tokens.otherOrg)), 400],
      ['x-middleware-subrequest without a token', post({ 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }), 401],
    ];
    for (const [label, response, status] of cases) {
      const r = await response;
      expect(r.status(), label).toBe(status);
      expect(await r.text(), label).not.toContain(world.subjects.t4.name);
    }
    expect(diff(before, snapshot(world.server.read))).toEqual([]);
    // The same request with the organisation's own token imports.
    const ok = await post(bearer(world.ids.tokens.active));
    expect(ok.status(), await ok.text()).toBe(200);
    expect(diff(before, snapshot(world.server.read)).map((d) => d.split(':')[0])).toContain('calls');
  });

  test('/api/auth/session describes the caller and no one else; a disabled user’s session is gone', async () => {
    for (const account of [...Object.keys(world.contexts)] as Account[]) {
      const response = await world.contexts[account].get('/api/auth/session');
      expect(response.status()).toBe(200);
      const session = (await response.json()) as { uid?: number } | null;
      if (account === DISABLED_LEAD) {
        expect(session, 'a disabled user is no longer vouched for').toBeNull();
        continue;
      }
      const uid = (world.server.read.prepare('select id from users where username = ?').get(account) as { id: number }).id;
      expect(session?.uid, account).toBe(uid);
    }
    const anonymous = await world.anonymous.get('/api/auth/session');
    expect(await anonymous.json()).toBeNull();
    const forged = await world.forgedCookie.get('/api/auth/session');
    expect(await forged.json()).toBeNull();
  });
});
