// Signing in without a browser: the same Auth.js endpoints the sign-in page ends up calling
// (GET /api/auth/csrf, POST /api/auth/callback/credentials), into a Playwright request context
// that then carries the session cookie.
import { expect, request, type APIRequestContext } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-2026';

let counter = 0;
/** A distinct client address per sign-in, so the failure brake of one test never throttles another. */
export function freshAddress(): string {
  counter += 1;
  return `10.${200 + (process.pid % 50)}.${Math.floor(counter / 250) % 250}.${counter % 250}`;
}

export async function anonymousContext(baseURL: string, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return request.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: { 'x-forwarded-for': freshAddress(), ...headers } });
}

/** A request context signed in as `username`; fails the test if sign-in does not set a session cookie. */
export async function signedInContext(
  baseURL: string,
  username: string,
  options: { password?: string; headers?: Record<string, string> } = {},
): Promise<APIRequestContext> {
  const context = await anonymousContext(baseURL, options.headers);
  const csrf = await context.get('/api/auth/csrf');
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password: options.password ?? DEMO_PASSWORD, callbackUrl: `${baseURL}/` },
  });
  expect(response.status(), `sign-in of ${username}`).toBe(302);
  const cookies = await context.storageState();
  const session = cookies.cookies.find((c) => /authjs\.session-token$/.test(c.name));
  expect(session, `session cookie for ${username} (redirected to ${response.headers().location})`).toBeTruthy();
  return context;
}
