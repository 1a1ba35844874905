import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { solidPng } from '../../server/seed/png.ts';
import { LAPTOP, launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, unnamedControls, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';

// The innovation fund in a real Chromium, in Chinese: a frontline employee proposes, the committee reviews in words, the portfolio shows it.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base, LAPTOP);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}


const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
}, 600_000); // the shipped library is imported first: slow on a busy machine

afterEach(async () => {
  const errors = await closePages(pages);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('the innovation fund', () => {
  let proposalId = 0;

  it('lets a frontline employee submit a proposal with a photo, checking the form before and after sending', async () => {
    // given a frontline employee signed in: they start at the fund and see no office pages
    const { page } = await open('frontline');
    await page.waitForURL(/\/admin\/proposals$/);
    expect(await page.locator('#main-nav').textContent()).toContain('创新基金');
    // no standards library nor checklists; only the trainings they are invited to (标准落地)
    expect(await page.locator('#main-nav').textContent()).not.toMatch(/标准库|检查表/);
    // when they open the form and send it empty
    await page.getByTestId('new-proposal').click();
    await page.getByTestId('proposal-form').waitFor();
    await page.getByTestId('submit-proposal').click();
    // then every required field says so, in Chinese
    expect(await page.locator('.field-invalid').count()).toBe(5);
    expect(await mainText(page)).toContain('必填');
    // when they fill it in, with a budget of nothing first
    await page.getByLabel('提案标题').fill('电梯维保透明化');
    await page.getByLabel('要解决的问题').fill('业主不清楚电梯何时维保，故障报修多且重复');
    await page.getByLabel('改进思路').fill('在轿厢张贴维保二维码，扫码可见维保记录');
    await page.getByLabel('预期效果').fill('故障报修量下降三成');
    await page.getByLabel('申请预算（元）').fill('0');
    await page.getByLabel('附件（照片）').setInputFiles({ name: 'lift.png', mimeType: 'image/png', buffer: solidPng(64, 48, [90, 120, 140]) });
    await page.locator('.photos-field img').waitFor();
    await page.getByTestId('submit-proposal').click();
    expect(await mainText(page)).toContain('须大于 0 元');
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByLabel('申请预算（元）').fill('30000');
    await page.getByTestId('submit-proposal').click();
    // then the proposal page shows it as a card, waiting for the screening
    await page.getByTestId('proposal-notice').waitFor();
    await settled(page);
    proposalId = Number(/\/proposals\/(\d+)/.exec(page.url())![1]);
    const card = (await page.getByTestId('proposal-card').textContent()) ?? '';
    expect(card).toContain('电梯维保透明化');
    expect(card).toContain('¥30,000');
    expect(card).toContain('已提交');
    expect(card).toContain('品质部初审');
    await page.getByTestId('proposal-photos').locator('img').waitFor();
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
  });

  it('shows the committee the proposal and the screening in words, never passed true, and takes its decision', async () => {
    // given the quality department screened the proposal
    const manager = await ui.t.login('manager');
    const tasks = (await ui.t.gql('{ tasks(role: true) { ... on WorkflowTaskConnection { nodes { id elementId instance { id } } } } }', {}, manager)).data.tasks.nodes;
    const screening = tasks.find((x: { elementId: string; instance: { id: number } }) => x.elementId === 'screening' && x.instance.id === proposalId);
    expect((await ui.t.gql('mutation ($id: Int!) { completeTask(id: $id, data: { passed: true, comment: "思路可行，请委员会评审" }) { __typename } }', { id: screening.id }, manager)).data.completeTask.__typename).toBe('WorkflowTask');
    // when a committee member opens the review task
    const { page } = await open('committee');
    await page.goto('/admin/tasks');
    await page.getByTestId('task-committee').click();
    await page.getByTestId('proposal-review').waitFor();
    await settled(page);
    // then they read the proposal as a card and the screening as a sentence
    const review = (await page.getByTestId('proposal-review').textContent()) ?? '';
    expect(review).toContain('电梯维保透明化');
    expect(review).toContain('¥30,000');
    expect(review).toContain('品质部初审：通过 — 初审意见：思路可行，请委员会评审');
    expect(review).not.toMatch(/passed|true|false|comment/);
    expect(await page.getByTestId('proposal-review').locator('img').count()).toBe(1);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    // when they approve it with a budget
    await page.getByTestId('form-approved-true').check();
    await page.getByTestId('form-budget').fill('28000');
    await page.getByTestId('form-reviewComment').fill('同意资助，按里程碑拨付');
    await page.getByTestId('complete-task').click();
    await page.getByTestId('task-notice').waitFor();
  });

  it('shows the proposal in the portfolio with the budget granted, and to its proposer in words', async () => {
    // given the committee's portfolio
    const { page } = await open('committee');
    await page.goto('/admin/proposals');
    await page.getByTestId('proposal-list').waitFor();
    await settled(page);
    // then the proposal is approved with its budgets, and the totals count it
    const row = page.getByTestId('proposal-row').filter({ hasText: '电梯维保透明化' });
    expect(await row.textContent()).toMatch(/已批准.*¥30,000.*¥28,000/);
    expect(await page.getByTestId('total-approved').textContent()).toContain('1');
    await page.getByTestId('filter-rejected').click();
    await settled(page);
    expect(await mainText(page)).toContain('暂无提案');
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    // and the proposer reads the committee's decision in words
    const own = await open('frontline');
    await own.page.goto(`/admin/proposals/${proposalId}`);
    await own.page.getByTestId('decisions').waitFor();
    await settled(own.page);
    const decisions = (await own.page.getByTestId('decisions').textContent()) ?? '';
    expect(decisions).toContain('基金委员会评审：通过 — 评审意见：同意资助，按里程碑拨付');
    expect(decisions).toContain('¥28,000');
    expect(await rawKeysOnPage(own.page, 'zh')).toEqual([]);
  });
});
