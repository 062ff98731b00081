// Dashboards: the lead's overview (filters, name search, charts, exports) and the trainee's today page. Mutates
// trainee5 only (three recordings logged on today's extension day); everything else is read.
import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locator } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

/** One column's body cells, found by the header a reader sees. */
async function column(table: Locator, header: string): Promise<Locator> {
  const headers = await table.locator('thead th').allTextContents();
  expect(headers, header).toContain(header);
  return table.locator(`tbody tr > :nth-child(${headers.indexOf(header) + 1})`);
}

test('the lead filters the dashboard to class A, and the CSV and Excel exports hold the table’s rows', async ({ page }) => {
  await signInAs(page, 'lead');
  await expect(page).toHaveURL('/lead');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('培训总览');

  // The charts are pictures with names and numbers, drawn on the server.
  await expect(page.getByRole('img', { name: '各阶段学员人数' })).toBeVisible();
  await expect(page.getByRole('img', { name: '首次考核通过率（按类别）' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/lead-dashboard.png', fullPage: true });

  // One page of the roster, and how many there are in all (other journeys enrol whole cohorts meanwhile).
  const roster = page.getByRole('table', { name: '学员名单' });
  await expect(roster.getByRole('link').first()).toBeVisible();
  await expect(page.locator('[data-range="trainees"]')).toHaveText(/^第 1–\d+ 条，共 [\d,]+ 条/);

  // A plain GET form: the filters are in the address, so the filtered view can be bookmarked.
  await page.getByLabel('类别', { exact: true }).selectOption('A');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(/[?&]class=A(&|$)/);
  await expect(page.getByLabel('类别', { exact: true })).toHaveValue('A');

  const classCells = await column(roster, '类别');
  await expect(classCells.first()).toBeVisible();
  const classes = await classCells.allTextContents();
  expect(classes.length).toBeGreaterThanOrEqual(5);
  expect(new Set(classes)).toEqual(new Set(['A']));
  // 李明 and 郑芳 are class B: nowhere on the filtered page.
  await expect(page.getByText('李明')).toHaveCount(0);
  await expect(page.getByText('郑芳')).toHaveCount(0);

  // Other journeys change trainees while this one runs: compare a table and an export taken together,
  // and take both again if a change slipped in between. The screen shows one page of the table (the
  // first, here), the files every row: the page's rows are the file's first rows, and the count the
  // page states is the file's row count.
  await expect(async () => {
    await page.reload();
    const names = await (await column(roster, '姓名')).allTextContents();
    const stages = await (await column(roster, '当前阶段')).allTextContents();
    const statuses = await (await column(roster, '状态')).allTextContents();
    const range = (await page.locator('[data-range="trainees"]').textContent()) ?? '';
    const [, first, last, total] = range.match(/^第 (\d+)–(\d+) 条，共 ([\d,]+) 条/) ?? [];
    expect([first, Number(last)], range).toEqual(['1', names.length]);
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: /^导出 CSV.*学员名单/ }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^training-trainees-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await fs.readFile(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(Number(total?.replace(/,/g, '')));
    expect(parsed.data.slice(0, names.length).map((r) => [r['姓名'], r['类别'], r['当前阶段'], r['状态']])).toEqual(
      names.map((name, i) => [name, 'A', stages[i], statuses[i]]),
    );
    expect(new Set(parsed.data.map((r) => r['类别']))).toEqual(new Set(['A']));

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: /^导出 Excel.*学员名单/ }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/^training-trainees-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0]!;
    const sheetNames: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) sheetNames.push(String(row.getCell(1).value));
    });
    expect(sheetNames).toEqual(parsed.data.map((r) => r['姓名']));
  }).toPass({ timeout: 30_000 });
});

