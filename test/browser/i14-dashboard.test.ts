import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { inspect, SITE_PHOTOS, uploadPhoto } from './activity.ts';
import { launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, TABLET, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';
import { readWorkbook } from '../xlsx-read.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';

// The dashboard in a real Chromium: samples beside rates, never-inspected projects flagged, a
// readable full-width heat map, drill-down links to the findings, the workbook and the print view.
jest.setTimeout(180_000);

const WIDE = { width: 1440, height: 900 };
const TODAY = todayInChina();
const FROM = todayInChina(new Date(Date.now() - 30 * 86_400_000));

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
let manager: string;
let projectCount: number;
let small: { applicable: number; touchpoints: string[] };

async function open(viewport = WIDE): Promise<UiPage> {
  const p = await openPage(browser, ui.base, viewport);
  pages.push(p);
  await signIn(p.page, 'manager');
  return p;
}


/** A drill-down link's target as path and parameters. */
async function target(page: Page, selector: string): Promise<{ path: string; params: Record<string, string> }> {
  const href = (await page.locator(selector).first().getAttribute('href'))!;
  const url = new URL(href, ui.base);
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  manager = await ui.t.login('manager');
  const inspector = await ui.t.login('inspector');
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(ui.t, inspector, bytes)));
  // one small inspection with one finding in project 1, a larger one with several in project 2
  const { inspectionId } = await inspect(ui.t, inspector, { projectId: 1, scope: 'M03.P01.W002', fail: (i) => i.key === 'cleaningsPerDay', submissionId: 'dash-1', photos });
  await inspect(ui.t, inspector, { projectId: 8, scope: 'M06.P02', fail: (i) => i.severity !== 'minor', submissionId: 'dash-2', photos });
  // and a broad one in project 3 failing everything: findings at many touchpoints, a wide map
  await inspect(ui.t, inspector, { projectId: 3, scope: 'M01.P01', fail: () => true, submissionId: 'dash-3', photos });
  const first = (await ui.t.gql(`{ inspection(id: ${inspectionId}) { ... on Inspection { applicable findings { touchpoints } } } }`, {}, manager)).data.inspection;
  small = { applicable: first.applicable, touchpoints: first.findings[0].touchpoints };
  projectCount = (await ui.t.gql('{ projects { ... on ProjectConnection { totalCount } } }', {}, manager)).data.projects.totalCount;
}, 300_000); // the first start seeds the library, projects and demos: minutes when other suites share the machine

