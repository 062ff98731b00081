// axe-core on the three home pages people open most: the trainee's today page and the mentor's home
// on a phone, the lead's dashboard on a desktop. No serious or critical WCAG 2.1 A/AA violation.
// Read-only: nothing is changed.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

const PHONE = { width: 390, height: 844 };

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`);
}

const pages: { name: string; username: string; path: string; viewport?: { width: number; height: number } }[] = [
  // trainee7: supervised-call retraining, so the page has yesterday's reviews, the timeline and the calendar.
  { name: 'today (retraining, with reviews)', username: 'trainee7', path: '/today', viewport: PHONE },
  // trainee3: a missed day on the calendar.
  { name: 'today (behind)', username: 'trainee3', path: '/today', viewport: PHONE },
  { name: 'today (not started)', username: 'trainee14', path: '/today', viewport: PHONE },
  { name: 'mentor home', username: 'mentor1', path: '/mentor', viewport: PHONE },
  { name: 'lead dashboard', username: 'lead', path: '/lead' },
  { name: 'lead dashboard, filtered, on a phone', username: 'lead', path: '/lead?class=B&stage=solo', viewport: PHONE },
  { name: 'lead dashboard, name search, on a phone', username: 'lead', path: `/lead?q=${encodeURIComponent('孙丽')}`, viewport: PHONE },
  { name: 'lead dashboard, name search refused, on a phone', username: 'lead', path: `/lead?q=${'x'.repeat(41)}`, viewport: PHONE },
];

for (const { name, username, path, viewport } of pages) {
  test(`${name}: no serious or critical accessibility violations`, async ({ page }) => {
    if (viewport) await page.setViewportSize(viewport);
    await signInAs(page, username);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), `${path} as ${username}`).toEqual([]);
  });
}