test('the lead finds a trainee by name without knowing the cohort, and the export holds the same rows', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'lead');
  await expect(page).toHaveURL('/lead');
  const search = page.getByLabel('学员姓名');
  // A thumb-sized field on a phone.
  expect((await search.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  // 孙丽 is trainee3 (cohort 2026-10); no cohort chosen, spaces around the name ignored.
  await search.fill(' 孙丽 ');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=\+%E5%AD%99%E4%B8%BD\+(&|$)/);
  await expect(page).not.toHaveURL(/cohort=[^&]/);
  // The server trims the search: the field, the page's and the exports' links hold it trimmed.
  await expect(search).toHaveValue('孙丽');
  await expect(page.getByRole('status').filter({ hasText: '姓名或用户名包含' })).toHaveText(/^1 名学员的姓名或用户名包含“孙丽”（筛选范围内共 [\d,]+ 名学员）$/);
  // The figures still describe everyone, and the page says so.
  await expect(page.getByText(/^姓名搜索只缩小“学员名单”“进度落后与逾期”“考核未通过及后续安排”三张表/)).toBeVisible();

  const roster = page.getByRole('table', { name: '学员名单' });
  await expect(roster.getByRole('link', { name: '孙丽' })).toBeVisible();
  await expect(await column(roster, '姓名')).toHaveText(['孙丽']);
  await expect(page.locator('[data-range="trainees"]')).toHaveText('第 1–1 条，共 1 条（姓名或用户名包含“孙丽”）');
  await page.screenshot({ path: 'e2e/artifacts/lead-dashboard-search-phone.png', fullPage: true });
  // Her missed shadowing day, and nobody else's.
  const behind = page.getByRole('table', { name: '进度落后与逾期' });
  const behindNames = await (await column(behind, '姓名')).allTextContents();
  expect(behindNames.length).toBeGreaterThanOrEqual(1);
  expect(new Set(behindNames)).toEqual(new Set(['孙丽']));

  // The export links carry the search: the file has the rows on the screen. Another journey may
  // change 孙丽 meanwhile (drills), so the screen and the file are taken together.
  await expect(async () => {
    await page.reload();
    const onScreen = await Promise.all(['姓名', '类别', '批次', '当前阶段', '状态'].map(async (h) => (await column(roster, h)).allTextContents()));
    const link = page.getByRole('link', { name: /^导出 CSV.*学员名单/ });
    await expect(link).toHaveAttribute('href', /^\/lead\/export\/trainees\?q=%E5%AD%99%E4%B8%BD&format=csv$/);
    const download = page.waitForEvent('download');
    await link.click();
    const csv = Papa.parse<Record<string, string>>((await fs.readFile(await (await download).path(), 'utf8')).slice(1), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data.map((r) => [r['姓名'], r['类别'], r['批次'], r['当前阶段'], r['状态']])).toEqual([onScreen.map((cells) => cells[0])]);
    const behindFile = Papa.parse<Record<string, string>>(
      (await (await page.request.get('/lead/export/behind?q=%E5%AD%99%E4%B8%BD&format=csv')).text()).slice(1),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(behindFile.map((r) => r['姓名'])).toEqual(await (await column(behind, '姓名')).allTextContents());
  }).toPass({ timeout: 30_000 });

  // The username finds her too, in any case of Latin letters.
  await search.fill('TRAINEE3');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(roster.getByRole('link', { name: '孙丽' })).toBeVisible();

  // A search that finds nobody says so, and so does its (empty) export.
  await search.fill('无此学员');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page.getByText('没有学员的姓名或用户名包含“无此学员”。请检查拼写，或只输入姓名中的一两个字。')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '姓名或用户名包含' })).toHaveText(/^没有学员的姓名或用户名包含“无此学员”/);
  await expect(page.getByRole('table', { name: '学员名单' })).toHaveCount(0);
  const empty = await page.request.get(`/lead/export/trainees?q=${encodeURIComponent('无此学员')}&format=csv`);
  expect(Papa.parse((await empty.text()).slice(1), { header: true, skipEmptyLines: true }).data).toEqual([]);

  // A search too long to use is refused in words, not ignored silently and not an error page.
  await page.goto(`/lead?q=${'x'.repeat(41)}`);
  await expect(page.getByRole('alert').filter({ hasText: '搜索内容超过 40 个字，未按姓名筛选。请缩短后再搜索。' })).toBeVisible();
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-range="trainees"]')).toHaveText(/^第 1–\d+ 条，共 [\d,]+ 条$/);
  const refused = await page.request.get(`/lead/export/trainees?q=${'x'.repeat(41)}&format=csv`);
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toBe('搜索内容超过 40 个字，未按姓名筛选。请缩短后再搜索。');
  expect((await page.request.get('/lead?q=%00%01')).status()).toBe(200);
});

