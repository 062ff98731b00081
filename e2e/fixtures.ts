// Shared fixtures: any console error in the browser fails the test, and `signInAs`
// goes through the real sign-in page (no mocked auth).
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-2026';

let addressCounter = 0;

/** A distinct client address per test keeps one test's failed sign-ins from throttling another's. */
export function uniqueAddress(): string {
  addressCounter += 1;
  return `10.${process.pid % 250}.${Math.floor(addressCounter / 250) % 250}.${addressCounter % 250}`;
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        // A test that asks for a forbidden page expects the document itself to answer 404.
        const isDocument404 = /status of 404/.test(msg.text()) && msg.location().url === page.url();
        // Chromium sometimes asks for /favicon.ico despite the page's <link rel=icon>; that miss is not the app's.
        const isFaviconProbe = msg.location().url.endsWith('/favicon.ico');
        if (!isDocument404 && !isFaviconProbe) errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueAddress() });
    await use(page);
  },
});

export { expect };

export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
