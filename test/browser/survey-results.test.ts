import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';

// The survey results page (调查结果) in Chromium over the first start's demo wave: NPS per project with n and interval, the trend, the key drivers.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
let waveId: number;
const pages: UiPage[] = [];

async function open(username: string, path: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  await p.page.goto(path);
  await settled(p.page);
  return p;
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  const [wave] = await ui.t.em().execute<{ id: number }[]>(`select wave_id as id from survey_response where organisation_id = 1 group by wave_id order by count(*) desc limit 1`);
  waveId = wave.id;
}, 300_000); // the first start seeds the library, projects and demos: minutes when other suites share the machine

afterEach(async () => {
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('调查结果 / Survey results', () => {
  it('shows NPS per project with n and interval, the trend of a project, and the key drivers with their quadrants', async () => {
    const { page, screenshot } = await open('manager', `/admin/surveys/waves/${waveId}/results`);
    await page.getByTestId('nps-table').waitFor();
    // 18 projects and the total, each with a number
    expect(await page.getByTestId('nps-row').count()).toBe(19);
    expect(await page.getByTestId('results-source').textContent()).toMatch(/依据问卷 SV-ANNUAL 第 2 版/);
    const hb01 = page.getByTestId('nps-row').filter({ hasText: 'HB01' });
    // the improving project's quarterly trend: two points, rising
    await hb01.getByTestId('show-trend').click();
    await settled(page);
    expect(await page.getByTestId('trend-title').textContent()).toBe('趋势：HB01');
    const labels = await page.getByTestId('trend-point').locator('text').allTextContents();
    const [first, second] = [Number(labels[1]), Number(labels[3])];
    expect(first).toBeLessThan(0);
    expect(second).toBeGreaterThan(15);
    // the key drivers: weights, the quadrant chart with its four labels, 费用透明 to improve
    expect(await page.getByTestId('driver-bar').count()).toBe(7);
    expect(await page.getByTestId('quadrant-label').allTextContents()).toEqual(['重点改进', '优势保持', '次要改进', '适度维持']);
    expect(await page.getByTestId('driver-row').filter({ hasText: '费用透明' }).textContent()).toContain('重点改进');
    expect(await page.getByTestId('drivers-fit').textContent()).toMatch(/R² = 0\.\d{3}/);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    await screenshot('survey-results');
  });

  it('narrows the key drivers to one project, groups by region, and reads in English', async () => {
    const { page } = await open('manager', `/admin/surveys/waves/${waveId}/results`);
    await page.getByTestId('nps-row').filter({ hasText: 'HD02' }).getByTestId('show-drivers').click();
    await settled(page);
    expect(await page.getByTestId('drivers-scope').textContent()).toContain('HD02');
    await page.getByTestId('results-group').selectOption('region');
    // the rows by project stay on screen until the regions' answer arrives: wait for the regions (three and the total)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="nps-row"]').length < 19, undefined, { timeout: 30_000 }).catch(() => undefined);
    await settled(page);
    expect(await page.getByTestId('nps-row').count()).toBe(4);
    await page.getByTestId('lang-switch').click();
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Survey results' }).count()).toBe(1);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });

  it('shows a project manager of one project only that project', async () => {
    const { page } = await open('pm2', `/admin/surveys/waves/${waveId}/results`);
    await page.getByTestId('nps-table').waitFor();
    const rows = await page.getByTestId('nps-row').locator('th').allTextContents();
    expect(rows).toEqual(['HD01', '合计']);
  });
});
