// Signing in through the real Auth.js endpoints, as a browser does: GET /api/auth/csrf (token +
// cookie), then POST the credentials form; the session cookie that comes back is the user's.
import { BENCH_PASSWORD } from './config';

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Returns the Cookie header value of a signed-in session. */
export async function signIn(baseUrl: string, username: string, password = BENCH_PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf: ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiePairs(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiePairs(response).filter((c) => c.startsWith('authjs.session-token'));
  if (session.length === 0) throw new Error(`sign-in of ${username} failed: ${response.status} ${response.headers.get('location') ?? ''}`);
  return session.join('; ');
}

/** Signs in several users a few at a time (each sign-in runs scrypt on the server). */
export async function signInAll(baseUrl: string, usernames: readonly string[], parallel = 4): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  const queue = [...new Set(usernames)];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let username = queue.shift(); username !== undefined; username = queue.shift()) {
        cookies.set(username, await signIn(baseUrl, username));
      }
    }),
  );
  return cookies;
}
