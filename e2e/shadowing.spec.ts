// On the floor: a trainee logs the day's recordings on a phone-sized page and sees the day met, the
// mentor confirms it; the mentor records live-listened calls and the coverage follows; a mentor
// can't open another mentor's mentee. Mutates trainee2 (shadowing, mentor2) and trainee5 (extension
// week of supervised calls, mentor1) only.
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

async function traineeRecordPath(page: Page, username: string): Promise<string> {
  await signInAs(page, username);
  await page.goto('/my-plan');
  await expect(page).toHaveURL(/\/trainees\/\d+$/);
  return new URL(page.url()).pathname;
}

test('a trainee logs ten recordings and sees the day met; the mentor confirms it', async ({ browser }) => {
  const trainee = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAs(trainee, 'trainee2');
  await trainee.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '旁听记录' }).click();
  await expect(trainee.getByRole('heading', { level: 1, name: '旁听记录' })).toBeVisible();
  const quota = trainee.getByLabel(/已登记 \d+ 条，每日要求 10 条/);
  await expect(quota).toHaveText('0 / 10');

  // Bad input: every missing field is named, nothing is recorded.
  await trainee.getByRole('button', { name: '保存这条记录' }).click();
  await expect(trainee.getByText('此项为必填项。')).toHaveCount(5);
  await expect(quota).toHaveText('0 / 10');

  await trainee.getByRole('button', { name: '我今天已全天跟随导师在线旁听' }).click();
  await expect(trainee.getByText('已登记在线旁听')).toBeVisible();

  for (let i = 1; i <= 10; i++) {
    await trainee.getByLabel('录音编号或链接').fill(`REC-E2E-${i}`);
    await trainee.getByLabel('被旁听的客服代表').fill('王芳');
    await trainee.getByLabel('话务类型').selectOption({ label: i % 2 ? '业务咨询' : '投诉' });
    await trainee.getByLabel('值得学习的做法').fill('先安抚情绪,再处理问题');
    await trainee.getByLabel('需要改进或我要学习的地方').fill('复述确认客户的诉求');
    await trainee.getByRole('button', { name: '保存这条记录' }).click();
    await expect(quota).toHaveText(`${i} / 10`);
  }
  await expect(trainee.getByRole('heading', { name: '今天的录音记录（10 条）' })).toBeVisible();
  await expect(trainee.locator('.quota-card').getByText('已达标')).toBeVisible();

  // The mentor finds the day in the queue and confirms it, attendance included.
  const mentor = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAs(mentor, 'mentor2');
  await expect(mentor).toHaveURL(/\/mentor$/);
  const card = mentor.getByRole('article', { name: '钱浩' });
  await card.getByRole('link', { name: /旁听记录待确认（录音 10 条，已登记在线旁听）/ }).click();
  await expect(mentor.getByRole('heading', { level: 1, name: '钱浩 · 在岗记录' })).toBeVisible();
  const today = mentor.getByRole('article').filter({ has: mentor.getByText('今天', { exact: true }) });
  await expect(today.getByLabel('学员当天全天跟随我在线旁听')).toBeChecked();
  await today.getByRole('button', { name: '确认这一天' }).click();
  await expect(today.getByText(/已由 刘洋 于 .+ 确认/)).toBeVisible();
  await mentor.goto('/mentor');
  await expect(mentor.getByRole('article', { name: '钱浩' }).getByRole('link', { name: /旁听记录待确认/ })).toHaveCount(0);

  // The confirmed day is final for the trainee.
  await trainee.reload();
  await expect(trainee.getByText('导师已确认今天的记录，不能再修改。')).toBeVisible();
  await expect(trainee.getByRole('button', { name: '保存这条记录' })).toHaveCount(0);
  await expect(trainee.getByText('导师 刘洋 已确认').first()).toBeVisible();
  await trainee.close();
  await mentor.close();
});

test('the mentor records live-listened calls, more than handled is refused, and the coverage follows', async ({ page }) => {
  await signInAs(page, 'mentor1');
  await page.getByRole('article', { name: '周婷' }).getByRole('link', { name: /查看在岗记录/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '周婷 · 在岗记录' })).toBeVisible();
  const coverage = page.getByRole('group', { name: '在线监听覆盖率' }).first();
  await expect(coverage).toBeVisible();
  const countsBefore = (await coverage.getByText(/本阶段已在线监听/).textContent()) ?? '';
  const [, listenedBefore] = countsBefore.match(/已在线监听 (\d+) 通/) ?? [];

  // The latest past day with imported calls.
  const day = page.getByRole('article').filter({ hasText: /当天接听 \d+ 通/ }).first();
  const line = (await day.getByText(/当天接听 \d+ 通/).textContent()) ?? '';
  const [, handled, listened] = line.match(/当天接听 (\d+) 通，已在线监听 (\d+) 通/) ?? [];
  expect(handled, line).toBeTruthy();

  const field = day.getByLabel('在线监听通数');
  await field.fill(String(Number(handled) + 1));
  await day.getByRole('button', { name: '保存' }).click();
  await expect(day.getByText('在线监听的通数不能超过学员当天接听的通数。')).toBeVisible();
  await field.fill('abc');
  await day.getByRole('button', { name: '保存' }).click();
  await expect(day.getByText('请输入 0 或正整数。')).toBeVisible();

  await field.fill(handled!);
  await day.getByRole('button', { name: '保存' }).click();
  await expect(day.getByText(`当天接听 ${handled} 通，已在线监听 ${handled} 通`)).toBeVisible();
  const expected = Number(listenedBefore) + Number(handled) - Number(listened);
  await expect(coverage.getByText(new RegExp(`已在线监听 ${expected} 通`))).toBeVisible();
  await expect(coverage.getByText(/\d+%（要求 ≥ 50%）/)).toBeVisible();
});

test("a mentor can't open another mentor's mentee's days on the floor", async ({ browser }) => {
  const own = await browser.newPage();
  const trainee2 = await traineeRecordPath(own, 'trainee2');
  await own.close();

  const page = await browser.newPage();
  await signInAs(page, 'mentor1');
  expect((await page.goto(`${trainee2}/shadowing`))?.status()).toBe(404);
  await expect(page.getByText('钱浩')).toHaveCount(0);
  await page.goto('/mentor');
  await expect(page.getByRole('article', { name: '钱浩' })).toHaveCount(0);
  await page.close();

  const mentor = await browser.newPage();
  await signInAs(mentor, 'mentor2');
  expect((await mentor.goto(`${trainee2}/shadowing`))?.status()).toBe(200);
  await mentor.close();
});
