import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, type UiPage, type UiServer } from './ui-harness.ts';
import { createLayerOrganisation, LAYER_DEMO } from '../../server/seed/layers.ts';

// Standards in layers in a real Chromium, in Chinese: the second organisation's quality manager
// opens the lift-car cleaning instruction's 本组织覆盖 tab, tightens 轿厢每日清洁次数 from 3 to 4 as
// an overlay draft and publishes it; the item is then labelled 本组织 with ≥ 4 次/日, while the
// first organisation's manager still reads the baseline's ≥ 3 次/日 on the same tab.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
const PAGE = '/admin/standards/M03.P01.W002';

async function open(username: string): Promise<Page> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p.page;
}

async function expectReadable(page: Page): Promise<void> {
  await settled(page);
  expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
}

async function overlayTab(page: Page): Promise<void> {
  await page.goto(PAGE);
  await page.getByTestId('view-tab-overlay').click();
  await page.getByTestId('layer-table').waitFor();
}

beforeAll(async () => {
  ui = await startUiServer();
  await createLayerOrganisation(ui.t.em(), { overlay: false });
  browser = await launchBrowser();
}, 240_000);

afterEach(async () => {
  const errors = await closePages(pages);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('the organisation overlay tab', () => {
  it("lets the second organisation's quality manager tighten an item, and leaves the first organisation's reading alone", async () => {
    // given the instruction as the second organisation reads it: every item from the baseline
    const jh = await open(LAYER_DEMO.users.manager);
    await overlayTab(jh);
    expect(await jh.getByTestId('layer-cleaningsPerDay').textContent()).toBe('基线');
    expect(await jh.getByTestId('layer-criterion-cleaningsPerDay').textContent()).toBe('≥ 3 次/日');
    await jh.getByText('本组织尚未覆盖此标准').waitFor();
    await expectReadable(jh);

    // when its manager raises the minimum to 4 as a draft, with the reason, and publishes it
    await jh.getByTestId('overlay-item').selectOption('cleaningsPerDay');
    await jh.getByTestId('overlay-bound').selectOption('minimum');
    await jh.getByTestId('overlay-value').fill('4');
    await jh.getByTestId('overlay-note').fill('本公司电梯轿厢每日至少清洁4次');
    await jh.getByTestId('overlay-save').click();
    await jh.getByTestId('overlay-done').getByText('已保存覆盖草稿第 1 版').waitFor();
    await jh.getByTestId('overlay-draft').getByText('本公司电梯轿厢每日至少清洁4次').waitFor();
    expect(await jh.getByTestId('layer-criterion-cleaningsPerDay').textContent()).toBe('≥ 3 次/日'); // a draft changes nothing yet
    await jh.getByTestId('overlay-publish').click();
    await jh.getByTestId('overlay-done').getByText('已发布本组织覆盖第 1 版').waitFor();

    // then the item comes from the organisation's layer, tightened, and the change is listed
    await jh.getByTestId('layer-cleaningsPerDay').getByText('本组织').waitFor();
    expect(await jh.getByTestId('layer-criterion-cleaningsPerDay').textContent()).toBe('≥ 4 次/日');
    expect(await jh.getByTestId('layer-buttonDisinfectionsPerDay').textContent()).toBe('基线');
    await jh.getByText('已应用本组织覆盖第 1 版').waitFor();
    expect(await jh.getByTestId('organisation-overlay').locator('.change-tightened').count()).toBeGreaterThan(0);
    await expectReadable(jh);

    // and the first organisation, which maintains the baseline, still reads 3 from the baseline
    const manager = await open('manager');
    await overlayTab(manager);
    expect(await manager.getByTestId('layer-cleaningsPerDay').textContent()).toBe('基线');
    expect(await manager.getByTestId('layer-criterion-cleaningsPerDay').textContent()).toBe('≥ 3 次/日');
    await expectReadable(manager);
  });

  it('reads in English too', async () => {
    const jh = await open(LAYER_DEMO.users.reviewer);
    await jh.evaluate(() => localStorage.setItem('pinzhi.lang', 'en'));
    await overlayTab(jh);
    expect(await jh.getByTestId('view-tab-overlay').textContent()).toBe('Organisation overlay');
    expect(await jh.getByTestId('layer-cleaningsPerDay').textContent()).toBe('Organisation');
    expect(await jh.getByTestId('layer-criterion-cleaningsPerDay').textContent()).toBe('≥ 4 times/day');
    await settled(jh);
    expect(await rawKeysOnPage(jh, 'en')).toEqual([]);
  });
});
