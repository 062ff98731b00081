import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertApiToken, revokeApiToken } from '@/db/queries/api-tokens';
import { apiTokens, calls, organisations, trainees, userRoles, users } from '@/db/schema';
import { generateApiToken, hashApiToken } from '@/lib/api-auth';
import { createCallsFixture, NOW_MS } from '@/lib/test/calls-fixture';
import { handleCallsImport } from './handler';

const URL_ = 'http://app.example/api/v1/calls';

function setup() {
  const f = createCallsFixture();
  const token = generateApiToken();
  const { id: tokenId } = insertApiToken(f.db, { orgId: f.orgId, name: 'pbx', tokenHash: hashApiToken(token), createdBy: f.actors.admin.userId });
  return { f, token, tokenId };
}

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { host: 'app.example', 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const call = (id: string, extra: Record<string, unknown> = {}) => ({
  callId: id,
  agent: 'trainee',
  startTime: '2026-11-11T09:30:00+08:00',
  durationSec: 95,
  direction: 'inbound',
  recordingUrl: 'https://rec.example/a.mp3',
  ...extra,
});

describe('POST /api/v1/calls', () => {
  it('imports with a valid token, once, scoped to the token organisation, and marks the token used', async () => {
    const { f, token, tokenId } = setup();
    const auth = { authorization: `Bearer ${token}` };
    const first = await handleCallsImport(f.db, post({ calls: [call('API-1'), call('API-2', { durationSec: '20' })] }, auth), NOW_MS);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ imported: 2, alreadyPresent: 0, total: 2 });
    const again = await handleCallsImport(f.db, post({ calls: [call('API-1')] }, auth), NOW_MS);
    expect(await again.json()).toEqual({ imported: 0, alreadyPresent: 1, total: 1 });
    const stored = f.db.select().from(calls).all();
    expect(stored.map((c) => [c.externalId, c.orgId, c.traineeId, c.day])).toEqual([
      ['API-1', f.orgId, f.traineeId, '2026-11-11'],
      ['API-2', f.orgId, f.traineeId, '2026-11-11'],
    ]);
    expect(f.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get()?.lastUsedAt).toBe(NOW_MS);
  });

  it.each([
    ['no Authorization header', {}, 'missing_token'],
    ['a malformed header', { authorization: 'Basic abc' }, 'invalid_token'],
    ['an unknown token', { authorization: `Bearer ${generateApiToken()}` }, 'invalid_token'],
  ])('refuses %s with 401', async (_name, headers, code) => {
    const { f } = setup();
    const response = await handleCallsImport(f.db, post({ calls: [call('X-1')] }, headers), NOW_MS);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({ error: code });
    expect(f.db.select().from(calls).all()).toEqual([]);
  });

  it('refuses a revoked token', async () => {
    const { f, token, tokenId } = setup();
    revokeApiToken(f.db, { orgId: f.orgId, tokenId, at: NOW_MS - 1 });
    const response = await handleCallsImport(f.db, post({ calls: [call('R-1')] }, { authorization: `Bearer ${token}` }), NOW_MS);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token' });
    expect(f.db.select().from(calls).all()).toEqual([]);
  });

  it("refuses a browser request from another site, even with a good token, but accepts the app's own origin", async () => {
    const { f, token } = setup();
    const foreign = await handleCallsImport(f.db, post({ calls: [call('O-1')] }, { authorization: `Bearer ${token}`, origin: 'https://evil.example' }), NOW_MS);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: 'cross_origin' });
    const own = await handleCallsImport(f.db, post({ calls: [call('O-2')] }, { authorization: `Bearer ${token}`, origin: 'http://app.example' }), NOW_MS);
    expect(own.status).toBe(200);
  });

  it('answers 400 with every bad item and writes nothing', async () => {
    const { f, token } = setup();
    const response = await handleCallsImport(
      f.db,
      post({ calls: [call('B-1'), call('B-2', { direction: 'sideways', startTime: 'noon' }), call('B-3', { agent: 'nobody' })] }, { authorization: `Bearer ${token}` }),
      NOW_MS,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_calls',
      issues: [
        { index: 1, field: 'startTime', code: 'invalid_start_time' },
        { index: 1, field: 'direction', code: 'invalid_direction' },
      ],
    });
    // The agent check runs once the rows themselves are valid.
    const unknownAgent = await handleCallsImport(f.db, post({ calls: [call('B-1'), call('B-3', { agent: 'nobody' })] }, { authorization: `Bearer ${token}` }), NOW_MS);
    expect(await unknownAgent.json()).toEqual({ error: 'invalid_calls', issues: [{ index: 1, field: 'agent', code: 'unknown_agent' }] });
    expect(f.db.select().from(calls).all()).toEqual([]);
  });

  it('answers 400 to broken JSON and a wrong shape, 415 to another content type', async () => {
    const { f, token } = setup();
    const auth = { authorization: `Bearer ${token}` };
    expect((await handleCallsImport(f.db, post('{"calls": [', auth), NOW_MS)).status).toBe(400);
    const empty = await handleCallsImport(f.db, post({ calls: [] }, auth), NOW_MS);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toBe('invalid_request');
    expect((await handleCallsImport(f.db, post('callId=1', { ...auth, 'content-type': 'text/plain' }), NOW_MS)).status).toBe(415);
  });

  it("never writes a call for another organisation's trainee", async () => {
    const { f, token } = setup();
    const org2 = f.db.insert(organisations).values({ name: 'Other' }).returning().get();
    const u = f.db.insert(users).values({ orgId: org2.id, username: 'foreigner', displayName: 'F', passwordHash: 'x' }).returning().get();
    f.db.insert(userRoles).values({ userId: u.id, role: 'trainee' }).run();
    f.db.insert(trainees).values({ orgId: org2.id, userId: u.id, traineeClass: 'A', cohort: 'x', startDate: '2026-11-02' }).run();
    const response = await handleCallsImport(f.db, post({ calls: [call('F-1', { agent: 'foreigner' })] }, { authorization: `Bearer ${token}` }), NOW_MS);
    expect(response.status).toBe(400);
    expect(f.db.select().from(calls).all()).toEqual([]);
  });
});
