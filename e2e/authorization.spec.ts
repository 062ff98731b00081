import { expect, signInAs, test } from './fixtures';

async function ownRecordPath(page: import('@playwright/test').Page, username: string): Promise<string> {
  await signInAs(page, username);
  await page.goto('/my-plan');
  await expect(page).toHaveURL(/\/trainees\/\d+$/);
  return new URL(page.url()).pathname;
}

test("a trainee cannot open another trainee's record: 404, not the data", async ({ browser }) => {
  const other = await browser.newPage();
  const otherPath = await ownRecordPath(other, 'trainee2');
  await other.close();

  const page = await browser.newPage();
  await signInAs(page, 'trainee1');
  const response = await page.goto(otherPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByText('钱浩')).toHaveCount(0);
  await page.close();
});

test("a mentor opens their mentee's record but not another mentor's mentee", async ({ browser }) => {
  const own = await browser.newPage();
  const menteeOfMentor1 = await ownRecordPath(own, 'trainee1');
  const otherPage = await browser.newPage();
  const menteeOfMentor2 = await ownRecordPath(otherPage, 'trainee2');
  await own.close();
  await otherPage.close();

  const page = await browser.newPage();
  await signInAs(page, 'mentor1');
  expect((await page.goto(menteeOfMentor1))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('赵晓雯');
  expect((await page.goto(menteeOfMentor2))?.status()).toBe(404);
  await page.close();
});

test('a lead sees every trainee of the organisation', async ({ page }) => {
  await signInAs(page, 'lead');
  for (const name of ['赵晓雯', '钱浩', '孙丽', '李明', '周婷', '吴磊', '郑芳', '王俊']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
});

test("a trainee cannot open staff pages", async ({ page }) => {
  await signInAs(page, 'trainee1');
  for (const path of ['/lead', '/mentor', '/qa', '/admin']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
