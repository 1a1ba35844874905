import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, type UiPage, type UiServer } from './ui-harness.ts';
import { solidPng } from '../../server/seed/png.ts';
import { sendExpiryWarnings } from '../../domain/qualifications/qualification-warnings.service.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';

// On-site coaching and qualifications in Chromium: the demo's records, recording a visit with a photo, the warnings and certificates.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  // the daily job's work for today (the product test runs it from the queue)
  await sendExpiryWarnings(ui.t.em(), todayInChina());
}, 300_000); // the first start seeds the library, projects and demo activity

afterEach(async () => {
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('现场指导 / Coaching', () => {
  it('lists the demo visits and records a new one with a photo', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'inspector');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '标准落地' }).click();
    await page.getByTestId('landing-tabs').getByRole('link', { name: '现场指导' }).click();
    await page.getByRole('heading', { name: '现场指导', level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="coaching-row"]').length === 4);
    expect(await page.getByTestId('coaching-list').textContent()).toContain('M03.P06.W025');
    // photos load behind the token
    await page.locator('[data-testid="coaching-row"] img').first().waitFor();
    // when the inspector records a visit with a photo
    await page.getByText('记录现场指导').click();
    await page.getByTestId('coaching-code').fill('M03.P06.W025');
    await page.getByTestId('coaching-notes').fill('复查余氯检测：取样深度已按要求执行');
    await page.getByTestId('coaching-people').fill('保洁员 王芳，保洁员 刘涛');
    await page.getByTestId('coaching-photos').setInputFiles({ name: 'pool.png', mimeType: 'image/png', buffer: solidPng(64, 48, [40, 120, 200]) });
    await page.getByTestId('coaching-save').click();
    await page.getByTestId('coaching-done').waitFor();
    // then it heads the list, with its photo and the people coached
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="coaching-row"]').length === 5);
    const first = page.getByTestId('coaching-row').first();
    expect(await first.textContent()).toContain('复查余氯检测');
    expect(await first.textContent()).toContain('保洁员 王芳、保洁员 刘涛');
    await first.locator('img').waitFor();
    expect(await first.locator('img').count()).toBe(1);
    // a bad code is refused with the reason
    await page.getByTestId('coaching-code').fill('M99.P99.W999');
    await page.getByTestId('coaching-notes').fill('无效编号');
    await page.getByTestId('coaching-save').click();
    await page.getByText('没有已发布的作业指导书 M99.P99.W999').waitFor();
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
  });
});

describe('资质 / Qualifications', () => {
  it('shows one\'s expiry warning, the requirements and everyone\'s certificates; a quality manager adds a requirement', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'inspector');
    await page.goto('/admin/qualifications');
    await page.getByTestId('quals-warning').first().waitFor();
    expect(await page.getByTestId('quals-warnings').textContent()).toMatch(/inspector 的内审员证将于 \d{4}-\d{2}-\d{2} 到期/);
    expect(await page.getByTestId('quals-requirements').textContent()).toContain('泳池水质管理培训证明');
    expect(await page.getByTestId('quals-add').count()).toBe(0);
    const rows = await page.getByTestId('quals-certificate-row').allTextContents();
    expect(rows).toEqual(expect.arrayContaining([expect.stringMatching(/内审员证.*即将到期/), expect.stringMatching(/泳池水质管理培训证明.*有效/)]));

    const q = await openPage(browser, ui.base);
    pages.push(q);
    await signIn(q.page, 'manager');
    await q.page.goto('/admin/qualifications');
    await q.page.getByTestId('quals-add').waitFor();
    await q.page.getByTestId('quals-subject').selectOption('tier');
    await q.page.getByTestId('quals-target').fill('quarterly');
    await q.page.getByTestId('quals-certificate').fill('内审员证');
    await q.page.getByTestId('quals-add-save').click();
    await q.page.waitForFunction(() => document.querySelectorAll('[data-testid="quals-requirement"]').length === 2);
    expect(await q.page.getByTestId('quals-requirements').textContent()).toContain('内审员证');
    expect(await rawKeysOnPage(q.page, 'zh')).toEqual([]);
  });
});
