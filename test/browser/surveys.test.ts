import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, SCREENSHOTS, type UiPage, type UiServer } from './ui-harness.ts';
import { PHONE, scrollsSideways } from './phone-helpers.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';

// Surveys in Chromium: the household's answering page on a phone (no account), and the manager's survey pages.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
let tokens: string[];
let waveId: number;
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

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  // given a wave of this week asking the demo questionnaire's v2, and links for one project
  const manager = await ui.t.login('manager');
  const wave = (await ui.t.gql(`mutation ($o: String!, $c: String!) { createSurveyWave(questionnaireCode: "SV-ANNUAL", version: 2, name: "本周回访", opensOn: $o, closesOn: $c) { ... on SurveyWave { id } } }`, { o: today, c: inDays(7) }, manager)).data.createSurveyWave;
  waveId = wave.id;
  const project = (await ui.t.em().execute<{ id: number }[]>(`select id from project where code = 'HD01'`))[0];
  tokens = (await ui.t.gql('mutation ($w: Int!, $p: Int!) { generateSurveyLinks(waveId: $w, projectId: $p, count: 2) { ... on SurveyLinks { tokens } } }', { w: waveId, p: Number(project.id) }, manager)).data.generateSurveyLinks.tokens;
}, 300_000); // the first start seeds the library, projects and demo activity: minutes when other suites share the machine

afterEach(async () => {
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('满意度调查 / Surveys', () => {
  it('lets a household answer on a phone without signing in, once', async () => {
    const { context, page, errors } = await phone();
    try {
      // when the household opens the link from the SMS
      await page.goto(`/s/${tokens[0]}`);
      await page.getByRole('heading', { name: '年度业主满意度调查' }).waitFor();
      expect(page.url()).toBe(`${ui.base}/admin/s/${tokens[0]}`);
      expect(await page.getByTestId('current-user').count()).toBe(0);
      expect(await page.locator('fieldset.survey-question').count()).toBe(10);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
      expect(await unnamedControls(page)).toEqual([]);
      // submitting with the required questions unanswered marks them and sends nothing
      await page.getByTestId('survey-submit').tap();
      expect(await page.getByText('请作答此题').count()).toBe(2);
      // answering by tapping the scales and writing a comment
      await page.getByTestId('answer-overall-4').tap();
      await page.getByTestId('answer-recommend-9').tap();
      await page.getByTestId('answer-parking-2').tap();
      await page.getByTestId('answer-comment').fill('地库停车位太紧张');
      await page.screenshot({ path: `${SCREENSHOTS}survey-phone.png`, fullPage: true });
      await page.getByTestId('survey-submit').tap();
      await page.getByTestId('survey-done').getByText('感谢您的宝贵意见！').waitFor();
      // then exactly that response is stored, and opening the link again thanks instead of asking
      const rows = await ui.t.em().execute<{ nps: number; answers: Record<string, unknown> }[]>('select nps, answers from survey_response where wave_id = ?', [waveId]);
      expect(rows).toEqual([{ nps: 9, answers: { overall: 4, recommend: 9, parking: 2, comment: '地库停车位太紧张' } }]);
      await page.reload();
      await page.getByText('此链接已经作答，感谢您的参与。').waitFor();
      expect(await page.getByTestId('survey-submit').count()).toBe(0);
      // in English, and a wrong token says only that the link is not valid
      await page.getByTestId('lang-switch').tap();
      await page.getByText('This link has been answered already. Thank you for taking part.').waitFor();
      await page.goto(`/s/${tokens[1].slice(0, -2)}xx`);
      await page.getByText('This survey link is not valid').waitFor();
      expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the manager the questionnaires, the diff of v1 and v2, and generates links for a wave', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'manager');
    await page.getByRole('link', { name: '满意度调查' }).click();
    await page.getByTestId('questionnaires').waitFor();
    await page.getByRole('link', { name: 'SV-ANNUAL' }).click();
    await page.getByTestId('questionnaire-diff').waitFor();
    await settled(page);
    expect(await page.getByTestId('versions').textContent()).toBe('v1 已发布 · v2 已发布');
    expect(await page.getByTestId('questions').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('questionnaire-diff').locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    await p.screenshot('survey-questionnaire', { fullPage: true });
    // the wave: generate links for a project and read them as CSV
    await page.goto(`/admin/surveys/waves/${waveId}`);
    await page.getByTestId('wave-projects').waitFor();
    await page.getByTestId('links-project').selectOption({ label: 'HD02 ' + (await ui.t.em().execute<{ name: string }[]>(`select name from project where code = 'HD02'`))[0].name });
    await page.getByTestId('links-count').fill('5');
    await page.getByTestId('links-generate').click();
    await page.getByTestId('links-made').waitFor();
    const csv = (await page.getByTestId('links-csv').inputValue()).trim().split(/\r?\n/);
    expect(csv).toHaveLength(6);
    expect(csv[1]).toMatch(new RegExp(`^HD02,[^,]+,${ui.base.replace(/\./g, '\\.')}/s/[A-Za-z0-9_-]{22}$`));
    expect(await page.getByTestId('wave-results').getAttribute('href')).toBe(`/admin/surveys/waves/${waveId}/results`);
    expect(await unnamedControls(page)).toEqual([]);
  });
});
