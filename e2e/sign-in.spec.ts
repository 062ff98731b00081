import { expect, signInAs, test } from './fixtures';

const HOMES: [username: string, path: string, heading: RegExp][] = [
  ['trainee1', '/today', /今天好/],
  ['mentor1', '/mentor', /我的学员/],
  ['qa', '/qa', /考核队列/],
  ['lead', '/lead', /培训总览/],
  ['admin', '/admin', /系统管理/],
];

for (const [username, path, heading] of HOMES) {
  test(`${username} signs in and lands on the role's home page`, async ({ page }) => {
    await signInAs(page, username);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  });
}

test('a wrong password and an unknown user get the same generic message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('trainee2');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  const generic = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(generic).toHaveText('用户名或密码不正确。');

  await page.getByLabel('用户名').fill('no-such-user');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(generic).toHaveText('用户名或密码不正确。');
  await expect(page).toHaveURL(/\/login/);
});

test('an empty form is refused with field messages in Chinese', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('此项为必填项。')).toHaveCount(2);
});

test('ten failures for one account are refused with a clear message, even with the right password', async ({ page }) => {
  await page.goto('/login');
  for (let i = 0; i < 10; i += 1) {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `192.0.2.${i + 1}` });
    await page.getByLabel('用户名').fill('locked-out-user');
    await page.getByLabel('密码').fill(`guess-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  }
  await page.getByLabel('密码').fill('anything');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('登录失败次数过多,请 15 分钟后再试。');
});

test('an anonymous visitor to any app page is sent to sign-in', async ({ page }) => {
  for (const path of ['/', '/today', '/mentor', '/lead', '/admin', '/trainees/1', '/my-plan']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test('after signing in, the user returns to the page they asked for', async ({ page }) => {
  await page.goto('/lead');
  await expect(page).toHaveURL(/\/login\?next=%2Flead/);
  await page.getByLabel('用户名').fill('lead');
  await page.getByLabel('密码').fill('demo-pass-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL('/lead');
});

test('signing out ends the session', async ({ page }) => {
  await signInAs(page, 'mentor2');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/mentor');
  await expect(page).toHaveURL(/\/login/);
});