afterEach(async () => {
  const errors = await closePages(pages);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('the dashboard', () => {
  it('shows each rate with its sample, flags never-inspected projects, and links every figure to its findings', async () => {
    const { page, screenshot } = await open();
    await page.goto(`/admin/dashboard?from=${FROM}&to=${TODAY}`);
    await page.getByTestId('heat-map').waitFor();
    await settled(page);

    // the small inspection's rate carries its sample and the small-sample mark
    const byProject = page.getByTestId('rate-by-project');
    const first = byProject.locator('li', { hasText: '锦绣江南花园' });
    const firstRow = await first.textContent();
    expect(firstRow).toContain(`（1次检查 · ${small.applicable}项）`);
    expect(firstRow).toContain('样本小');
    // the projects nobody inspected are listed, flagged, not left out
    expect(await byProject.getByTestId('never-inspected').count()).toBe(projectCount - 3);
    expect(await page.getByTestId('never-count').textContent()).toBe(String(projectCount - 3));
    expect(await byProject.getByTestId('never-inspected').first().textContent()).toContain('未检查');

    // drill-down: a rate, the month, the stats and the KPI counts link to the findings page's URL contract
    const rate = await target(page, '[data-testid="rate-by-project"] li:has-text("锦绣江南花园") a');
    expect(rate).toEqual({ path: '/admin/findings', params: { project: '1', from: FROM, to: TODAY } });
    // a month's findings: the month's days inside the period
    const monthStart = `${TODAY.slice(0, 7)}-01`;
    expect(await target(page, '[data-testid="rate-by-month"] a')).toEqual({ path: '/admin/findings', params: { from: FROM > monthStart ? FROM : monthStart, to: TODAY } });
    const stats = await page.getByTestId('stat-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(stats).toEqual([`/admin/findings?from=${FROM}&to=${TODAY}`, `/admin/findings?from=${FROM}&to=${TODAY}`, `/admin/findings?from=${FROM}&to=${TODAY}&sort=due`, `/admin/findings?from=${FROM}&to=${TODAY}&sort=due`, '/admin/findings?overdue=1&sort=due']);
    expect((await target(page, '[data-testid="kpi-started"]')).params).toEqual({ project: expect.stringMatching(/^[123]$/), from: FROM, to: TODAY });

    // the heat map: a row per project, the unvisited ones flagged, every count a link to its findings
    const heat = page.getByTestId('heat-map');
    expect(await heat.locator('tbody tr[data-testid="heat-row"]').count()).toBe(3);
    expect(await heat.locator('tbody tr[data-testid="heat-row-uninspected"]').count()).toBe(projectCount - 3);
    const cells = await heat.getByTestId('heat-cell').evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, count: Number(a.textContent) })));
    expect(cells.length).toBeGreaterThanOrEqual(small.touchpoints.length + 1);
    for (const cell of cells) {
      const url = new URL(cell.href, ui.base);
      expect(url.pathname).toBe('/admin/findings');
      expect([...url.searchParams.keys()]).toEqual(['project', 'from', 'to', 'touchpoint']);
      expect(cell.count).toBeGreaterThan(0);
    }
    const firstRowCells = cells.filter((c) => new URL(c.href, ui.base).searchParams.get('project') === '1');
    expect(firstRowCells.map((c) => new URL(c.href, ui.base).searchParams.get('touchpoint')).sort()).toEqual([...small.touchpoints].sort());

    // readable: full width at 1440 px, no rotated or vertical text, a legend
    const width = await page.getByTestId('heat-card').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(WIDE.width * 0.9);
    const turned = await heat.evaluate((table) => [...table.querySelectorAll('*')].filter((el) => {
      const style = getComputedStyle(el);
      return style.writingMode !== 'horizontal-tb' || (style.transform !== 'none' && style.transform !== '') || style.rotate !== 'none';
    }).length);
    expect(turned).toBe(0);
    expect(await page.getByTestId('heat-legend').textContent()).toContain('未检查');
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    await screenshot('i14-dashboard', { fullPage: true });
  });

  it('downloads the dashboard as a workbook with the filters applied, and prints on A4 landscape', async () => {
    const { page, screenshot } = await open();
    await page.goto(`/admin/dashboard?from=${FROM}&to=${TODAY}&module=M03`);
    await page.getByTestId('heat-map').waitFor();
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dashboard').click()]);
    expect(download.suggestedFilename()).toBe(`dashboard_${FROM}_${TODAY}.xlsx`);
    const book = readWorkbook(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(book)).toEqual(['执行率（按项目）', '执行率（按月）', '热力图', '整改KPI']);
    expect(book['热力图'][1][0]).toContain('模块：M03');
    // with the module applied, only project 1's finding is on the map
    const heatRows = book['热力图'].slice(4);
    expect(heatRows.filter((r) => Number(r[5]) > 0).map((r) => r[1])).toEqual(['锦绣江南花园']);
    expect(heatRows.filter((r) => r[4] === '未检查')).toHaveLength(projectCount - 1);

    const [kpis] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-kpis').click()]);
    expect(kpis.suggestedFilename()).toBe(`rectification-kpis_project_${FROM}_${TODAY}.xlsx`);

    // the print view: no app chrome nor controls, A4 landscape pages
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('export-dashboard').isVisible()).toBe(false);
    expect(await page.locator('.print-period').textContent()).toBe(`统计期间：${FROM} 至 ${TODAY}`);
    await screenshot('i14-dashboard-print', { fullPage: true });
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Number(box[1])).toBeCloseTo(841.9, 0);
    expect(Number(box[2])).toBeCloseTo(595.3, 0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps the project column in view while the heat map scrolls sideways on a tablet', async () => {
    const { page } = await open(TABLET);
    await page.goto(`/admin/dashboard?from=${FROM}&to=${TODAY}`);
    await page.getByTestId('heat-map').waitFor();
    await settled(page);
    const wrap = page.getByTestId('heat-map-wrap');
    const sizes = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // the page itself does not scroll sideways: only the map's box does
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const before = await page.locator('tbody th.heat-project').first().evaluate((el) => el.getBoundingClientRect().left);
    await wrap.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const after = await page.locator('tbody th.heat-project').first().evaluate((el) => el.getBoundingClientRect().left);
    expect(after).toBe(before);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
  });
});
