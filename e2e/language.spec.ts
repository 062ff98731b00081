import { expect, signInAs, test } from './fixtures';

test('the language switch changes the page language and remembers it', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Username').fill('lead');
  await page.getByLabel('Password').fill('demo-pass-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Training overview');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('培训总览');
});

test('a person with several roles switches between their homes', async ({ page }) => {
  await signInAs(page, 'supervisor');
  await expect(page).toHaveURL('/lead');
  await page.getByLabel('切换身份').selectOption('qa');
  await page.getByRole('button', { name: '切换身份' }).click();
  await expect(page).toHaveURL('/qa');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('考核队列');
});
