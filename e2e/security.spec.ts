// Sessions, cookies, cross-origin writes and hostile input through the real production server
// (OWASP ASVS 5.0 V1, V3, V7). Runs on a private server and database (e2e/helpers/world.ts), so it
// may disable users and write hostile text without disturbing the other journeys.
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { diff, snapshot } from './helpers/db-snapshot';
import { actionKey, readActionManifest, ROOT } from './helpers/inventory';
import { callAction, json, outcomeOf, type ActionArg } from './helpers/server-actions';
import { anonymousContext, signedInContext } from './helpers/sessions';
import { createWorld, type World } from './helpers/world';

let world: World;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  world = await createWorld();
});

test.afterAll(async () => {
  await world?.dispose();
});

function actionId(k: string): string {
  const found = readActionManifest().find((a) => actionKey(a) === k);
  if (!found) throw new Error(`${k} is not in the build`);
  return found.id;
}

function act(context: APIRequestContext, k: string, arg: ActionArg | undefined, pathname = '/') {
  return callAction(context, { path: pathname, actionId: actionId(k), arg, headers: { origin: world.baseURL } });
}

function setCookies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
}

function cookieNamed(cookies: string[], name: RegExp): string {
  const found = cookies.find((c) => name.test(c.split('=')[0]!));
  expect(found, `Set-Cookie ${name} among ${cookies.map((c) => c.split('=')[0]).join(', ')}`).toBeTruthy();
  return found!;
}

/** Creates a user directly in the private database, sharing the demo password. */
function addUser(username: string, roles: string[]): number {
  return world.server.write((db) => {
    const lead = db.prepare(`select org_id as orgId, password_hash as hash from users where username = 'lead'`).get() as { orgId: number; hash: string };
    const id = Number(
      db.prepare(`insert into users (org_id, username, display_name, password_hash) values (?, ?, ?, ?)`).run(lead.orgId, username, username, lead.hash)
        .lastInsertRowid,
    );
    for (const role of roles) db.prepare(`insert into user_roles (user_id, role) values (?, ?)`).run(id, role);
    return id;
  });
}

const PREFERENCES = 'app/_actions/preferences.ts';

