// Simulation drills (话务模拟演练): a trainee without a group keeps shadowing; the lead forms the
// day's group; the class-A trainee reads the scenario and submits the script; the mentor comments
// and the trainee sees it. Mutates trainee3 (drills, mentor1) only.
import { expect, signInAs, test } from './fixtures';

test('a lead forms a drill group, the trainee submits the script, the mentor comments', async ({ browser }) => {
  // Before the lead forms a group, the trainee in the drills stage is sent back to shadowing.
  const trainee = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAs(trainee, 'trainee3');
  await trainee.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '模拟演练' }).click();
  await expect(trainee.getByRole('heading', { level: 1, name: '话务模拟演练' })).toBeVisible();
  await expect(trainee.getByText('今天你没有被分到演练小组，请继续旁听话务并登记录音。')).toBeVisible();
  await trainee.getByRole('link', { name: '前往旁听记录' }).click();
  await expect(trainee.getByRole('button', { name: '保存这条记录' })).toBeVisible();

  const lead = await browser.newPage();
  await signInAs(lead, 'lead');
  await lead.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '演练分组' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: '演练分组' })).toBeVisible();
  await lead.getByLabel('小组名称').fill('E2E 演练组');
  await lead.getByLabel('演练场景').selectOption({ label: '不熟悉的业务：静音请教同事后再答复（静音查询 · 进阶）' });
  // Bad input: a group needs at least one trainee.
  await lead.getByRole('button', { name: '创建小组' }).click();
  await expect(lead.getByText('请至少选择一名学员。')).toBeVisible();
  await lead.getByRole('checkbox', { name: /孙丽/ }).check();
  await lead.getByRole('button', { name: '创建小组' }).click();
  await expect(lead.getByText('小组已创建。')).toBeVisible();
  const group = lead.getByRole('article', { name: 'E2E 演练组' });
  await expect(group.getByText('组员：孙丽')).toBeVisible();
  await expect(group.getByText('话述 0 / 1')).toBeVisible();
  await expect(lead.getByRole('checkbox', { name: /孙丽/ })).toBeDisabled();

  await trainee.goto('/drills');
  await expect(trainee.getByRole('heading', { name: /的演练：E2E 演练组/ })).toBeVisible();
  await expect(trainee.getByRole('heading', { name: '不熟悉的业务：静音请教同事后再答复' })).toBeVisible();
  await expect(trainee.getByRole('region', { name: '关键话术' }).getByText('我正在帮您查询，请您稍等！')).toBeVisible();
  await expect(trainee.getByText('何女士', { exact: true })).toBeVisible();
  await trainee.getByRole('button', { name: '提交话述' }).click();
  await expect(trainee.getByText('此项为必填项。')).toBeVisible();
  await trainee.getByLabel('我的话述').fill('坐席：您好，请问有什么可以帮到您？\n坐席：对不起，请您稍等，您暂时听不到我的声音，但请不要挂机，好吗？谢谢。');
  await trainee.getByRole('button', { name: '提交话述' }).click();
  await expect(trainee.getByText('话述已保存，等待导师点评。')).toBeVisible();
  await expect(trainee.getByRole('button', { name: '更新话述' })).toBeVisible();

  await lead.reload();
  await expect(lead.getByRole('article', { name: 'E2E 演练组' }).getByText('话述 1 / 1')).toBeVisible();
  await lead.close();

  const mentor = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAs(mentor, 'mentor1');
  await mentor.getByRole('article', { name: '孙丽' }).getByRole('link', { name: /演练话述待点评/ }).click();
  await expect(mentor.getByRole('heading', { level: 1, name: '孙丽 · 在岗记录' })).toBeVisible();
  const today = mentor.getByRole('article').filter({ has: mentor.getByText('今天', { exact: true }) });
  await expect(today.getByText(/演练小组：E2E 演练组/)).toBeVisible();
  await expect(today.getByText(/请不要挂机/)).toBeVisible();
  await today.getByRole('button', { name: '保存点评' }).click();
  await expect(today.getByText('此项为必填项。')).toBeVisible();
  await today.getByLabel('导师点评').fill('静音前征得同意做得好；返回时记得先说“让您久等了”。');
  await today.getByRole('button', { name: '保存点评' }).click();
  await expect(today.getByRole('button', { name: '更新点评' })).toBeVisible();
  await mentor.close();

  // The comment closes the script: the trainee reads it and can no longer change the text.
  await trainee.goto('/drills');
  await expect(trainee.getByText('静音前征得同意做得好；返回时记得先说“让您久等了”。')).toBeVisible();
  await expect(trainee.getByRole('button', { name: '更新话述' })).toHaveCount(0);
  await trainee.close();
});
