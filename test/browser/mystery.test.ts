import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';
import { PHONE, scrollsSideways } from './phone-helpers.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { failingValue, passingValue } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';

// Mystery-customer audits in Chromium: the anonymous single-use link answered on an emulated phone,
// judged into findings, refused the second time; and the manager's Assessments page.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
let tokens: string[];
let projectName: string;
const today = todayInChina();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: ui.base });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Answers item n through the card's own controls: a yes/no or choice button, or the number field. */
async function answer(page: Page, n: number, item: ChecklistItem, value: unknown): Promise<void> {
  const card = page.getByTestId(`mystery-item-${n}`);
  if (item.input === 'boolean') await card.getByRole('button', { name: value ? '是' : '否', exact: true }).click();
  else if (item.input === 'choice') await card.getByRole('button', { name: String(value), exact: true }).click();
  else await card.locator('input[type="number"], textarea').fill(String(value));
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  // given two mystery-customer links of HD01, valid for a week
  const manager = await ui.t.login('manager');
  const project = (await ui.t.em().execute<{ id: number; name: string }[]>(`select id, name from project where code = 'HD01'`))[0];
  projectName = project.name;
  const issued = (await ui.t.gql('mutation ($p: Int!, $e: String!) { issueMysteryLinks(projectId: $p, count: 2, expiresOn: $e) { ... on MysteryLinks { tokens } } }', { p: Number(project.id), e: inDays(7) }, manager)).data.issueMysteryLinks;
  tokens = issued.tokens;
}, 300_000);

afterEach(async () => {
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('神秘客户暗访 / Mystery-customer audits', () => {
  it('lets a mystery customer answer on a phone without an account, judged into findings, once', async () => {
    const checklist = (await ui.t.gql(`query ($t: String!) { mysteryAuditByToken(token: $t) { ... on PublicMysteryAudit { checklist { id items { id input schema options evidence } } } } }`, { t: tokens[0] })).data.mysteryAuditByToken.checklist;
    const items = checklist.items as ChecklistItem[];
    const { context, page, errors } = await phone();
    try {
      // when the customer opens the link
      await page.goto(`/m/${tokens[0]}`);
      await page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
      await page.getByTestId('mystery-item-0').waitFor();
      expect(await page.getByTestId('current-user').count()).toBe(0);
      expect(await page.locator('[data-testid^="mystery-item-"]').count()).toBe(items.length);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
      expect(await unnamedControls(page)).toEqual([]);
      // submitting with nothing answered marks the items and sends nothing
      await page.getByTestId('mystery-submit').click();
      await page.getByText('请回答所有题目后再提交').waitFor();
      expect(Number((await ui.t.em().execute<{ n: string }[]>(`select count(*) as n from inspection where tier = 'mystery'`))[0].n)).toBe(0);
      // the customer answers every item, the first one failing, and submits
      for (const [n, item] of items.entries()) await answer(page, n, item, n === 0 ? failingValue(item) : passingValue(item));
      await page.getByTestId('mystery-submit').click();
      await page.getByTestId('mystery-done').filter({ hasText: '感谢您的暗访' }).waitFor();
      // then the answers were judged as a mystery audit under the link, with the failed item a finding
      const stored = await ui.t.em().execute<{ inspector: string; finding_count: number; tier: string }[]>(`select inspector, finding_count, tier from inspection where tier = 'mystery'`);
      expect(stored).toHaveLength(1);
      expect(stored[0].inspector).toMatch(/^神秘客户#\d+$/);
      expect(Number(stored[0].finding_count)).toBe(1);
      // and the link, opened again, thanks instead of asking
      await page.goto(`/m/${tokens[0]}`);
      await page.getByTestId('mystery-done').filter({ hasText: '该链接已经提交过' }).waitFor();
      expect(await page.locator('[data-testid^="mystery-item-"]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses an unknown link with a clear message', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`/m/${'A'.repeat(22)}`);
      await page.getByRole('alert').filter({ hasText: '该神秘客户链接无效' }).waitFor();
      expect(await page.getByTestId('mystery-submit').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows the manager the assessments page: issue links with a CSV, and the audit with its result', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    await signIn(p.page, 'manager');
    await p.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '标准落地' }).click();
    await p.page.getByTestId('landing-tabs').getByRole('link', { name: '情景考核与神秘客户' }).click();
    await p.page.getByRole('heading', { name: '情景考核与神秘客户', level: 1 }).waitFor();
    // the audit answered above is listed with its findings, and its link reads as used
    await p.page.waitForFunction(() => document.querySelector('[data-testid="assessment-list"]')?.textContent?.includes('神秘客户#'));
    expect(await p.page.getByTestId('assessment-list').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await p.page.getByTestId('mystery-links').getByText('已使用').count()).toBe(1);
    expect(await p.page.getByTestId('assessment-rates').locator('tr[data-kind="mystery"]').textContent()).toContain('1');
    // when the manager issues three links for HD01
    await p.page.getByTestId('mystery-project').selectOption({ label: (await p.page.getByTestId('mystery-project').locator('option', { hasText: 'HD01' }).textContent())! });
    await p.page.getByTestId('mystery-count').fill('3');
    await p.page.getByTestId('mystery-issue').click();
    // then their URLs are shown once, and the list holds them
    await p.page.getByTestId('mystery-issued').waitFor();
    expect(await p.page.getByTestId('mystery-urls').locator('li').count()).toBe(3);
    expect(await p.page.getByTestId('mystery-urls').locator('li').first().textContent()).toMatch(/\/m\/[A-Za-z0-9_-]{22}$/);
    await p.page.waitForFunction(() => document.querySelectorAll('[data-testid="mystery-links"] tbody tr').length === 5);
    expect(await rawKeysOnPage(p.page, 'zh')).toEqual([]);
  });
});
