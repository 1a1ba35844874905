import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';

// The customer's voice pages (客户之声) in Chromium: the list with its filters, an item's analysis, recording, importing, clusters, and the heat map's feedback source.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
const FIXTURE = fileURLToPath(new URL('../fixtures/call-centre-export.csv', import.meta.url));

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
}, 300_000);

afterEach(async () => {
  // no page may log an error to the console or throw
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('客户之声 / Customer voice', () => {
  it('lists the demo feedback, shows the rising clusters and leads from a cluster to its items and an item\'s analysis', async () => {
    const { page, screenshot } = await open('manager');
    await page.getByRole('link', { name: '客户之声' }).click();
    await page.getByTestId('feedback-table').waitFor();
    await settled(page);
    expect(await page.getByTestId('feedback-row').count()).toBe(20);
    expect(await page.getByTestId('feedback-total').textContent()).toMatch(/共 \d+ 条/);
    // the clusters: HD01's car park among them, and a type rising across projects
    const clusters = page.getByTestId('cluster-row');
    expect(await clusters.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('feedback-clusters').textContent()).toContain('锦绣江南花园');
    expect(await page.getByTestId('feedback-clusters').textContent()).toMatch(/跨项目（\d+ 个项目）/);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot('feedback-list', { fullPage: true });
    // when following the HD01 cluster's link
    await page.getByTestId('cluster-row').filter({ hasText: '锦绣江南花园' }).first().getByTestId('cluster-items').click();
    await page.waitForURL(/problemType=/);
    // the previous rows stay on screen until the filtered answer arrives: wait for it
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid="feedback-row"] td:nth-child(2)')];
      return cells.length > 0 && cells.every((c) => c.textContent?.startsWith('HD01'));
    }, undefined, { timeout: 30_000 }).catch(() => undefined);
    await settled(page);
    const codes = await page.getByTestId('feedback-row').locator('td:nth-child(2)').allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('HD01'))).toBe(true);
    // then an item shows its analysis with the model version
    await page.getByTestId('feedback-row').first().getByRole('link').click();
    await page.getByTestId('feedback-analysis').waitFor();
    await settled(page);
    expect(await page.getByTestId('feedback-model').textContent()).toMatch(/\S/);
    expect(await page.getByTestId('feedback-priority').textContent()).toMatch(/^P[1-4]$/);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
  });

  it('opens a standard revision from a rising cluster, carrying the cluster as its evidence', async () => {
    const { page } = await open('manager');
    await page.getByRole('link', { name: '客户之声' }).click();
    await page.getByTestId('feedback-clusters').waitFor();
    await settled(page);
    const row = page.getByTestId('cluster-row').filter({ hasText: '锦绣江南花园' }).first();
    await row.getByTestId('cluster-revision').click();
    // a wrong code is refused with the reason, and nothing starts
    await row.getByLabel('作业指导书编号').fill('M99.P99.W999');
    await row.getByLabel('修订理由').fill('地库照明投诉上升，巡检频次需加密');
    await row.getByRole('button', { name: '发起修订' }).click();
    await row.getByRole('alert').waitFor();
    expect(await row.getByTestId('cluster-revision-started').count()).toBe(0);
    // the right code starts the revision, and its evidence is what the reviewer reads
    await row.getByLabel('作业指导书编号').fill('M06.P01.W001');
    await row.getByRole('button', { name: '发起修订' }).click();
    await row.getByTestId('cluster-revision-started').waitFor();
    expect(await row.getByTestId('cluster-revision-started').textContent()).toMatch(/已发起标准修订 #\d+/);
    const instance = Number((await row.getByTestId('cluster-revision-started').getAttribute('href'))!.match(/instances\/(\d+)/)![1]);
    const evidence = await page.evaluate(async (id) => {
      const token = sessionStorage.getItem('pinzhi.token') ?? localStorage.getItem('pinzhi.token');
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: `{ revisionEvidence(instanceId: ${id}) { __typename } }` }) });
      return response.json();
    }, instance);
    expect(evidence.data.revisionEvidence.__typename).not.toMatch(/Error$/);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('records an item and imports an export with its per-row report', async () => {
    const { page } = await open('manager');
    await page.goto(`${ui.base}/admin/feedback`);
    await page.getByTestId('feedback-table').waitFor();
    await page.getByTestId('feedback-record').locator('summary').click();
    await page.getByTestId('record-text').fill('3栋电梯门夹人，老人差点摔倒，再不修就投诉！！');
    await page.getByTestId('record-save').click();
    expect(await page.getByTestId('record-done').textContent()).toMatch(/已登记，优先级 P[1-4]/);
    await page.getByTestId('feedback-import').locator('summary').click();
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await page.getByTestId('import-run').click();
    expect(await page.getByTestId('import-summary').textContent()).toBe('6 行：6 行有效，0 行有误，0 行重复；已导入 6 条');
    // the same file again: every row a duplicate, reported row by row
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-summary').filter({ hasText: '6 行重复' }).waitFor();
    expect(await page.getByTestId('import-row').count()).toBe(6);
    expect(await page.getByTestId('import-report').textContent()).toContain('重复，已跳过');
    await settled(page);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('switches the dashboard\'s heat map to customer feedback, and reads in English', async () => {
    const { page } = await open('manager');
    await page.goto(`${ui.base}/admin/dashboard`);
    await page.getByTestId('heat-source').waitFor();
    await page.getByTestId('heat-source').selectOption('feedback');
    await page.waitForURL(/heat=feedback/);
    await settled(page);
    const cells = page.getByTestId('heat-cell');
    expect(await cells.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('heat-map').textContent()).toContain('客户反馈');
    await page.getByTestId('lang-switch').click();
    await page.goto(`${ui.base}/admin/feedback`);
    await page.getByTestId('feedback-table').waitFor();
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Customer voice' }).count()).toBe(1);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });
});
