import type { Browser } from 'playwright-core';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { launchBrowser } from '../browser/ui-harness.ts';
import { answerInPage, PHONE, plan, signInOnPhone, takePhotos } from '../browser/phone-helpers.ts';
import { freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The phone app against the real server process, started as `npm start` starts it on a fresh
 * store (first start, queue and timers running): an inspector's round taken offline through a
 * reload, synced once when the connection returns.
 */

let store: Store;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready();
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await tearDown(server, store);
});

describe(`the phone app on the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('serves the app, its service worker and manifest at /m, and an inspector\'s round goes through offline, once', async () => {
    for (const [path, type] of [['/m/', 'text/html'], ['/m/sw.js', 'text/javascript'], ['/m/manifest.webmanifest', 'application/manifest+json']] as const) {
      const response = await fetch(`${server.base}${path}`);
      expect([path, response.status, response.headers.get('content-type')?.split(';')[0]]).toEqual([path, 200, type]);
    }
    const inspector = await signedIn(server, 'inspector');
    const day = (await inspector.gql('{ inspectorDay { ... on InspectorDay { rounds { tier project { id code } } projects { code } } } }')).data.inspectorDay;
    expect(day.rounds).toHaveLength(4);
    const round = day.rounds.find((r: { tier: string }) => r.tier === 'daily');
    const items = (await inspector.gql(`{ checklist(projectId: ${round.project.id}, tier: daily) { ... on Checklist { items { id code key title input options evidence severity unit schema criterion { zh en } } } } }`)).data.checklist.items as ChecklistItem[];

    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: server.base, serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInOnPhone(page);
    await page.getByTestId('rounds').locator('li').first().waitFor();
    await page.getByTestId('rounds').locator('li').filter({ hasText: '日常巡检' }).first().getByRole('button').tap();
    await page.getByTestId('progress').waitFor();

    await context.setOffline(true);
    await answerInPage(page, plan(items, new Set()));
    await page.reload();
    await takePhotos(page, items, 0);
    await page.getByText(`已答 ${items.length}/${items.length}`).waitFor();
    await page.getByRole('button', { name: '提交检查' }).tap();
    await page.getByText('已保存，联网后自动提交。').waitFor();

    await context.setOffline(false);
    await page.getByTestId('result').waitFor({ timeout: 60_000 });
    const manager = await signedIn(server, 'manager');
    const today = todayInChina();
    // (the first start's demo assessments of today are not the round's)
    const stored = (await manager.gql(`{ inspections(projectId: ${round.project.id}, from: "${today}", to: "${today}", tiers: [daily, monthly, quarterly]) { ... on InspectionConnection { totalCount nodes { tier inspector findingCount } } } }`)).data.inspections;
    expect(stored.totalCount).toBe(1);
    expect(stored.nodes[0]).toEqual({ tier: 'daily', inspector: 'inspector', findingCount: 0 });
    expect(server.output()).not.toMatch(/Unexpected error/);
    await context.close();
  }, 300_000);
});
