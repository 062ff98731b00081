import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

// Usernames unique to this run, so the journeys don't depend on each other or on run order.
const RUN = Date.now().toString(36).slice(-5);

async function openEnrolForm(page: Page) {
  await signInAs(page, 'lead');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '新学员入职' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新学员入职' })).toBeVisible();
}

async function chooseMentor(page: Page, label: string, username: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: `（${username}）` }).getAttribute('value');
  await select.selectOption(value!);
}

/** Enrols one trainee through the form; returns the one-time password shown. */
async function enrolWithForm(page: Page, name: string, username: string): Promise<string> {
  await openEnrolForm(page);
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('A类（无外呼经验）').check();
  await chooseMentor(page, '指导客服代表', 'mentor1');
  await page.getByRole('button', { name: '登记入职' }).click();
  const done = page.getByRole('status').filter({ hasText: `${name} 已登记入职` });
  await expect(done).toBeVisible();
  await expect(done.getByText('初始密码只显示这一次')).toBeVisible();
  const password = (await done.locator('.one-time-password').textContent()) ?? '';
  expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
  return password;
}

test('a lead enrols one trainee with the form and sees the one-time password once', async ({ page }) => {
  const name = `表单学员${RUN}`;
  const password = await enrolWithForm(page, name, `form${RUN}`);
  // The form is ready for the next trainee and the same submission can't create a second one.
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');
  await page.getByRole('link', { name: `查看 ${name} 的培训计划` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('list', { name: '培训计划时间线' })).toBeVisible();
  // Shown once: nowhere to be found again.
  await page.goto('/lead/enrol');
  await expect(page.getByText(password)).toHaveCount(0);
});

test('the new trainee signs in with the one-time password, must change it, and lands on their home', async ({ page, browser }) => {
  const username = `first${RUN}`;
  const password = await enrolWithForm(page, `首登学员${RUN}`, username);

  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.77.1.${Math.floor(Math.random() * 200) + 20}` } });
  const trainee = await context.newPage();
  await signInAs(trainee, username, password);
  await expect(trainee).toHaveURL(/\/change-password$/);
  await expect(trainee.getByText('你正在使用一次性初始密码')).toBeVisible();
  // Any other page sends them back here until the password is changed.
  await trainee.goto('/my-plan');
  await expect(trainee).toHaveURL(/\/change-password$/);

  await trainee.getByLabel('当前密码').fill(password);
  await trainee.getByLabel('新密码', { exact: true }).fill('12345678');
  await trainee.getByLabel('再次输入新密码').fill('12345678');
  await trainee.getByRole('button', { name: '保存新密码' }).click();
  await expect(trainee.getByText('这个密码太常见')).toBeVisible();

  await trainee.getByLabel('新密码', { exact: true }).fill('hotline-river-58');
  await trainee.getByLabel('再次输入新密码').fill('hotline-river-58');
  await trainee.getByRole('button', { name: '保存新密码' }).click();
  await trainee.waitForURL(/\/today$/);
  await expect(trainee.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '今日任务' })).toBeVisible();
  // Still signed in, and no longer sent to the change page.
  await trainee.goto('/my-plan');
  await expect(trainee).not.toHaveURL(/change-password/);
  await context.close();
});

function csvOf(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function startDateFromForm(page: Page): Promise<string> {
  return page.getByLabel('入职日期').inputValue();
}

test('a lead enrols 30 trainees from a CSV file; they get plans and a downloadable password list', async ({ page }) => {
  await openEnrolForm(page);
  const start = await startDateFromForm(page);
  await page.getByRole('link', { name: '批量导入（CSV）' }).click();
  const rows = Array.from({ length: 30 }, (_, i) => [
    `批量学员${RUN}-${i + 1}`,
    `wave${RUN}${String(i + 1).padStart(2, '0')}`,
    i % 2 === 0 ? 'A类' : 'B',
    `批次${RUN}`,
    start,
    i % 2 === 0 ? 'mentor1' : 'Mentor2',
  ]);
  await page.getByLabel('新人名单（CSV 文件）').setInputFiles({
    name: 'new-hires.csv',
    mimeType: 'text/csv',
    buffer: csvOf([['姓名', '用户名', '类别', '批次', '入职日期', '指导客服代表'], ...rows]),
  });
  await page.getByRole('button', { name: '检查名单' }).click();
  await expect(page.getByText('共 30 行，全部检查通过。')).toBeVisible();
  await expect(page.getByRole('table', { name: '名单预览：每一行及其问题' }).getByRole('row')).toHaveCount(31);

  await page.getByRole('button', { name: '导入 30 名学员' }).click();
  await expect(page.getByText('已导入 30 名学员')).toBeVisible({ timeout: 30_000 });
  const credentials = page.getByRole('table', { name: '用户名与初始密码' });
  await expect(credentials.getByRole('row')).toHaveCount(31);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载为 CSV' }).click();
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  expect(lines).toHaveLength(31);
  const firstPassword = (await credentials.locator('.one-time-password').first().textContent()) ?? '';
  expect(lines[1]).toBe(`2,批量学员${RUN}-1,wave${RUN}01,${firstPassword}`);

  await credentials.getByRole('link', { name: `查看 批量学员${RUN}-2 的培训计划` }).click();
  await expect(page).toHaveURL(/\/trainees\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`批量学员${RUN}-2`);
  await expect(page.getByRole('list', { name: '培训计划时间线' }).getByRole('listitem').first()).toContainText('业务集中培训');
});

test('a CSV with a duplicate username imports nothing and names the rows', async ({ page }) => {
  await openEnrolForm(page);
  const start = await startDateFromForm(page);
  await page.goto('/lead/enrol/import');
  const header = ['name', 'username', 'class', 'cohort', 'start_date', 'mentor_username'];
  await page.getByLabel('新人名单（CSV 文件）').setInputFiles({
    name: 'dupes.csv',
    mimeType: 'text/csv',
    buffer: csvOf([
      header,
      [`重复甲${RUN}`, `dup${RUN}`, 'A', 'dup', start, 'mentor1'],
      [`重复乙${RUN}`, `solo${RUN}`, 'B', 'dup', start, 'mentor2'],
      [],
      [`重复丙${RUN}`, `DUP${RUN}`, 'A', 'dup', start, 'mentor1'],
    ]),
  });
  await page.getByRole('button', { name: '检查名单' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '共 3 行，其中 2 行有问题' })).toBeVisible();
  const preview = page.getByRole('table', { name: '名单预览：每一行及其问题' });
  await expect(preview.getByRole('row').filter({ hasText: `重复甲${RUN}` })).toContainText('用户名：用户名在文件中重复（与第 5 行相同）。');
  await expect(preview.getByRole('row').filter({ hasText: `重复丙${RUN}` })).toContainText('用户名：用户名在文件中重复（与第 2 行相同）。');
  await expect(page.getByRole('button', { name: /^导入/ })).toHaveCount(0);

  // Nothing was written: no trainee of this file exists.
  await page.goto('/lead/mentors');
  await expect(page.getByRole('table', { name: '学员与指导客服代表' })).toBeVisible();
  await expect(page.getByText(`重复乙${RUN}`)).toHaveCount(0);
});