test('mentor load lists the mentors of the filtered trainees; a page past the end shows the last page', async ({ page }) => {
  await signInAs(page, 'lead');
  // Cohort 2026-08 is 王俊 alone, mentored by 刘洋.
  await page.goto('/lead?cohort=2026-08&trainees-page=9&mentors-page=4');
  const mentors = page.getByRole('table', { name: '导师工作量' });
  await expect(await column(mentors, '指导客服代表')).toHaveText(['刘洋']);
  await expect(page.locator('[data-range="mentors"]')).toHaveText('第 1–1 条，共 1 条');
  const roster = page.getByRole('table', { name: '学员名单' });
  await expect(roster.getByRole('link', { name: '王俊' })).toBeVisible();
  await expect(page.locator('[data-range="trainees"]')).toHaveText('第 1–1 条，共 1 条');
  // One page: no pager, and the export has the same single mentor row.
  await expect(page.getByRole('navigation', { name: /分页$/ })).toHaveCount(0);
  const csv = Papa.parse<Record<string, string>>(
    (await (await page.request.get('/lead/export/mentors?cohort=2026-08&format=csv')).text()).slice(1),
    { header: true, skipEmptyLines: true },
  ).data;
  expect(csv.map((r) => r['指导客服代表'])).toEqual(['刘洋']);
});

