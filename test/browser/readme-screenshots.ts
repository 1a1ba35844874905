/**
 * Takes the README's screenshots from a running Pinzhi with the demo data of a first start:
 *   DATA_DIR=/tmp/pinzhi-demo npm start          # in one terminal
 *   node test/browser/readme-screenshots.ts http://localhost:4000 [name,name…]
 * Writes docs/screenshots/*.png (only the named ones when names are given).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { LAPTOP, launchBrowser, openPage, signIn, TABLET } from './ui-harness.ts';

const base = process.argv[2] ?? 'http://localhost:4000';
const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const only = process.argv[3]?.split(',');
const browser = await launchBrowser();
const shoot = async (user: string, all: [string, string, (page: Page) => Promise<void>][], viewport = LAPTOP) => {
  const shots = all.filter(([name]) => !only || only.includes(name));
  if (shots.length === 0) return;
  const p = await openPage(browser, base, viewport);
  await signIn(p.page, user);
  for (const [name, path, ready] of shots) {
    await p.page.goto(path);
    await ready(p.page);
    await p.page.waitForTimeout(300);
    await p.page.screenshot({ path: `${out}${name}.png`, fullPage: name === 'dashboard' });
  }
  if (p.errors.length) throw new Error(p.errors.join('\n'));
  await p.close();
};

await shoot('manager', [
  ['standards', '/admin/standards/M03.P01.W002', (p) => p.getByTestId('criterion-cleaningsPerDay').waitFor().then(() => undefined)],
  ['editor', '/admin/standards/M02.P02.W007/edit', async (p) => {
    await p.locator('[data-testid="create-draft"], [data-testid="tab-items"]').first().waitFor();
    if (await p.getByTestId('create-draft').isVisible()) await p.getByTestId('create-draft').click();
    await p.getByTestId('item-card-darkestPointLux').locator('button.item-toggle').click();
    await p.getByTestId('item-card-darkestPointLux').getByTestId('item-minimum').fill('20');
    await p.getByTestId('valid').waitFor();
  }],
  ['diff', '/admin/standards/M02.P02.W007/history?from=1&to=2', (p) => p.getByTestId('diff').waitFor()],
  ['editions', '/admin/editions?from=2026-Q3&to=2026-Q4', (p) => p.getByTestId('edition-diff').waitFor()],
  ['modeler', '/admin/workflows/rectification', (p) => p.locator('g.djs-element[data-element-id="analyse"]').click()],
]);
await shoot('admin', [['dashboard', '/admin/dashboard', (p) => p.getByTestId('heat-map').waitFor()]]);
await shoot('pm', [['inbox', '/admin/tasks', async (p) => {
  await p.locator('[data-testid="task-analyse"]').first().click();
  await p.getByTestId('task-detail').waitFor();
}]]);
await shoot('inspector', [['checklist', '/admin/checklists?projectId=3&tier=monthly', (p) => p.getByTestId('checklist').waitFor()]]);
await shoot('committee', [
  ['proposals', '/admin/proposals', (p) => p.getByTestId('proposal-list').waitFor()],
  ['proposal-review', '/admin/tasks', async (p) => {
    await p.locator('[data-testid="task-committee"]').first().click();
    await p.getByTestId('decisions').waitFor();
  }],
]);
await shoot('frontline', [['proposal-new', '/admin/proposals/new', (p) => p.getByTestId('proposal-form').waitFor()]]);
await shoot('manager', [['tablet-dashboard', '/admin/dashboard', (p) => p.getByTestId('heat-map').waitFor()]], TABLET);
await browser.close();
console.log(`screenshots in ${out}`);
