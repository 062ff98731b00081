// The classroom journeys: reading a lesson (trainee1), failing then passing the last module quiz and
// sitting the exam (trainee9, class A), testing out of a module and a lead's waiver (trainee10, class B).
// Correct answers come from the question bank on the Node side, matched by prompt text — never from the page.
import type { Locator, Page } from '@playwright/test';
import { loadAllQuestions, loadModules, type BankQuestion } from '../lib/content/modules';
import { loadProgramSettings } from '../lib/content/program';
import { expect, signInAs, test } from './fixtures';

const BANK = loadAllQuestions();
const MODULES = loadModules();
const SETTINGS = loadProgramSettings();

function questionsWithPrompt(prompt: string): BankQuestion[] {
  const found = BANK.filter((q) => q.prompt === prompt.trim());
  if (found.length === 0) throw new Error(`no question in the bank reads "${prompt}"`);
  return found;
}

/** The option texts to tick: the key's, or (wrong) one option outside the key. */
function optionsToTick(q: BankQuestion, correct: boolean): string[] {
  const ids = correct ? q.answer : [q.options.find((o) => !q.answer.includes(o.id))!.id];
  return ids.map((id) => q.options.find((o) => o.id === id)!.text);
}

/** Answers every question on the paper; `wrong` of them (from the top) on purpose wrongly. */
async function answerPaper(page: Page, { wrong = 0 }: { wrong?: number } = {}) {
  const questions = page.getByRole('group');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  const drawn: BankQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const group = questions.nth(i);
    const prompt = (await group.locator('.quiz-prompt').textContent()) ?? '';
    const q = questionsWithPrompt(prompt)[0]!;
    drawn.push(q);
    for (const text of optionsToTick(q, i >= wrong)) await tick(group, text);
  }
  return drawn;
}

async function tick(group: Locator, optionText: string) {
  await group.getByLabel(optionText, { exact: true }).check();
}

