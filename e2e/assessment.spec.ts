// The assessment gates and certification: qa scores the solo week, a lead confirms a computed fail
// and the plan at once shows the extension and a new solo week; the second week is passed (by a
// lead's override with a reason, since the real week is days away); the probation review is scored
// by the mentor, qa and a lead, signed off, and the certificate downloads and verifies in public.
// Uses trainee11 (冯子健, solo week over, result pending) and trainee15 (唐诗涵, probation over, no
// scores), which no other journey touches.
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, test, uniqueAddress } from './fixtures';

/** Pages opened from `browser` aren't watched by the fixture; any console error there fails the test too. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !(/status of 404/.test(msg.text()) && msg.location().url === page.url())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

async function signedIn(browser: Browser, username: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': uniqueAddress() } });
  const errors = watchConsole(page);
  await signInAs(page, username);
  return { page, errors };
}

test('a failed solo week schedules the extension and a new week at once; the second week is passed', async ({ page, browser }) => {
  // qa opens the queue and scores a call of trainee11's week; the trainee argued with the customer.
  await signInAs(page, 'qa');
  await page.goto('/qa');
  await page.getByRole('link', { name: '冯子健' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('冯子健 · 独立上线考核');
  const soloPath = new URL(page.url()).pathname;
  await expect(page.getByText('待确认结果', { exact: true })).toBeVisible();
  await expect(page.getByText('按考核规则计算：通过。')).toBeVisible();

  await page.getByRole('link', { name: /^为通话 .+ 评分$/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: '按评分表点评' })).toBeVisible();
  const items = page.locator('fieldset.review-item');
  const count = await items.count();
  for (let i = 0; i < count; i++) await items.nth(i).getByLabel('达标', { exact: true }).check();
  await page.getByLabel(/与客户争执或辱骂客户/).check();
  await page.getByLabel('总体评语').fill('客户质疑账单时与客户争执，属于一票否决项。');
  await page.getByRole('button', { name: '提交点评' }).click();
  await expect(page.getByText('评分已保存。')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交点评' })).toHaveCount(0);

  await page.getByRole('link', { name: '返回考核周' }).click();
  await expect(page.getByText('按考核规则计算：未通过。')).toBeVisible();
  await expect(page.getByText('有通话触犯一票否决项')).toBeVisible();
  // qa scores, a lead decides: no result form for qa.
  await expect(page.getByRole('form', { name: '确认按规则计算的结果' })).toHaveCount(0);

  // The lead confirms the computed fail.
  const lead = await signedIn(browser, 'lead');
  await lead.page.goto(soloPath);
  const confirm = lead.page.getByRole('form', { name: '确认按规则计算的结果' });
  await expect(confirm.getByText(/按规则计算为“未通过”/)).toBeVisible();
  await confirm.getByRole('button', { name: '确认：未通过' }).click();

  // At once: the first week failed, the extension week and a second solo week are in the plan.
  await expect(lead.page.getByRole('heading', { name: '第 2 次考核周' })).toBeVisible();
  const results = lead.page.getByRole('region', { name: '考核结果记录' });
  await expect(results.getByRole('listitem').filter({ hasText: '第 1 次考核周' })).toContainText('未通过');
  const timeline = lead.page.getByRole('list', { name: '培训计划时间线' });
  await expect(timeline.getByText('延长监听培训(非独立上线)')).toBeVisible();
  await expect(timeline.getByText('独立上线考核 · 第 2 次')).toBeVisible();
  await expect(lead.page.getByText('尚未开始', { exact: true })).toBeVisible();

  // The second week is days away: the lead records its pass as an override, which needs a reason.
  const override = lead.page.getByRole('form', { name: '记录其他结果（须说明原因）' });
  await expect(override.getByText(/这一考核周尚未开始/)).toBeVisible();
  await override.getByLabel('通过', { exact: true }).check();
  await override.getByRole('button', { name: '记录结果' }).click();
  await expect(override.getByText('此项为必填项。')).toBeVisible();
  await override.getByLabel('原因（必填）').fill('延长期内每日点评均达标，经质检复核提前认定第二次考核通过。');
  await override.getByRole('button', { name: '记录结果' }).click();

  const second = lead.page.getByRole('region', { name: '考核结果记录' }).getByRole('listitem').filter({ hasText: '第 2 次考核周' });
  await expect(second.locator('.badge')).toHaveText('通过');
  await expect(second).toContainText('经质检复核提前认定第二次考核通过');
  const secondBlock = timeline.getByRole('listitem').filter({ hasText: '独立上线考核 · 第 2 次' });
  await expect(secondBlock.locator('.badge', { hasText: /^通过$/ })).toBeVisible();
  await expect(timeline.getByText('试用期内部评定')).toBeVisible();

  // Both sign-offs are in the lead's history, the failure with the extension it caused.
  await lead.page.getByRole('link', { name: '变更记录' }).click();
  await lead.page.getByLabel('学员').selectOption({ label: '冯子健' });
  await lead.page.getByRole('button', { name: '筛选' }).click();
  const rows = lead.page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: '独立上线考核未通过' }).first()).toContainText('李娜');
  await expect(rows.filter({ hasText: '自动安排延长一周监听培训' }).first()).toContainText('系统自动');
  await expect(rows.filter({ hasText: '独立上线考核通过' }).first()).toContainText('经质检复核提前认定第二次考核通过');
  expect(lead.errors).toEqual([]);
  await lead.page.close();
});

test('probation is scored by every assessor, signed off, and the certificate downloads and verifies', async ({ page, browser }) => {
  await signInAs(page, 'qa');
  await page.goto('/qa');
  await page.getByRole('link', { name: '唐诗涵' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('唐诗涵 · 试用期内部评定');
  const probationPath = new URL(page.url()).pathname;
  const certificatePath = probationPath.replace(/\/probation$/, '/certificate');

  // qa scores as qa; a bad score is refused in the browser first.
  const qaForm = page.getByRole('form', { name: '以质检专员身份评分' });
  await qaForm.getByLabel('分数（0–100）').fill('120');
  await qaForm.getByLabel('评语').fill('服务用语规范，质检抽查无违规。');
  await qaForm.getByRole('button', { name: '提交评分' }).click();
  await expect(qaForm.getByText('分数须在 0 到 100 之间。')).toBeVisible();
  await qaForm.getByLabel('分数（0–100）').fill('88');
  await qaForm.getByRole('button', { name: '提交评分' }).click();
  await expect(page.getByRole('form', { name: '以质检专员身份评分' })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: '质检专员' })).toContainText('88');

  // The mentor scores as mentor.
  const mentor = await signedIn(browser, 'mentor1');
  await mentor.page.goto(probationPath);
  const mentorForm = mentor.page.getByRole('form', { name: '以指导客服代表身份评分' });
  await mentorForm.getByLabel('分数（0–100）').fill('90');
  await mentorForm.getByLabel('评语').fill('业务熟练，团队协作好。');
  await mentorForm.getByRole('button', { name: '提交评分' }).click();
  await expect(mentor.page.getByRole('form', { name: '以指导客服代表身份评分' })).toHaveCount(0);
  // Not the mentor's to download.
  expect((await mentor.page.request.get(certificatePath)).status()).toBe(404);

  // The lead enters the other three assessors' scores, then signs off.
  const lead = await signedIn(browser, 'lead');
  await lead.page.goto(probationPath);
  await expect(lead.page.getByRole('heading', { name: '签署评定结果' })).toBeVisible();
  await expect(lead.page.getByText('所有考核主体评分后才能签署。')).toBeVisible();
  for (const [kind, score] of [
    ['部门负责人', '86'],
    ['培训专员', '88'],
    ['网点指导人', '85'],
  ] as const) {
    const form = lead.page.getByRole('form', { name: `代${kind}录入评分` });
    await form.getByLabel('分数（0–100）').fill(score);
    await form.getByLabel('评语').fill(`${kind}：试用期表现达标。`);
    await form.getByRole('button', { name: '提交评分' }).click();
    await expect(lead.page.getByRole('form', { name: `代${kind}录入评分` })).toHaveCount(0);
  }
  // 0.2×86 + 0.3×90 + 0.2×88 + 0.2×88 + 0.1×85 = 87.9
  await expect(lead.page.getByText('加权得分 87.9 分，达到及格线 80 分：通过。')).toBeVisible();
  const signOff = lead.page.getByRole('form', { name: '签署试用期评定' });
  await signOff.getByRole('button', { name: '签署：通过并颁发证书' }).click();

  await expect(lead.page.getByRole('heading', { name: '认证证书' })).toBeVisible();
  const code = ((await lead.page.locator('.certificate-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  await expect(lead.page.getByRole('list', { name: '培训计划时间线' }).getByText('已认证').first()).toBeVisible();

  // The lead downloads the PDF from the page; the trainee may download it too.
  const downloadPromise = lead.page.waitForEvent('download');
  await lead.page.getByRole('link', { name: '下载证书（PDF）' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`唐诗涵-认证证书-${code}.pdf`);
  const response = await lead.page.request.get(certificatePath);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const trainee = await signedIn(browser, 'trainee15');
  const own = await trainee.page.request.get(certificatePath);
  expect(own.status()).toBe(200);
  expect((await own.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // Anyone can check the code, signed in or not, and learns only what the certificate states.
  const visitor = await browser.newPage();
  const visitorErrors = watchConsole(visitor);
  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByText('这是一份真实有效的认证证书。')).toBeVisible();
  await expect(visitor.getByText('唐**')).toBeVisible();
  await expect(visitor.getByText('唐诗涵')).toHaveCount(0);
  await expect(visitor.getByText('坐席新人培训认证项目', { exact: true })).toBeVisible();
  // Typed by hand, in lower case: the same certificate.
  await visitor.goto('/verify');
  await visitor.getByLabel('证书编号').fill(code.toLowerCase().replaceAll('-', ' '));
  await visitor.getByRole('button', { name: '验证' }).click();
  await expect(visitor.getByText('这是一份真实有效的认证证书。')).toBeVisible();
  // A made-up code is refused.
  await visitor.goto('/verify/ABCD-EFGH-JKLM');
  await expect(visitor.getByText('这不是有效的证书编号。')).toBeVisible();
  await expect(visitor.getByText('这是一份真实有效的认证证书。')).toHaveCount(0);
  const anonymous = await visitor.request.get(certificatePath, { maxRedirects: 0 });
  expect(anonymous.headers()['content-type'] ?? '').not.toContain('application/pdf');

  expect([...mentor.errors, ...lead.errors, ...trainee.errors, ...visitorErrors]).toEqual([]);
  for (const p of [mentor.page, lead.page, trainee.page, visitor]) await p.close();
});

test('the history is for leads, filters by kind and exports CSV', async ({ page, browser }) => {
  await signInAs(page, 'lead');
  await page.goto('/lead/history');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('变更记录');
  await page.getByLabel('事件类型').selectOption({ label: '自动安排重新培训' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/kind=retraining_scheduled/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: '郑芳' }).first()).toContainText('系统自动');
  await expect(rows.filter({ hasText: '独立上线考核未通过' })).toHaveCount(0);

  const csv = await page.request.get('/lead/history/export?kind=retraining_scheduled');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = (await csv.body()).toString('utf8');
  expect(text.startsWith('\uFEFF记录时间,生效日期,学员,事件')).toBe(true);
  expect(text).toContain('郑芳');
  expect(text).not.toContain('独立上线考核未通过');

  const trainee = await signedIn(browser, 'trainee1');
  expect((await trainee.page.goto('/lead/history'))?.status()).toBe(404);
  expect((await trainee.page.request.get('/lead/history/export')).status()).toBe(404);
  expect(trainee.errors).toEqual([]);
  await trainee.page.close();
});
