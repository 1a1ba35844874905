import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { SITE_PHOTOS, uploadPhoto } from './activity.ts';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';
import { flyInto, PLAN_FIELDS } from '../flying.ts';
import { PHONE, scrollsSideways } from './phone-helpers.ts';
import { DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { addMonths } from '../../domain/inspections/flying-draw.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';

// The regional flying inspections page (区域飞检) in Chromium: each region's plan of the month, drawing a month, the KPIs by region.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
const today = todayInChina();
const month = today.slice(0, 7);
let east: { regionId: number; inspections: { project: { id: number; code: string } }[] };

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  // given the first start's plans, the east region's supervisor flies into the first of its two projects today
  const manager = await ui.t.login('manager');
  east = (await ui.t.gql(`query ($m: String!) { flyingInspectionPlans(month: $m) { ${PLAN_FIELDS} } }`, { m: month }, manager)).data.flyingInspectionPlans[0];
  const supervisor = await ui.t.login('supervisor');
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(ui.t, supervisor, bytes)));
  await flyInto((q, v) => ui.t.gql(q, v, supervisor), east.inspections[0].project.id, today, 'browser-fly-1', photos);
}, 300_000); // the first start seeds the library, projects and demos: minutes when other suites share the machine

afterEach(async () => {
  // no page may log an error to the console or throw
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('区域飞检 / Regional flying inspections', () => {
  it('shows each region\'s plan of the month with its supervisor and status, and the KPIs by region', async () => {
    const { page, screenshot } = await open('manager');
    await page.getByRole('link', { name: '区域飞检' }).click();
    await page.getByTestId('region-kpis').waitFor();
    await settled(page);
    // three regions, each with two sampled projects; the east one's first done by the supervisor, the second still to inspect
    const plans = page.getByTestId('flying-plan');
    expect(await plans.count()).toBe(3);
    const eastCard = page.getByRole('region', { name: '华东区域' });
    const rows = eastCard.getByTestId('flying-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toContain(east.inspections[0].project.code);
    expect(await rows.nth(0).getByTestId('flying-status').textContent()).toBe('按时完成');
    expect(await rows.nth(1).getByTestId('flying-status').textContent()).toBe('待检查');
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('supervisor');
    expect(await page.getByRole('region', { name: '华南区域' }).getByText('未指派（该区域暂无督导）').count()).toBe(2);
    // the KPI table: one row per region, the east one planned 2, done 1, open 1, one monthly inspection
    const kpi = page.getByTestId('region-kpi-row');
    expect(await kpi.count()).toBe(3);
    const cells = await kpi.nth(0).locator('th, td').allTextContents();
    expect(cells.slice(0, 6)).toEqual(['华东区域', '2', '1', '0', '0', '1']);
    expect(cells[6]).toMatch(/^\d+\.\d% 1 次检查 · \d+ 项$/);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot('flying-regions', { fullPage: true });
  });

  it('draws a month not drawn yet with the button, and reads in English', async () => {
    const { page } = await open('manager');
    await page.goto('/admin/regions');
    await page.getByTestId('region-kpis').waitFor();
    // when the manager picks next month: nothing drawn, a draw button per region
    await page.getByTestId('flying-month').fill(addMonths(month, 1));
    await page.getByTestId('flying-drawn').first().getByText('本月尚未抽取').waitFor();
    expect(await page.getByTestId('flying-draw').count()).toBe(3);
    const eastCard = page.getByRole('region', { name: '华东区域' });
    await eastCard.getByTestId('flying-draw').click();
    // then the east region's sample of next month, dealt to its supervisor, drawn by the manager; no button left there
    await eastCard.getByTestId('flying-row').first().waitFor();
    await settled(page);
    expect(await eastCard.getByTestId('flying-row').count()).toBe(2);
    expect(await eastCard.getByTestId('flying-status').allTextContents()).toEqual(['待检查', '待检查']);
    expect(await eastCard.getByTestId('flying-drawn').textContent()).toMatch(/^由 manager 于 .+ 抽取$/);
    expect(await eastCard.getByTestId('flying-draw').count()).toBe(0);
    const stored = (await ui.t.gql(`query ($r: Int!, $m: String!) { flyingInspectionPlan(regionId: $r, month: $m) { ... on FlyingInspectionPlan { drawnBy inspections { supervisor } } } }`, { r: east.regionId, m: addMonths(month, 1) }, await ui.t.login('manager'))).data.flyingInspectionPlan;
    expect(stored).toEqual({ drawnBy: 'manager', inspections: [{ supervisor: 'supervisor' }, { supervisor: 'supervisor' }] });
    // in English
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Regional flying inspections' }).waitFor();
    await settled(page);
    expect(await eastCard.getByTestId('flying-status').allTextContents()).toEqual(['To inspect', 'To inspect']);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });

  it('shows a supervisor their own region only, without the draw button; the projects\' people not at all', async () => {
    const { page } = await open('supervisor');
    await page.goto('/admin/regions');
    await page.getByTestId('region-kpis').waitFor();
    await settled(page);
    expect(await page.getByTestId('flying-plan').count()).toBe(1);
    expect(await page.getByRole('region', { name: '华东区域' }).count()).toBe(1);
    expect(await page.getByTestId('flying-draw').count()).toBe(0);
    expect(await page.getByTestId('region-kpi-row').count()).toBe(1);
    const pm = await open('pm');
    expect(await pm.page.getByRole('link', { name: '区域飞检' }).count()).toBe(0);
    await pm.page.goto('/admin/regions');
    await pm.page.getByText('您的角色无权访问此页面。').waitFor();
  });

  it('puts the sampled projects on the supervisor\'s phone, done or to inspect, each starting the monthly checklist', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: ui.base, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto('/m/');
      await page.getByLabel('用户名').fill('supervisor');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).tap();
      const flying = page.getByTestId('flying');
      await flying.waitFor();
      // the two sampled projects of the east region: the first done, the second to inspect
      const cards = flying.locator('li');
      expect(await cards.count()).toBe(2);
      expect(await cards.nth(0).locator('.chip').textContent()).toBe('按时完成');
      expect(await cards.nth(1).locator('.chip').textContent()).toBe('待检查');
      expect(await page.getByText(`${month} 抽中的项目，须在当月内完成月度飞行检查`).count()).toBe(1);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
      await page.screenshot({ path: new URL('../artifacts/screenshots/flying-phone.png', import.meta.url).pathname });
      // when the supervisor starts the second: its monthly checklist opens
      await cards.nth(1).getByRole('button', { name: /开始检查/ }).tap();
      await page.waitForURL(/\/m\/inspections\//);
      await page.getByText('月度飞行检查').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