async function ownTraineeId(page: Page): Promise<number> {
  await page.goto('/my-plan');
  await expect(page).toHaveURL(/\/trainees\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

test('a trainee reads a lesson, served as static HTML, and marks it read', async ({ page }) => {
  const mod = MODULES[0]!;
  const lesson = mod.lessons[0]!;
  await signInAs(page, 'trainee1');
  await page.getByRole('link', { name: '课堂学习' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '课堂学习' })).toBeVisible();
  await page.getByRole('link', { name: mod.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: mod.title })).toBeVisible();
  await page.getByRole('link', { name: lesson.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

  await page.getByRole('button', { name: '我已学完本课' }).click();
  await expect(page.getByText('本课已记入你的学习进度。')).toBeVisible();
  await page.reload();
  await expect(page.getByText('本课已记入你的学习进度。')).toBeVisible();
  await expect(page.getByRole('button', { name: '我已学完本课' })).toHaveCount(0);

  // The lesson is prerendered at build time and served from Next's static output, unlike a dynamic page.
  const lessonResponse = await page.request.get(`/classroom/${mod.id}/${lesson.id}`);
  expect(lessonResponse.status()).toBe(200);
  expect(lessonResponse.headers()['x-nextjs-cache']).toBe('HIT');
  const dynamicResponse = await page.request.get('/classroom');
  expect(dynamicResponse.status()).toBe(200);
  expect(dynamicResponse.headers()['x-nextjs-cache']).toBeUndefined();

  await page.goto(`/classroom/${mod.id}`);
  await expect(page.getByText(`已学 1/${mod.lessons.length} 课`)).toBeVisible();
});

test.describe.serial('class A: the last module quiz completes the classroom, then the exam', () => {
  const lastModule = MODULES.at(-1)!;

  test('fails the quiz, retakes it, passes, and the classroom stage completes', async ({ page }) => {
    await signInAs(page, 'trainee9');
    await page.goto('/classroom');
    await expect(page.getByText('还有 1 个模块未完成。')).toBeVisible();
    await page.getByRole('link', { name: lastModule.title }).click();
    await page.getByRole('button', { name: '开始模块测验' }).click();
    await expect(page).toHaveURL(/\/classroom\/attempts\/\d+$/);
    const firstAttempt = page.url();

    // The answer key never reaches the browser before the paper is submitted.
    const drawn = await answerPaper(page, { wrong: Number.POSITIVE_INFINITY });
    const html = await page.content();
    const served = await (await page.request.get(firstAttempt)).text();
    expect(served).toContain('self.__next_f.push');
    for (const text of [html, served]) {
      expect(text).not.toContain('"answer"');
      expect(text).not.toContain('\\"answer\\"');
      for (const q of drawn) expect(text).not.toContain(q.explanation);
    }

    await page.getByRole('button', { name: '交卷' }).click();
    await expect(page.getByText('未达到及格分数。')).toBeVisible();
    await expect(page.getByText(drawn[0]!.explanation)).toBeVisible();
    await expect(page.getByText(`本模块还有 ${SETTINGS.classroom.quiz.attemptLimit - 1} 次测验机会。`)).toBeVisible();

    await page.getByRole('button', { name: '重新测验' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/classroom/attempts/') && url.href !== firstAttempt);

    // Answers are saved as the trainee goes: a reload keeps them.
    const retake = await answerPaper(page);
    await expect(page.getByText('答案已自动保存')).toBeVisible();
    await page.reload();
    const firstGroup = page.getByRole('group').first();
    await expect(firstGroup.getByLabel(optionsToTick(retake[0]!, true)[0]!, { exact: true })).toBeChecked();

    await page.getByRole('button', { name: '交卷' }).click();
    await expect(page.getByText('恭喜，测验通过！')).toBeVisible();
    await expect(page.getByText('所有必修模块均已完成，业务集中培训阶段完成！')).toBeVisible();

    await page.goto('/classroom');
    await expect(page.getByText('业务集中培训阶段已完成。接下来请参加业务知识考核。')).toBeVisible();
  });

  test('takes the business-knowledge exam; the result is recorded and visible to the mentor', async ({ page, browser }) => {
    await signInAs(page, 'trainee9');
    const traineeId = await ownTraineeId(page);
    await page.goto('/classroom/exam');
    await page.getByRole('button', { name: '开始考核' }).click();
    await expect(page).toHaveURL(/\/classroom\/attempts\/\d+$/);
    await expect(page.getByRole('timer')).toBeVisible();
    const { questionCount } = SETTINGS.exam;
    const wrong = 4;
    const score = Math.round(((questionCount - wrong) * 1000) / questionCount) / 10;
    const drawn = await answerPaper(page, { wrong });
    expect(drawn).toHaveLength(questionCount);
    await page.getByRole('button', { name: '交卷' }).click();
    await expect(page.getByText('恭喜，测验通过！')).toBeVisible();
    await expect(page.getByText(`${score} 分`).first()).toBeVisible();

    await page.goto('/classroom/exam');
    await expect(page.getByText(`业务知识考核已通过（${score} 分）。`)).toBeVisible();

    const mentor = await browser.newPage();
    await signInAs(mentor, 'mentor1');
    expect((await mentor.goto(`/trainees/${traineeId}/classroom`))?.status()).toBe(200);
    await expect(mentor.getByText('业务集中培训阶段已完成。')).toBeVisible();
    await expect(mentor.getByText(`业务知识考核已通过（${score} 分）。`)).toBeVisible();
    await expect(mentor.getByRole('heading', { name: '豁免模块' })).toHaveCount(0);
    await mentor.close();
  });
});

test('class B: a placement quiz waives a module; a lead waives another with a reason', async ({ page, browser }) => {
  const [placementModule, leadModule] = MODULES;
  await signInAs(page, 'trainee10');
  const traineeId = await ownTraineeId(page);
  await page.goto(`/classroom/${placementModule!.id}`);
  await page.getByRole('button', { name: '参加免修测验' }).click();
  await expect(page).toHaveURL(/\/classroom\/attempts\/\d+$/);
  const attemptPath = new URL(page.url()).pathname;
  await answerPaper(page);
  await page.getByRole('button', { name: '交卷' }).click();
  await expect(page.getByText('免修测验通过，本模块已免修。')).toBeVisible();
  await page.goto('/classroom');
  await expect(page.getByRole('listitem').filter({ hasText: placementModule!.title }).getByText('已免修')).toBeVisible();

  // Only trainee10's own mentor and leads see this record.
  const stranger = await browser.newPage();
  await signInAs(stranger, 'mentor1');
  expect((await stranger.goto(`/trainees/${traineeId}/classroom`))?.status()).toBe(404);
  expect((await stranger.goto(attemptPath))?.status()).toBe(404);
  await stranger.close();

  const lead = await browser.newPage();
  await signInAs(lead, 'lead');
  await lead.goto(`/trainees/${traineeId}/classroom`);
  await expect(lead.getByText('通过免修测验')).toBeVisible();
  await lead.getByLabel('模块', { exact: true }).selectOption({ label: leadModule!.title });
  await lead.getByLabel('豁免原因').fill('在原单位做过三年外呼，已掌握该模块内容');
  await lead.getByRole('button', { name: '确认豁免' }).click();
  await expect(lead.getByText('培训专员豁免：在原单位做过三年外呼，已掌握该模块内容')).toBeVisible();
  await lead.close();

  await page.goto('/classroom');
  await expect(page.getByRole('listitem').filter({ hasText: leadModule!.title }).getByText('已免修')).toBeVisible();
  await expect(page.getByText(`还有 ${MODULES.length - 2} 个模块未完成。`)).toBeVisible();
});
