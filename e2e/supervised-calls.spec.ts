// Supervised calls: calls arrive by CSV and by the API, the mentor draws the day's sample and
// reviews a call with the scorecard, the trainee acknowledges. Uses trainee4 (class B, mentor2),
// who is on a supervised-calls day today in the demo seed.
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

const RUN = Date.now().toString(36);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const HEADER = 'call_id,agent,start_time,duration_sec,direction,recording_url';

/** Wall-clock times just after midnight, so they are never in the future whenever the suite runs. */
function csvRow(id: string, minute: number, duration: number, extra: Partial<{ start: string; agent: string }> = {}): string {
  return [id, extra.agent ?? 'trainee4', extra.start ?? `${today} 00:0${minute}:00`, duration, 'inbound', ''].join(',');
}

async function ownCallsPath(page: Page): Promise<string> {
  await signInAs(page, 'trainee4');
  await page.goto('/my-calls');
  await expect(page).toHaveURL(/\/trainees\/\d+\/calls$/);
  return new URL(page.url()).pathname;
}

/** Pages opened from `browser` aren't watched by the fixture; any console error there fails the test too. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !(/status of 404/.test(msg.text()) && msg.location().url === page.url())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

async function upload(page: Page, csv: string): Promise<void> {
  await page.getByLabel('CSV 文件').setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: '检查并预览' }).click();
}

test('a lead imports calls by CSV; a file with one bad row imports nothing and names the row', async ({ page }) => {
  await signInAs(page, 'lead');
  await page.goto('/calls/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入话务' })).toBeVisible();

  const first = `CSV-${RUN}-1`;
  await upload(page, [HEADER, csvRow(first, 1, 120), csvRow(`CSV-${RUN}-2`, 2, 95, { start: 'yesterday morning' })].join('\n'));
  await expect(page.getByRole('alert').filter({ hasText: '发现 1 处错误' })).toContainText('本次没有导入任何通话');
  const issues = page.getByRole('table', { name: '错误明细' });
  await expect(issues.getByRole('row')).toHaveCount(2);
  await expect(issues.getByRole('row').nth(1)).toContainText('3');
  await expect(issues.getByRole('row').nth(1)).toContainText('开始时间');
  await expect(issues.getByRole('row').nth(1)).toContainText('开始时间无法识别');
  await expect(page.getByRole('button', { name: /^导入 \d+ 通新通话$/ })).toHaveCount(0);

  // The corrected file: the good row of the refused file is new, proof the refused file wrote nothing.
  const good = [HEADER, csvRow(first, 1, 120), csvRow(`CSV-${RUN}-2`, 2, 95), csvRow(`CSV-${RUN}-3`, 3, 20)].join('\n');
  await upload(page, good);
  await expect(page.getByRole('status').filter({ hasText: '共 3 行' })).toContainText('新通话 3 通，已导入过 0 通');
  await expect(page.getByRole('table', { name: /^前 3 行/ }).getByRole('cell', { name: '李明' })).toHaveCount(3);
  await page.getByRole('button', { name: '导入 3 通新通话' }).click();
  await expect(page.getByText('导入完成：新导入 3 通，已存在 0 通。')).toBeVisible();

  // The same file again stores nothing twice.
  await page.getByRole('button', { name: '再导入一个文件' }).click();
  await upload(page, good);
  await expect(page.getByRole('status').filter({ hasText: '共 3 行' })).toContainText('新通话 0 通，已导入过 3 通');
  await expect(page.getByRole('button', { name: '导入 0 通新通话' })).toBeDisabled();
});

test('an admin creates an API token; the telephony system pushes calls with it; without it or once revoked it is refused', async ({ page, request }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/tokens');
  const name = `话务系统 ${RUN}`;
  await page.getByLabel('令牌名称').fill(name);
  await page.getByRole('button', { name: '创建令牌' }).click();
  const token = await page.getByLabel('新令牌').inputValue();
  expect(token).toMatch(/^ccat_/);

  const calls = [
    { callId: `API-${RUN}-1`, agent: 'trainee4', startTime: `${today}T00:04:00+08:00`, durationSec: 140, direction: 'inbound' },
    { callId: `API-${RUN}-2`, agent: 'trainee4', startTime: `${today} 00:05:00`, durationSec: 75, direction: 'outbound', recordingUrl: 'https://pbx.example.com/r/2.mp3' },
  ];
  const auth = { Authorization: `Bearer ${token}` };
  const pushed = await request.post('/api/v1/calls', { headers: auth, data: { calls } });
  expect(pushed.status()).toBe(200);
  expect(await pushed.json()).toEqual({ imported: 2, alreadyPresent: 0, total: 2 });
  const again = await request.post('/api/v1/calls', { headers: auth, data: { calls } });
  expect(await again.json()).toEqual({ imported: 0, alreadyPresent: 2, total: 2 });

  const invalid = await request.post('/api/v1/calls', { headers: auth, data: { calls: [{ ...calls[0], callId: `API-${RUN}-3`, direction: 'sideways' }] } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toEqual({ error: 'invalid_calls', issues: [{ index: 0, field: 'direction', code: 'invalid_direction' }] });

  const anonymous = await request.post('/api/v1/calls', { data: { calls } });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: 'missing_token' });
  const foreign = await request.post('/api/v1/calls', { headers: { ...auth, Origin: 'https://evil.example' }, data: { calls } });
  expect(foreign.status()).toBe(403);

  // The list shows when the token was last used.
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('有效')).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).not.toHaveText('—');
  await row.getByRole('button', { name: '吊销' }).click();
  await row.getByRole('button', { name: '确认吊销' }).click();
  await expect(row.getByText(/已于 .* 吊销/)).toBeVisible();
  const revoked = await request.post('/api/v1/calls', { headers: auth, data: { calls } });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toEqual({ error: 'invalid_token' });
});

test("the mentor draws today's sample, the stored seed replays it, a critical item fails a call, the trainee acknowledges", async ({ browser, page }) => {
  const traineePage = await browser.newPage();
  const traineeErrors = watchConsole(traineePage);
  const callsPath = await ownCallsPath(traineePage);
  const dayPath = `${callsPath}/${today}`;

  await signInAs(page, 'mentor2');
  await page.goto(dayPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`李明 · ${today} 的话务抽检`);
  const draw = page.getByRole('button', { name: '抽取今日话务' });
  if (await draw.isVisible()) await draw.click();
  const drawn = page.getByRole('heading', { level: 3, name: /^第 \d 通 · / });
  await expect(drawn).toHaveCount(5);
  const five = await drawn.allTextContents();

  // Drawing is once per day: a fresh visit shows the same five and no draw button.
  await page.reload();
  await expect(page.getByRole('button', { name: '抽取今日话务' })).toHaveCount(0);
  expect(await drawn.allTextContents()).toEqual(five);

  await page.getByRole('button', { name: '核对抽取' }).click();
  await expect(page.getByRole('status').filter({ hasText: '核对一致' })).toBeVisible();

  // Review the first call not yet reviewed.
  await page.getByRole('link', { name: '点评', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: '按评分表点评' })).toBeVisible();
  const callHeading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const callId = callHeading.match(/通话 (\S+) 的点评/)?.[1] ?? '';
  expect(callId).not.toBe('');

  // Nothing rated: every item is flagged before anything is sent.
  await page.getByRole('button', { name: '提交点评' }).click();
  await expect(page.getByText('请为这一项评分。').first()).toBeVisible();

  const items = page.locator('fieldset.review-item');
  const count = await items.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) await items.nth(i).getByLabel('达标', { exact: true }).check();
  await page.getByLabel(/挂断客户电话/).check();
  await expect(page.getByText('触犯一票否决项：不合格')).toBeVisible();
  await page.getByRole('button', { name: '提交点评' }).click();
  await expect(page.getByText('勾选了一票否决项，请在总体评语中写明发生了什么。')).toBeVisible();
  await page.getByLabel('总体评语').fill('客户还在说明情况时就挂断了电话，这是一票否决项。');
  await page.getByRole('button', { name: '提交点评' }).click();

  await expect(page.getByText('点评已保存。')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '不合格。' })).toContainText('触犯一票否决项');
  await expect(page.getByRole('button', { name: '提交点评' })).toHaveCount(0);

  await page.goto(dayPath);
  const reviewed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`${callId}$`) }) });
  await expect(reviewed.getByText(/^不合格 · 100 分$/)).toBeVisible();
  await expect(reviewed.getByText('触犯一票否决项')).toBeVisible();

  // The trainee reads it on their calls page and acknowledges it, once.
  await traineePage.goto('/my-calls');
  await expect(traineePage.getByText(/条导师点评等你查看确认/)).toBeVisible();
  await traineePage.getByRole('link', { name: `${today} · 通话 ${callId}` }).click();
  await expect(traineePage.getByText('客户还在说明情况时就挂断了电话，这是一票否决项。')).toBeVisible();
  await traineePage.getByRole('button', { name: '我已阅读' }).click();
  await expect(traineePage.getByText(/学员已于 .* 确认阅读。/)).toBeVisible();
  await expect(traineePage.getByRole('button', { name: '我已阅读' })).toHaveCount(0);
  await traineePage.close();
  expect(traineeErrors).toEqual([]);
});

test("another mentor cannot open trainee4's calls: 404", async ({ browser, page }) => {
  const own = await browser.newPage();
  const callsPath = await ownCallsPath(own);
  await own.close();

  await signInAs(page, 'mentor1');
  expect((await page.goto(callsPath))?.status()).toBe(404);
  expect((await page.goto(`${callsPath}/${today}`))?.status()).toBe(404);
  await expect(page.getByText('李明')).toHaveCount(0);
});
