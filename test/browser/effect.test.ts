import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { seedTrainingEffectDemo } from '../../server/seed/training-effect-demo.ts';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';

// The effect evaluation page (效果评估) in Chromium over the first start's training-effect demo: HD01's instruction 76 % → 93 %.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
let trainingId: number;
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
  await seedTrainingEffectDemo(ui.t.app, () => {});
  browser = await launchBrowser();
  [{ id: trainingId }] = await ui.t.em().execute<{ id: number }[]>(`select training_id as id from training_session group by 1 order by count(*) desc, 1 limit 1`);
}, 240_000);

afterEach(async () => {
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('效果评估 / Effect evaluation', () => {
  it('draws the demo training\'s before/after bars at 76 % and 93 % with n under each, and the weekly series', async () => {
    // given the page with nothing chosen: it asks for a training
    const { page, screenshot } = await open('manager', '/admin/effect');
    await page.getByText('请选择一次培训').waitFor();
    // when the demo training and the daily tier are chosen
    await page.waitForFunction((id) => [...document.querySelectorAll('[data-testid=effect-training] option')].some((o) => (o as HTMLOptionElement).value === String(id)), trainingId);
    await page.getByTestId('effect-training').selectOption(String(trainingId));
    await page.getByTestId('effect-tier').selectOption('daily');
    await page.getByRole('button', { name: '评估' }).click();
    await page.getByTestId('effect-bars').waitFor();
    await settled(page);
    // then HD01's bars read 76 % and 93 %, each with its n
    const group = page.getByTestId('effect-group').filter({ hasText: 'HD01' });
    expect(await group.getByTestId('bar-before').getByTestId('bar-rate').textContent()).toBe('76.0%');
    expect(await group.getByTestId('bar-after').getByTestId('bar-rate').textContent()).toBe('93.0%');
    expect(await group.getByTestId('bar-before').getByTestId('bar-n').textContent()).toMatch(/^n=\d+$/);
    expect(await group.getByTestId('bar-after').getByTestId('bar-n').textContent()).toMatch(/^n=\d+$/);
    expect(await page.getByTestId('effect-row').first().textContent()).toContain('+17.0 个百分点');
    expect(await page.getByTestId('effect-row').first().textContent()).toContain('显著');
    expect(await page.getByTestId('week-point').count()).toBeGreaterThanOrEqual(8);
    expect(page.url()).toContain(`training=${trainingId}`);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    await screenshot('effect');
  });

  it('reads in English and refuses reversed windows with the reason', async () => {
    const { page } = await open('manager', `/admin/effect?code=M01.P01&bf=2026-05-10&bt=2026-05-01&af=2026-06-01&at=2026-06-30`);
    await page.getByText('2026-05-01').first().waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/2026-05-10/);
    await page.getByTestId('lang-switch').click();
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Effect evaluation' }).count()).toBe(1);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });
});
