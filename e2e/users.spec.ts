import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

const RUN = Date.now().toString(36).slice(-5);
let addressSeed = 0;

async function newUserPage(browser: Browser): Promise<Page> {
  addressSeed += 1;
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.88.${addressSeed}.${(Date.now() % 200) + 20}` } });
  return context.newPage();
}

/** The admin creates a staff account with these roles; returns the one-time password. */
async function createStaffUser(page: Page, username: string, name: string, roles: string[]): Promise<string> {
  await page.goto('/admin/users');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('姓名', { exact: true }).fill(name);
  for (const role of roles) await page.getByRole('group', { name: '角色' }).getByLabel(role).check();
  await page.getByRole('button', { name: '创建账号' }).click();
  const created = page.getByRole('status').filter({ hasText: `已创建 ${name} 的账号` });
  await expect(created).toBeVisible();
  return (await created.locator('.one-time-password').textContent()) ?? '';
}

async function openUser(page: Page, username: string, name: string) {
  await page.goto(`/admin/users?q=${username}`);
  await page.getByRole('link', { name: `管理 ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`管理账号：${name}`);
}

/** First sign-in: the one-time password must be replaced before anything else. */
async function firstSignIn(page: Page, username: string, oneTime: string, password: string) {
  await signInAs(page, username, oneTime);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('当前密码').fill(oneTime);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入新密码').fill(password);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/change-password'));
}

test('an admin disables a user and that user’s open session stops working at the next request', async ({ page, browser }) => {
  const username = `qa${RUN}`;
  await signInAs(page, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户与角色' }).click();
  const oneTime = await createStaffUser(page, username, `质检${RUN}`, ['质检专员']);

  const user = await newUserPage(browser);
  await firstSignIn(user, username, oneTime, 'quality-check-71');
  await expect(user).toHaveURL(/\/qa$/);

  await openUser(page, username, `质检${RUN}`);
  await page.getByRole('button', { name: '停用账号' }).click();
  await page.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByText('已停用，对方的登录已失效。')).toBeVisible();

  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  // And the password no longer opens the door.
  await user.getByLabel(/用户名/).fill(username);
  await user.getByLabel(/密码/).fill('quality-check-71');
  await user.getByRole('button', { name: '登录' }).click();
  await expect(user.getByRole('alert')).toBeVisible();
  await expect(user).toHaveURL(/\/login/);
  await user.context().close();
});

test('an admin cannot disable themself or drop their own admin role', async ({ page }) => {
  await signInAs(page, 'admin');
  await openUser(page, 'admin', '王强');
  await expect(page.getByText('这是你自己的账号')).toBeVisible();
  await expect(page.getByRole('button', { name: '停用账号' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: '角色' }).getByLabel('系统管理员')).toBeDisabled();
});

test('an admin changes a user’s roles and the user’s navigation changes', async ({ page, browser }) => {
  const username = `staff${RUN}`;
  const name = `员工${RUN}`;
  await signInAs(page, 'admin');
  const oneTime = await createStaffUser(page, username, name, ['质检专员']);

  const user = await newUserPage(browser);
  await firstSignIn(user, username, oneTime, 'floor-walker-93');
  const nav = user.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '考核队列' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '新学员入职' })).toHaveCount(0);

  await openUser(page, username, name);
  await page.getByRole('group', { name: '角色' }).getByLabel('培训专员').check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('角色已更改，该用户需要重新登录。')).toBeVisible();

  // The role change ends the session; signing in again shows the lead's navigation.
  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  await signInAs(user, username, 'floor-walker-93');
  await expect(nav.getByRole('link', { name: '新学员入职' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '指导关系' })).toBeVisible();
  await expect(user.getByLabel('切换身份')).toBeVisible();
  await user.context().close();
});

test('a lead reassigns a mentor; the old mentor keeps the trainee under past mentees, the new one has them as current', async ({ page, browser }) => {
  const name = `换导师${RUN}`;
  await signInAs(page, 'lead');
  await page.goto('/lead/enrol');
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('用户名', { exact: true }).fill(`move${RUN}`);
  await page.getByLabel('B类（有外呼经验）').check();
  const mentorSelect = page.getByLabel('指导客服代表', { exact: true });
  await mentorSelect.selectOption((await mentorSelect.locator('option', { hasText: '（mentor1）' }).getAttribute('value'))!);
  await page.getByRole('button', { name: '登记入职' }).click();
  await expect(page.getByText(`${name} 已登记入职`)).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '指导关系' }).click();
  await page.getByRole('link', { name: `更换指导 · ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`更换指导客服代表：${name}`);
  const form = page.getByRole('form', { name: '更换指导' });
  const newMentor = form.getByLabel('新的指导客服代表');
  await newMentor.selectOption((await newMentor.locator('option', { hasText: '（mentor2）' }).getAttribute('value'))!);
  await form.getByRole('button', { name: '确认更换' }).click();
  await expect(form.getByText('此项为必填项。')).toBeVisible();
  await form.getByLabel('更换原因（必填）').fill('张伟调往投诉组，改由刘洋指导');
  await form.getByRole('button', { name: '确认更换' }).click();
  await expect(form.getByText(/已更换为 刘洋，自 \d{4}-\d{2}-\d{2} 起生效。/)).toBeVisible();
  const history = page.getByRole('table', { name: '指导历史' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('张伟调往投诉组，改由刘洋指导');
  await expect(history.getByRole('row').nth(2)).toContainText('入职时安排');

  const oldMentor = await newUserPage(browser);
  await signInAs(oldMentor, 'mentor1');
  await oldMentor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的学员' }).click();
  await expect(oldMentor.getByRole('table', { name: '过往学员' }).getByRole('link', { name })).toBeVisible();
  await expect(oldMentor.getByRole('table', { name: '当前学员' }).getByRole('link', { name })).toHaveCount(0);
  // A past mentor still reads the record.
  await oldMentor.getByRole('table', { name: '过往学员' }).getByRole('link', { name }).click();
  await expect(oldMentor.getByRole('heading', { level: 1 })).toHaveText(name);
  await oldMentor.context().close();

  const newMentorPage = await newUserPage(browser);
  await signInAs(newMentorPage, 'mentor2');
  await newMentorPage.goto('/mentor/mentees');
  await expect(newMentorPage.getByRole('table', { name: '当前学员' }).getByRole('link', { name })).toBeVisible();
  await expect(newMentorPage.getByRole('table', { name: '过往学员' }).getByRole('link', { name })).toHaveCount(0);
  await newMentorPage.context().close();
});
