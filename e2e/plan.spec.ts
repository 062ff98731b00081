import { expect, signInAs, test } from './fixtures';

// The dashboard's roster shows 25 trainees a page, newest cohort first, and other journeys enrol
// whole cohorts while this one runs: open the trainee's cohort, where they are on the first page.
async function openTrainee(page: import('@playwright/test').Page, name: string, cohort: string) {
  await page.goto(`/lead?cohort=${cohort}`);
  await page.getByRole('table', { name: '学员名单' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('the timeline of a trainee who failed the solo week shows the automatic extension and a new solo week', async ({ page }) => {
  await signInAs(page, 'lead');
  await openTrainee(page, '周婷', '2026-09');
  const timeline = page.getByRole('list', { name: '培训计划时间线' });
  await expect(timeline.getByText('延长监听培训(非独立上线)')).toBeVisible();
  await expect(timeline.locator('[aria-current="step"]')).toContainText('延长监听培训');
  // The failed week, then the extension, then a second solo week.
  await expect(timeline.getByText('未通过')).toBeVisible();
  await expect(timeline.getByText('独立上线考核 · 第 2 次')).toBeVisible();
  await expect(page.getByRole('table').getByText('自动安排延长一周监听培训')).toBeVisible();
  await expect(page.getByRole('table').getByText('系统自动').first()).toBeVisible();
});

test('the trainee sees their own timeline, with the retraining after a failed probation', async ({ page }) => {
  await signInAs(page, 'trainee7');
  await page.goto('/my-plan');
  const timeline = page.getByRole('list', { name: '培训计划时间线' });
  await expect(timeline.locator('[aria-current="step"]')).toContainText('重新培训');
  await expect(page.getByRole('heading', { name: '调整计划' })).toHaveCount(0);
});

test('a lead excuses an absence with a reason and the plan moves by a working day', async ({ page }) => {
  await signInAs(page, 'lead');
  await openTrainee(page, '卫佳琪', '2026-12');
  const firstBlock = page.getByRole('list', { name: '培训计划时间线' }).getByRole('listitem').first();
  const startText = (await firstBlock.locator('.timeline-dates').textContent()) ?? '';
  const firstDay = startText.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';

  const form = page.getByRole('form', { name: '准假' });
  await form.getByLabel('准假日期').fill(firstDay);
  await form.getByRole('button', { name: '记录准假' }).click();
  await expect(form.getByText('此项为必填项。')).toBeVisible();

  await form.getByLabel('原因(必填)').fill('入职体检,培训顺延一天');
  await form.getByRole('button', { name: '记录准假' }).click();
  await expect(form.getByText('已记录,计划已重新计算。')).toBeVisible();
  // The excused first day no longer counts: the classroom now ends a working day later.
  await expect(firstBlock.locator('.timeline-dates')).not.toHaveText(startText);
  await expect(firstBlock.locator('.timeline-dates')).toContainText('已准假 1 天');
  await expect(page.getByRole('table').getByText('入职体检,培训顺延一天')).toBeVisible();
});

test('a lead records the decision for a trainee who failed the solo week twice', async ({ page }) => {
  await signInAs(page, 'lead');
  await openTrainee(page, '陈思远', '2026-09');
  const form = page.getByRole('form', { name: '需要决定' });
  await expect(form).toBeVisible();
  await form.getByLabel('继续培训').check();
  await form.getByLabel('原因(必填)').fill('面谈后学员态度积极,给予最后一次机会。');
  await form.getByRole('button', { name: '记录决定' }).click();
  await expect(page.getByRole('list', { name: '培训计划时间线' }).getByText('延长监听培训(非独立上线)').last()).toBeVisible();
  await expect(page.getByRole('form', { name: '需要决定' })).toHaveCount(0);
});

test('a mentor sees the timeline of a mentee but cannot change the plan', async ({ page }) => {
  await signInAs(page, 'mentor1');
  await page.goto('/lead');
  expect((await page.goto('/lead'))?.status()).toBe(404);
  await page.goto('/mentor');
  await page.getByRole('link', { name: '周婷' }).first().click();
  await expect(page.getByRole('list', { name: '培训计划时间线' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '调整计划' })).toHaveCount(0);
});