test.describe('cookies', () => {
  test('the session cookie is HttpOnly and SameSite=Lax; over HTTPS every cookie is Secure', async () => {
    // Plain http on a developer's machine: no Secure flag (the browser would drop the cookie).
    const plain = await anonymousContext(world.baseURL);
    const csrf = await plain.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await plain.post('/api/auth/callback/credentials', {
      form: { csrfToken, username: 'mentor1', password: 'demo-pass-2026', callbackUrl: `${world.baseURL}/` },
    });
    const session = cookieNamed(setCookies(signIn), /^authjs\.session-token$/);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(session).not.toMatch(/;\s*Secure/i);

    const plainPrefs = await act(plain, `${PREFERENCES}#setLocaleAction`, { kind: 'form', fields: { locale: 'en' } }, '/login');
    const locale = cookieNamed(plainPrefs.headers['set-cookie']?.split('\n') ?? [], /^locale$/);
    expect(locale).toMatch(/HttpOnly/i);
    expect(locale).toMatch(/SameSite=Lax/i);
    expect(locale).not.toMatch(/Secure/i);
    await plain.dispose();

    // Behind a TLS-terminating proxy (x-forwarded-proto: https): Auth.js and our own cookies are Secure.
    const https = { 'x-forwarded-proto': 'https' };
    const secure = await anonymousContext(world.baseURL, https);
    const csrf2 = await secure.get('/api/auth/csrf');
    const csrfCookie = cookieNamed(setCookies(csrf2), /authjs\.csrf-token$/);
    expect(csrfCookie).toMatch(/;\s*Secure/i);
    expect(csrfCookie).toMatch(/;\s*HttpOnly/i);
    // The browser would not send a Secure cookie over http; hand it over as the HTTPS browser would.
    const csrfPair = csrfCookie.split(';')[0]!;
    const { csrfToken: token2 } = (await csrf2.json()) as { csrfToken: string };
    const signIn2 = await secure.post('/api/auth/callback/credentials', {
      headers: { cookie: csrfPair },
      form: { csrfToken: token2, username: 'mentor1', password: 'demo-pass-2026', callbackUrl: `${world.baseURL}/` },
    });
    expect(signIn2.status()).toBe(302);
    const secureSession = cookieNamed(setCookies(signIn2), /^__Secure-authjs\.session-token$/);
    expect(secureSession).toMatch(/;\s*Secure/i);
    expect(secureSession).toMatch(/;\s*HttpOnly/i);
    expect(secureSession).toMatch(/;\s*SameSite=Lax/i);
    const sessionPair = secureSession.split(';')[0]!;

    const securePrefs = await act(secure, `${PREFERENCES}#setLocaleAction`, { kind: 'form', fields: { locale: 'en' } }, '/login');
    const secureLocale = cookieNamed(securePrefs.headers['set-cookie']?.split('\n') ?? [], /^locale$/);
    expect(secureLocale).toMatch(/Secure/i);
    expect(secureLocale).toMatch(/HttpOnly/i);

    const role = await callAction(secure, {
      path: '/mentor',
      actionId: actionId(`${PREFERENCES}#switchRoleAction`),
      arg: { kind: 'form', fields: { role: 'mentor' } },
      headers: { origin: world.baseURL, cookie: sessionPair },
    });
    const activeRole = cookieNamed(role.headers['set-cookie']?.split('\n') ?? [], /^active_role$/);
    expect(activeRole).toMatch(/Secure/i);
    expect(activeRole).toMatch(/HttpOnly/i);
    expect(activeRole).toMatch(/SameSite=Lax/i);
    await secure.dispose();
  });

  test('every response carries the anti-framing and no-sniff headers', async () => {
    for (const url of ['/login', '/verify', '/api/auth/csrf']) {
      const response = await world.anonymous.get(url);
      expect(response.headers()['x-frame-options'], url).toBe('DENY');
      expect(response.headers()['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

test.describe('sign-in', () => {
  async function attempt(username: string, password: string) {
    const context = await anonymousContext(world.baseURL);
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await context.post('/api/auth/callback/credentials', {
      form: { csrfToken, username, password, callbackUrl: `${world.baseURL}/` },
    });
    const signedIn = setCookies(response).some((c) => /session-token=[^;]/.test(c));
    await context.dispose();
    return { signedIn, location: response.headers().location ?? '' };
  }

  test('failures are logged; the tenth for an account refuses even the right password, from any address', async () => {
    addUser('sec-brake', ['mentor']);
    expect((await attempt('sec-brake', 'demo-pass-2026')).signedIn).toBe(true);
    for (let i = 0; i < 10; i++) expect((await attempt('sec-brake', `guess-${i}`)).signedIn).toBe(false);
    const refused = await attempt('sec-brake', 'demo-pass-2026');
    expect(refused.signedIn).toBe(false);
    expect(refused.location).toContain('too_many_attempts');
    expect(world.server.output()).toContain('[auth] failed sign-in for "sec-brake"');
    // Failures are counted per account: another account from the same machine is not held up.
    expect((await attempt('mentor2', 'demo-pass-2026')).signedIn).toBe(true);
  });
});

test.describe('sessions end when the account changes', () => {
  const enrolChunk = json({
    header: ['name', 'username', 'class', 'cohort', 'start_date', 'mentor'],
    records: [{ row: 2, cells: ['新人', 'sec-probe', 'A', 'X', '2030-01-07', 'mentor2'] }],
    fileUsernames: [{ row: 2, value: 'sec-probe' }],
  });
  const CHECK_CHUNK = 'app/(app)/lead/enrol/actions.ts#checkEnrolChunkAction';

  async function expectSignedInAsLead(context: APIRequestContext) {
    expect((await context.get('/lead', { maxRedirects: 0 })).status()).toBe(200);
    expect((await context.get('/lead/export/trainees?format=csv')).status()).toBe(200);
    expect(outcomeOf(await act(context, CHECK_CHUNK, enrolChunk, '/lead/enrol/import'))).toMatchObject({ ok: true });
  }

  async function expectSignedOut(context: APIRequestContext) {
    const page = await context.get('/lead', { maxRedirects: 0 });
    expect(page.status(), 'a page').toBe(307);
    expect(new URL(page.headers().location!, world.baseURL).pathname).toBe('/login');
    expect((await context.get('/lead/export/trainees?format=csv')).status(), 'a route handler').toBe(404);
    expect(outcomeOf(await act(context, CHECK_CHUNK, enrolChunk, '/lead/enrol/import')), 'a server action').toMatchObject({
      ok: false,
      formError: 'errors.unauthenticated',
    });
  }

  test('an admin disabling a user: their very next page, action and export are refused', async () => {
    const userId = addUser('sec-leaving-lead', ['lead']);
    const lead = await signedInContext(world.baseURL, 'sec-leaving-lead');
    await expectSignedInAsLead(lead);
    const disabled = await act(world.contexts.admin, 'app/(app)/admin/users/actions.ts#setUserDisabledAction', json({ userId, disabled: true }), '/admin/users');
    expect(outcomeOf(disabled)).toMatchObject({ ok: true });
    await expectSignedOut(lead);
    await lead.dispose();
  });

  test('an admin changing roles: the old session ends, and a new sign-in gets only the new roles', async () => {
    const userId = addUser('sec-demoted-lead', ['lead']);
    const lead = await signedInContext(world.baseURL, 'sec-demoted-lead');
    await expectSignedInAsLead(lead);
    const updated = await act(
      world.contexts.admin,
      'app/(app)/admin/users/actions.ts#updateUserAction',
      json({ userId, displayName: 'sec-demoted-lead', roles: ['mentor'] }),
      '/admin/users',
    );
    expect(outcomeOf(updated)).toMatchObject({ ok: true });
    await expectSignedOut(lead);
    await lead.dispose();

    const again = await signedInContext(world.baseURL, 'sec-demoted-lead');
    expect((await again.get('/lead', { maxRedirects: 0 })).status()).toBe(404);
    expect((await again.get('/mentor', { maxRedirects: 0 })).status()).toBe(200);
    expect(outcomeOf(await act(again, CHECK_CHUNK, enrolChunk, '/lead/enrol/import'))).toMatchObject({ ok: false, formError: 'errors.not_found' });
    await again.dispose();
  });

  test('a password reset by an admin ends the sessions opened with the old password', async () => {
    const userId = addUser('sec-reset-lead', ['lead']);
    const lead = await signedInContext(world.baseURL, 'sec-reset-lead');
    await expectSignedInAsLead(lead);
    const reset = await act(world.contexts.admin, 'app/(app)/admin/users/actions.ts#resetPasswordAction', json({ userId }), '/admin/users');
    expect(outcomeOf(reset)).toMatchObject({ ok: true });
    await expectSignedOut(lead);
    await lead.dispose();
  });
});

test.describe('route handlers that change data refuse other sites', () => {
  /** How each POST route handler is attacked from another origin; a new POST handler without an entry fails. */
  const CROSS_ORIGIN: Record<string, (w: World) => Promise<APIResponse>> = {
    '/api/v1/calls': (w) =>
      w.anonymous.post('/api/v1/calls', {
        headers: { origin: 'https://evil.example', authorization: `Bearer ${w.ids.tokens.active}`, 'content-type': 'application/json' },
        data: JSON.stringify({ calls: [{ callId: 'X-1', agent: 'trainee4', startTime: '2026-01-05T09:00:00+08:00', durationSec: 60, direction: 'inbound' }] }),
      }),
    // A page on another site posting the victim's own credentials form: no CSRF token of this site's, no session.
    '/api/auth/[...nextauth]': (w) =>
      w.anonymous.post('/api/auth/callback/credentials', {
        headers: { origin: 'https://evil.example' },
        form: { csrfToken: randomBytes(32).toString('hex'), username: 'lead', password: 'demo-pass-2026', callbackUrl: 'https://evil.example/' },
      }),
  };

  function postHandlers(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/^route\.(ts|js)$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          if (/export\s+(async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b|export\s+const\s*\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/.test(text)) {
            const rel = path.relative(path.join(ROOT, 'app'), path.dirname(full)).split(path.sep);
            found.push(`/${rel.filter((s) => !/^\(.*\)$/.test(s)).join('/')}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'app'));
    return found.sort();
  }

  test('every POST route handler has a cross-origin case, and none of them acts on it', async () => {
    const handlers = postHandlers();
    expect(handlers.filter((h) => !(h in CROSS_ORIGIN)), 'POST route handlers without a cross-origin case').toEqual([]);
    const before = snapshot(world.server.read);
    for (const handler of handlers) {
      const response = await CROSS_ORIGIN[handler]!(world);
      expect(response.status(), handler).toBeGreaterThanOrEqual(300);
      expect(response.status(), handler).toBeLessThan(500);
      const location = response.headers().location ?? '';
      expect(location, handler).not.toContain('evil.example');
      expect(setCookies(response).some((c) => /session-token=[^;]/.test(c)), `${handler} signed someone in`).toBe(false);
    }
    expect(diff(before, snapshot(world.server.read))).toEqual([]);
  });
});

test.describe('hostile input through the real server', () => {
  const HOSTILE_TEXT = [
    '<script>alert(1)</script>',
    "'; DROP TABLE trainees; --",
    '\u0000\u0007\u001b[31m',
    '😀𝕏 مرحبا שלום 你好 \u202e',
    'x'.repeat(200_000),
    '$B1',
    '$$',
  ];

  test('wrong types, huge strings and control characters: a validation answer, never a 500, nothing written', async () => {
    test.setTimeout(120_000);
    const lead = world.contexts.lead;
    const before = snapshot(world.server.read);
    const cases: [string, string, unknown][] = [];
    const t4 = world.subjects.t4.traineeId;
    for (const text of HOSTILE_TEXT) {
      cases.push(['app/(app)/trainees/[id]/actions.ts#excuseAbsence', `/trainees/${t4}`, { traineeId: t4, date: text, reason: text, requestKey: text }]);
      cases.push(['app/(app)/lead/enrol/actions.ts#enrolTraineeAction', '/lead/enrol', { displayName: text, username: text, traineeClass: text, cohort: text, startDate: text, mentorId: text, requestKey: text }]);
      cases.push(['app/(app)/admin/tokens/actions.ts#createApiTokenAction', '/admin/tokens', { name: text.length > 1000 ? text : { nested: text } }]);
    }
    for (const wrong of [null, 42, true, [], ['a'], { traineeId: '4 OR 1=1' }, { traineeId: -1 }, { traineeId: 1e308 }, { traineeId: 4.5 }]) {
      cases.push(['app/(app)/trainees/[id]/actions.ts#excuseAbsence', `/trainees/${t4}`, wrong]);
      cases.push(['app/(app)/trainees/[id]/calls/[day]/actions.ts#drawSampleAction', `/trainees/${t4}`, wrong]);
    }
    cases.push(['app/(app)/trainees/[id]/actions.ts#excuseAbsence', `/trainees/${t4}`, { traineeId: t4, date: '9999-12-31', reason: 'x', requestKey: randomUUID() }]);
    cases.push(['app/(app)/trainees/[id]/actions.ts#excuseAbsence', `/trainees/${t4}`, { traineeId: t4, date: '1900-01-01', reason: 'x', requestKey: randomUUID() }]);
    cases.push(['app/(app)/trainees/[id]/actions.ts#excuseAbsence', `/trainees/${t4}`, { traineeId: t4, date: '2026-02-30', reason: 'x', requestKey: randomUUID() }]);
    // Another organisation's trainee, by id: the same answer as a missing one.
    cases.push(['app/(app)/trainees/[id]/actions.ts#excuseAbsence', `/trainees/${t4}`, { traineeId: world.otherOrg.traineeId, date: world.today, reason: 'x', requestKey: randomUUID() }]);

    for (const [k, pathname, payload] of cases) {
      const context = k.includes('admin/') ? world.contexts.admin : lead;
      const call = await act(context, k, json(payload), pathname);
      const label = `${k} ${JSON.stringify(payload).slice(0, 80)}`;
      expect(call.status, label).toBeLessThan(500);
      if (call.status === 413) continue; // over the action body limit: refused before parsing
      expect(outcomeOf(call), label).toMatchObject({ ok: false });
      const outcome = outcomeOf(call)!;
      expect(outcome.formError ?? '', label).toMatch(/^(errors|validation|[a-z]+\.)/);
      expect(call.text, `${label}: the input came back`).not.toContain('<script>alert(1)</script>');
    }
    expect(diff(before, snapshot(world.server.read))).toEqual([]);
  });

  test('malformed action envelopes and odd URLs answer without data and write nothing', async () => {
    const before = snapshot(world.server.read);
    // Two requests Next.js itself would answer with a 500; proxy.ts answers them as the client errors they are.
    expect((await world.contexts.lead.get('/verify/%E0%A4', { maxRedirects: 0 })).status(), 'a path that is not percent-encoding').toBe(400);
    const oversized = await act(world.contexts.lead, 'app/(app)/admin/tokens/actions.ts#createApiTokenAction', json({ name: 'x'.repeat(1_100_000) }), '/admin/tokens');
    expect(oversized.status, 'a server action body over 1 MB').toBe(413);
    const id = actionId('app/(app)/trainees/[id]/actions.ts#excuseAbsence');
    // Bodies React's client never sends. Next's decoder refuses them before any of our code runs.
    for (const body of ['not json', '[', '["$B1"]', '["$K1"]', '["$@9"]', JSON.stringify([{ traineeId: '$n99999999999999999999999' }])]) {
      const response = await world.contexts.lead.post('/trainees/1', {
        headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', origin: world.baseURL },
        data: body,
        maxRedirects: 0,
      });
      const text = await response.text();
      expect(text, body).not.toMatch(/at .*\.(js|ts):\d+|node_modules|SQLITE/);
      expect(text, body).not.toContain('"ok":true');
    }
    for (const url of [
      '/trainees/abc',
      '/trainees/-1',
      '/trainees/1e3',
      '/trainees/99999999999999999999999',
      '/trainees/%00',
      `/trainees/${world.subjects.t4.traineeId}/calls/2026-13-45`,
      `/trainees/${world.subjects.t4.traineeId}/calls/%3Cscript%3E`,
      `/trainees/${world.subjects.t4.traineeId}/calls/${world.ids.t4.sampledDay}/not-a-number/review`,
      '/classroom/attempts/0',
      '/admin/users/NaN',
      '/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/verify/%E0%A4%A',
      '/lead/export/..%2F..%2Fetc%2Fpasswd?format=csv',
      '/lead/export/trainees?format=exe',
      '/lead/history?trainee=1%20OR%201=1&kind=%3Cscript%3E&page=-5',
      '/lead/history/export?trainee=%27%3B--',
      '/lead?cohort=%3Cscript%3E&class=Z&mentor=abc&stage=%00',
    ]) {
      const context = url.startsWith('/admin') ? world.contexts.admin : world.contexts.lead;
      const response = await context.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeLessThan(500);
      const text = await response.text();
      expect(text, url).not.toContain('<script>alert(1)</script>');
      expect(text, url).not.toMatch(/at .*\.(js|ts):\d+|SQLITE_/);
    }
    const api = (data: string, headers: Record<string, string> = {}) =>
      world.anonymous.post('/api/v1/calls', {
        headers: { authorization: `Bearer ${world.ids.tokens.active}`, 'content-type': 'application/json', ...headers },
        data,
      });
    for (const [data, status] of [
      ['{', 400],
      ['[]', 400],
      ['{"calls":"x"}', 400],
      [JSON.stringify({ calls: [{ callId: '<script>', agent: "'; DROP TABLE calls; --", startTime: '9999-99-99', durationSec: -1, direction: 'sideways', recordingUrl: 'javascript:alert(1)' }] }), 400],
      [JSON.stringify({ calls: [{ callId: 'X'.repeat(10_000) }] }), 400],
      ['{"calls":[' + '{},'.repeat(20_000) + '{}]}', 400],
      ['x'.repeat(2_100_000), 413],
    ] as const) {
      const response = await api(data);
      expect(response.status(), data.slice(0, 60)).toBe(status);
    }
    expect((await api('{}', { 'content-type': 'text/plain' })).status()).toBe(415);
    expect(diff(before, snapshot(world.server.read))).toEqual([]);
  });
});

test.describe('free text is shown as text', () => {
  const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  const ESCAPED = '&lt;img src=x onerror=';

  async function expectEscaped(context: APIRequestContext, url: string) {
    const response = await context.get(url);
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    expect(html.includes(ESCAPED), `${url} shows the text`).toBe(true);
    expect(html.includes('<img src=x'), `${url} renders the tag`).toBe(false);
    expect(html.includes('<script>window.__xss'), `${url} renders the script`).toBe(false);
  }

  async function expectInertInBrowser(browser: Browser, context: APIRequestContext, url: string, field?: RegExp) {
    const state = await context.storageState();
    const browserContext = await browser.newContext({ baseURL: world.baseURL, storageState: state });
    const page = await browserContext.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.goto(url);
    if (field) await expect(page.getByLabel(field)).toHaveValue(XSS);
    else await expect(page.getByText('<img src=x onerror="window.__xss=1">', { exact: false }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await browserContext.close();
  }

  test('a recording note, a review note, a drill script, a plan-change reason and a name render escaped', async ({ browser }) => {
    test.setTimeout(120_000);
    const t4 = world.subjects.t4.traineeId;

    // A trainee in the shadowing stage logs a recording with markup in every text field.
    const trainee2 = await signedInContext(world.baseURL, 'trainee2');
    const t2 = (world.server.read.prepare(`select t.id from trainees t join users u on u.id = t.user_id where u.username = 'trainee2'`).get() as { id: number }).id;
    const logged = await act(
      trainee2,
      'app/(app)/shadowing/actions.ts#logRecordingFormAction',
      json({ day: world.today, recordingRef: 'javascript:alert(1)', agentName: XSS.slice(0, 36), callType: 'consultation', wentWell: XSS, toLearn: XSS, requestKey: randomUUID() }),
      '/shadowing',
    );
    expect(outcomeOf(logged), logged.text.slice(0, 300)).toMatchObject({ ok: true });
    await expectEscaped(trainee2, '/shadowing');
    await expectEscaped(world.contexts.mentor2, `/trainees/${t2}/shadowing`);
    const shadowing = await (await trainee2.get('/shadowing')).text();
    expect(shadowing, 'a javascript: reference is not a link').not.toContain('href="javascript:');

    // The mentor draws today's sample for trainee4 and reviews a call with markup in the note.
    const drawn = await act(world.contexts.mentor2, 'app/(app)/trainees/[id]/calls/[day]/actions.ts#drawSampleAction', json({ traineeId: t4, day: world.ids.t4.unsampledCallDay }), `/trainees/${t4}`);
    expect(outcomeOf(drawn), drawn.text.slice(0, 300)).toMatchObject({ ok: true });
    const call = world.server.read
      .prepare(
        `select s.call_id as callId, d.day as day from sampled_calls s join daily_samples d on d.id = s.sample_id
         where d.trainee_id = ? and d.day = ? and s.replaced_at is null
           and not exists (select 1 from call_reviews r where r.call_id = s.call_id and r.kind = 'mentor') order by s.slot limit 1`,
      )
      .get(t4, world.ids.t4.unsampledCallDay) as { callId: number; day: string };
    const scorecard = fs.readFileSync(path.join(ROOT, 'content', 'scorecard.yaml'), 'utf8');
    const itemIds = [...scorecard.matchAll(/^ {2}- id: ([a-z_]+)\n {4}title:/gm)].map((m) => m[1]!);
    const version = Number(/^version: (\d+)/m.exec(scorecard)![1]);
    const reviewed = await act(
      world.contexts.mentor2,
      'app/(app)/trainees/[id]/calls/[day]/[callId]/review/actions.ts#submitMentorReviewAction',
      json({
        traineeId: t4,
        callId: call.callId,
        review: { scorecardVersion: version, items: Object.fromEntries(itemIds.map((id) => [id, { rating: 'met', comment: XSS }])), critical: {}, note: XSS },
      }),
      `/trainees/${t4}/calls/${call.day}/${call.callId}/review`,
    );
    expect(outcomeOf(reviewed), reviewed.text.slice(0, 300)).toMatchObject({ ok: true });
    const reviewUrl = `/trainees/${t4}/calls/${call.day}/${call.callId}/review`;
    await expectEscaped(world.contexts.mentor2, reviewUrl);
    await expectEscaped(world.contexts.trainee4, reviewUrl);
    await expectInertInBrowser(browser, world.contexts.trainee4, reviewUrl);

    // A lead excuses a day with markup in the reason: the record's timeline and the change history show it.
    const excused = await act(
      world.contexts.lead,
      'app/(app)/trainees/[id]/actions.ts#excuseAbsence',
      json({ traineeId: t4, date: world.ids.t4.unsampledCallDay, reason: XSS, requestKey: randomUUID() }),
      `/trainees/${t4}`,
    );
    expect(outcomeOf(excused), excused.text.slice(0, 300)).toMatchObject({ ok: true });
    await expectEscaped(world.contexts.lead, `/trainees/${t4}`);
    await expectEscaped(world.contexts.lead, '/lead/history');
    await expectInertInBrowser(browser, world.contexts.lead, `/trainees/${t4}`);
    const csv = await (await world.contexts.lead.get('/lead/history/export')).text();
    expect(csv, 'the CSV quotes the reason as text').toContain('"<img src=x onerror=""window.__xss=1"">');

    // A drill script: the lead puts trainee3 (drills stage) in today's group, trainee3 writes the script.
    const t3 = (world.server.read.prepare(`select t.id from trainees t join users u on u.id = t.user_id where u.username = 'trainee3'`).get() as { id: number }).id;
    const group = await act(
      world.contexts.lead,
      'app/(app)/lead/drills/actions.ts#createDrillGroupFormAction',
      json({ day: world.today, name: `XSS-${randomBytes(3).toString('hex')}`, scenarioId: 'consultation-payment-channels', traineeIds: [t3] }),
      '/lead/drills',
    );
    expect(outcomeOf(group), group.text.slice(0, 300)).toMatchObject({ ok: true });
    const trainee3 = await signedInContext(world.baseURL, 'trainee3');
    const script = await act(trainee3, 'app/(app)/drills/actions.ts#submitDrillScriptFormAction', json({ day: world.today, script: XSS }), '/drills');
    expect(outcomeOf(script), script.text.slice(0, 300)).toMatchObject({ ok: true });
    // The trainee's own script comes back into the form's textarea (filled in the browser, so the HTML
    // carries it only inside the JSON payload, where Next escapes '<' as \u003c).
    const drills = await (await trainee3.get(`/drills?day=${world.today}`)).text();
    expect(drills.includes('<img src=x'), 'the drills page renders the tag').toBe(false);
    await expectInertInBrowser(browser, trainee3, `/drills?day=${world.today}`, /我的话述|My script/);
    await expectEscaped(world.contexts.mentor1, `/trainees/${t3}/shadowing`);

    // An admin names a staff member with markup: the user directory shows the name as text.
    const created = await act(
      world.contexts.admin,
      'app/(app)/admin/users/actions.ts#createStaffUserAction',
      json({ username: `xss${randomBytes(3).toString('hex')}`, displayName: XSS.slice(0, 80), roles: ['mentor'] }),
      '/admin/users',
    );
    expect(outcomeOf(created), created.text.slice(0, 300)).toMatchObject({ ok: true });
    await expectEscaped(world.contexts.admin, '/admin/users');
    await trainee2.dispose();
    await trainee3.dispose();
  });
});
