// getActor's token check: Auth.js's own decode, remembered per token, with the expiry honoured on
// every request (the cache must never keep a session alive past its end).
import { encode } from 'next-auth/jwt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const SALT = 'authjs.session-token';
const SECRET = 'test-secret-for-session-decoding-0123456789';

const previousSecret = process.env.AUTH_SECRET;
beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});
afterAll(() => {
  if (previousSecret === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = previousSecret;
});
afterEach(() => vi.useRealTimers());

async function tokenFor(payload: Record<string, unknown>, maxAge = 3600) {
  return encode({ token: payload, secret: SECRET, salt: SALT, maxAge });
}

describe('session token decoding', () => {
  it('reads a token Auth.js issued, and the same token again from memory', async () => {
    const { decodeOnce } = await import('./session');
    const token = await tokenFor({ uid: 7, sv: 2 });
    expect(await decodeOnce(token, SALT)).toMatchObject({ uid: 7, sv: 2 });
    expect(await decodeOnce(token, SALT)).toMatchObject({ uid: 7, sv: 2 });
  });

  it('refuses a token once it has expired, even one it has read before', async () => {
    const { decodeOnce } = await import('./session');
    const token = await tokenFor({ uid: 8, sv: 1 }, 60);
    expect(await decodeOnce(token, SALT)).toMatchObject({ uid: 8 });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] });
    expect(await decodeOnce(token, SALT)).toBeNull();
  });

  it('rejects a forged or altered token and a token made for the other cookie name', async () => {
    const { decodeOnce } = await import('./session');
    const token = await tokenFor({ uid: 9, sv: 1 });
    const altered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(decodeOnce(altered, SALT)).rejects.toThrow();
    await expect(decodeOnce('not-a-token', SALT)).rejects.toThrow();
    await expect(decodeOnce(token, `__Secure-${SALT}`)).rejects.toThrow();
  });
});