test('every dashboard table exports with the filters; a trainee or mentor gets 404', async ({ page, browser }) => {
  await signInAs(page, 'lead');
  await page.goto('/lead?stage=extension');
  const roster = page.getByRole('table', { name: '学员名单' });
  await expect(roster.getByRole('link', { name: '周婷' })).toBeVisible();
  const stages = await (await column(roster, '当前阶段')).allTextContents();
  expect(new Set(stages)).toEqual(new Set(['延长监听培训']));
  // The failure that caused the extension, with the extension's dates.
  const failures = page.getByRole('table', { name: '考核未通过及后续安排' });
  await expect(failures.getByText('延长一周监听培训（非独立上线）')).toBeVisible();
  await expect((await column(failures, '安排日期')).first()).toHaveText(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);

  for (const table of ['trainees', 'behind', 'failures', 'pass-rates', 'certification', 'mentors', 'stages']) {
    const response = await page.request.get(`/lead/export/${table}?stage=extension&format=csv`);
    expect(response.status(), table).toBe(200);
    expect(response.headers()['content-disposition'], table).toMatch(new RegExp(`attachment; filename="training-${table}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
  }
  const trainees = Papa.parse<Record<string, string>>(
    (await (await page.request.get('/lead/export/trainees?stage=extension&format=csv')).text()).slice(1),
    { header: true, skipEmptyLines: true },
  ).data;
  expect(trainees.map((r) => r['姓名'])).toContain('周婷');
  expect(new Set(trainees.map((r) => r['当前阶段']))).toEqual(new Set(['延长监听培训']));
  expect((await page.request.get('/lead/export/nothing?format=csv')).status()).toBe(404);
  expect((await page.request.get('/lead/export/trainees?format=pdf')).status()).toBe(400);

  for (const username of ['trainee1', 'mentor1']) {
    const other = await browser.newPage();
    await signInAs(other, username);
    expect((await other.request.get('/lead/export/trainees?format=csv')).status(), username).toBe(404);
    await other.close();
  }
});

test("the trainee's today page counts the recordings logged on the shadowing page", async ({ browser }) => {
  // A phone, as a trainee uses it every morning.
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await signInAs(page, 'trainee5');
  await expect(page).toHaveURL('/today');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/周婷，今天好/);

  const recordings = page.locator('.today-quota').filter({ hasText: '事后旁听录音' });
  const countText = (await recordings.locator('.today-quota-count').textContent()) ?? '';
  const before = Number(countText.match(/^(\d+) \/ 10$/)?.[1]);
  expect(Number.isInteger(before), countText).toBe(true);
  expect(before).toBeLessThanOrEqual(7);
  await expect(page.getByRole('progressbar', { name: '事后旁听录音' })).toHaveAttribute('aria-valuenow', String(before));

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '旁听记录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '旁听记录' })).toBeVisible();
  const quota = page.getByLabel(/已登记 \d+ 条，每日要求 10 条/);
  for (let i = 1; i <= 3; i++) {
    await page.getByLabel('录音编号或链接').fill(`REC-DASH-${i}`);
    await page.getByLabel('被旁听的客服代表').fill('陈刚');
    await page.getByLabel('话务类型').selectOption({ label: '业务咨询' });
    await page.getByLabel('值得学习的做法').fill('先复述客户问题再解答');
    await page.getByLabel('需要改进或我要学习的地方').fill('查询前先征得客户同意');
    await page.getByRole('button', { name: '保存这条记录' }).click();
    await expect(quota).toHaveText(`${before + i} / 10`);
  }

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '今日任务' }).click();
  await expect(page).toHaveURL('/today');
  await expect(recordings.locator('.today-quota-count')).toHaveText(`${before + 3} / 10`);
  await expect(recordings.getByText('未完成')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '事后旁听录音' })).toHaveAttribute('aria-valuenow', String(before + 3));
  // What to do, from the engine: the recordings still missing today.
  await expect(page.getByRole('region', { name: '今天要做' })).toContainText(`今天还需事后旁听并登记 ${7 - before} 通录音。`);
  // Days left in the extension week, yesterday's reviews, the plan collapsed to now and next, the calendar.
  await expect(page.getByText(/\d+ 个工作日/).first()).toBeVisible();
  const reviews = page.getByRole('region', { name: /上一个工作日.*的点评/ });
  await expect(reviews).toContainText(/导师抽查了 \d+ 通，已点评 \d+ 通/);
  await expect(reviews.getByRole('link', { name: /查看完整点评/ }).first()).toHaveAttribute('href', /\/trainees\/\d+\/calls\/\d{4}-\d{2}-\d{2}\/\d+\/review$/);
  const timeline = page.getByRole('list', { name: '培训计划时间线' });
  await expect(timeline.locator('[aria-current="step"]')).toBeVisible();
  await expect(timeline.locator('.timeline-block.state-done').first()).toBeHidden();
  await expect(page.getByRole('link', { name: '查看完整计划' })).toHaveAttribute('href', '/my-plan');
  const heatmap = page.getByRole('table', { name: /每日达标日历/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.getByText(/达标（/).first()).toBeAttached();
  // The digest links to the full review (the calls feature's page).
  await reviews.getByRole('link', { name: /查看完整点评/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/周婷 · 通话 .+ 的点评/);
  expect(errors).toEqual([]);
  await page.close();
});

test('a missed day shows on the trainee’s calendar and as an alert on the mentor’s home', async ({ page, browser }) => {
  // trainee3 (孙丽) left a shadowing day unmet in the seed.
  const trainee = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAs(trainee, 'trainee3');
  const heatmap = trainee.getByRole('table', { name: /每日达标日历.*未达标 1 天/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.getByText(/：未达标（旁听话务）/)).toHaveCount(1);
  await trainee.close();

  await signInAs(page, 'mentor1');
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: '孙丽' }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('进度落后').first()).toBeVisible();
  await expect(card.getByText(/未达标/).first()).toBeVisible();
});
