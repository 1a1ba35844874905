import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { inspect, SITE_PHOTOS, uploadPhoto } from './activity.ts';
import { launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';

// Findings that can be worked, in a real Chromium: the inbox → a finding's page → the findings list filtered from its address.
jest.setTimeout(180_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
const ids: Record<string, number> = {};

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}


beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  const manager = await ui.t.login('manager');
  const inspector = await ui.t.login('inspector');
  for (const p of (await ui.t.gql('{ projects(first: 100) { ... on ProjectConnection { nodes { id code } } } }', {}, manager)).data.projects.nodes) ids[p.code] = p.id;
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(ui.t, inspector, bytes)));
  await inspect(ui.t, inspector, { projectId: ids.HD01, scope: 'M06.P02', fail: (i) => i.severity !== 'minor', submissionId: 'i14-1', photos });
  await inspect(ui.t, inspector, { projectId: ids.HN02, scope: 'M02.P02', fail: (i) => i.severity === 'critical' || i.input === 'choice', submissionId: 'i14-2', photos });
}, 300_000); // the first start seeds the library, projects and demos: minutes when other suites share the machine

afterEach(async () => {
  // no page may log an error to the console or throw
  const errors = await closePages(pages);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('findings that can be worked', () => {
  it('walks from the inbox to a finding\'s page and on to the findings list filtered from its address', async () => {
    // given: the project manager's inbox, each task with its finding's item, project and severity
    const p = await open('pm');
    await p.page.goto('/admin/tasks?tab=role');
    await settled(p.page);
    const facts = p.page.getByTestId('task-finding-facts');
    expect(await facts.count()).toBeGreaterThan(1);
    expect(await facts.first().textContent()).toMatch(/锦绣江南花园|珠江御景湾/);
    expect(await rawKeysOnPage(p.page, 'zh')).toEqual([]);

    // when: narrowed to one project's critical findings, newest first
    await p.page.getByTestId('inbox-project').selectOption(String(ids.HN02));
    await p.page.waitForURL(/project=\d+/);
    await p.page.getByTestId('inbox-severity').selectOption('critical');
    await p.page.waitForURL(/severity=critical/);
    await settled(p.page);
    // then: only that project's critical findings' tasks
    const narrowed = await p.page.getByTestId('task-finding-facts').allTextContents();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((x) => x.includes('珠江御景湾') && x.includes('严重'))).toBe(true);
    await p.screenshot('i14-inbox');

    // when: a task is opened and its finding followed
    await p.page.locator('[data-testid="task-list"] a').first().click();
    await p.page.getByTestId('task-finding').click();
    await p.page.waitForURL(/\/admin\/findings\/\d+$/);
    await settled(p.page);
    // then: the finding in words — the pinned standard, photos as images, the rectification's diagram and history
    const standard = p.page.getByTestId('finding-facts').getByRole('link').first();
    expect(await standard.getAttribute('href')).toMatch(/\/admin\/standards\/M\d{2}\.P\d{2}\.W\d{3}\?version=\d+$/);
    expect(await p.page.getByTestId('finding-photos').locator('img').count()).toBeGreaterThan(0);
    await p.page.getByTestId('instance-diagram').locator('svg').first().waitFor();
    expect(await p.page.getByTestId('finding-history').locator('li').count()).toBeGreaterThan(0);
    expect(await p.page.locator('main').textContent()).not.toMatch(/[0-9a-f]{64}|finding:\d|\{"/);
    expect(await rawKeysOnPage(p.page, 'zh')).toEqual([]);
    await p.screenshot('i14-finding', { fullPage: true });

    // when: the findings list is opened from an address other pages link to
    await p.page.goto('/admin/findings?region=华南区域&severity=critical&sort=due');
    await settled(p.page);
    // then: exactly the critical findings of the region, as the API lists them
    const api = (await ui.t.gql('{ findings(region: "华南区域", severity: "critical", first: 200) { ... on FindingConnection { totalCount } } }', {}, await ui.t.login('pm'))).data.findings;
    expect(await p.page.getByTestId('finding-row').count()).toBe(api.totalCount);
    expect(await p.page.getByTestId('filter-severity').inputValue()).toBe('critical');
    expect(await p.page.getByTestId('filter-sort').inputValue()).toBe('due');
    expect(await rawKeysOnPage(p.page, 'zh')).toEqual([]);

    // when: a filter changes, then the reader goes back
    await p.page.getByTestId('filter-severity').selectOption('');
    await p.page.waitForURL((url) => !url.searchParams.has('severity'));
    await settled(p.page);
    const wider = await p.page.getByTestId('finding-row').count();
    expect(wider).toBeGreaterThan(api.totalCount);
    await p.page.goBack();
    await p.page.waitForURL(/severity=critical/);
    await settled(p.page);
    // then: the earlier list again
    expect(await p.page.getByTestId('finding-row').count()).toBe(api.totalCount);

    // and the workbook downloads with the same filters
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByTestId('findings-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^findings-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('says what is wrong with a bad filter in the address, in words', async () => {
    const p = await open('manager');
    await p.page.goto('/admin/findings?severity=huge&from=2026-02-30');
    await settled(p.page);
    const alert = p.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('不合格项筛选条件无效');
    expect(await rawKeysOnPage(p.page, 'zh')).toEqual([]);
  });
});
