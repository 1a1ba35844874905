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
await shoot('manager', [['modeler-deadlines', '/admin/workflows/rectification', async (p) => {
  await p.locator('g.djs-element[data-element-id="rectifyDeadline"]').click();
  await p.getByTestId('prop-timer-expression').waitFor();
}]]);
await shoot('admin', [['dashboard', '/admin/dashboard', (p) => p.getByTestId('heat-map').waitFor()]]);
await shoot('manager', [['dashboard-heat-map', '/admin/dashboard', async (p) => {
  await p.getByTestId('heat-map').waitFor();
  // the card's top just below the sticky top bar
  await p.getByTestId('heat-card').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
}]], { width: 1440, height: 900 });
await shoot('pm', [['inbox', '/admin/tasks', async (p) => {
  await p.locator('[data-testid="task-analyse"]').first().click();
  await p.getByTestId('task-detail').waitFor();
}]]);
await shoot('manager', [
  ['findings', '/admin/findings?region=%E5%8D%8E%E4%B8%9C%E5%8C%BA%E5%9F%9F&sort=severity', (p) => p.getByTestId('finding-row').first().waitFor()],
  ['finding', '/admin/findings?status=rectifying&sort=due', async (p) => {
    await p.getByTestId('finding-row').first().getByRole('link').first().click();
    await p.getByTestId('instance-diagram').locator('svg').first().waitFor();
    await p.getByTestId('finding-history').waitFor();
  }],
]);
await shoot('inspector', [['checklist', '/admin/checklists?projectId=3&tier=monthly', (p) => p.getByTestId('checklist').waitFor()]]);
// a new instruction from the tree, with an impossible range marked in the JSON tab (needs a store without M03.P01.W028)
await shoot('manager', [['authoring', '/admin/standards/M03.P01', async (p) => {
  await p.getByTestId('tree-new-M03.P01').click();
  await p.getByTestId('new-standard-title').fill('电梯厅地面养护作业指导书');
  await p.getByTestId('new-standard-submit').click();
  await p.waitForURL('**/admin/standards/M03.P01.W028/edit');
  await p.getByTestId('valid').waitFor();
  await p.getByTestId('tab-json').click();
  const editor = p.getByTestId('json-editor');
  const doc = JSON.parse(await editor.innerText());
  doc.properties.coverageRate = { title: '地面保洁覆盖率', type: 'number', minimum: 75, maximum: 10, 'x-check': { tiers: ['monthly'], severity: 'major', weight: 3, method: '抽查', unit: '%' } };
  await editor.fill(JSON.stringify(doc, null, 2));
  await p.getByTestId('issue-jump').first().click();
  await p.locator('.cm-editor .cm-lintRange-error').first().waitFor();
}]]);
await shoot('committee', [
  ['proposals', '/admin/proposals', (p) => p.getByTestId('proposal-list').waitFor()],
  ['proposal-review', '/admin/tasks', async (p) => {
    await p.locator('[data-testid="task-committee"]').first().click();
    await p.getByTestId('decisions').waitFor();
  }],
]);
await shoot('frontline', [['proposal-new', '/admin/proposals/new', (p) => p.getByTestId('proposal-form').waitFor()]]);
await shoot('manager', [['tablet-dashboard', '/admin/dashboard', (p) => p.getByTestId('heat-map').waitFor()]], TABLET);
// document control: the manager submits a revision with a note (that shot is then replaced by the
// second quality manager's view of it, which the README shows), a past version, the audit trail
await shoot('manager', [['doc-review', '/admin/standards/M05.P01.W001/edit', async (p) => {
  await p.locator('[data-testid="create-draft"], [data-testid="review-notes"], [data-testid="submit-review"]').first().waitFor();
  if (await p.getByTestId('create-draft').isVisible()) {
    await p.getByTestId('create-draft').click();
    await p.getByTestId('submit-review').waitFor();
  }
  if (await p.getByTestId('submit-review').isVisible()) {
    await p.getByTestId('valid').waitFor();
    await p.getByLabel('提交说明').fill('请审核：按三季度客户反馈调整');
    await p.getByTestId('submit-review').click();
  }
  await p.getByTestId('four-eyes').waitFor();
}]]);
await shoot('reviewer', [['doc-review', '/admin/standards/M05.P01.W001/edit', (p) => p.getByTestId('submit-note-shown').waitFor()]]);
await shoot('auditor', [
  ['doc-past-version', '/admin/standards/M01.P02.W006?version=1', (p) => p.getByTestId('past-version-banner').waitFor()],
  ['doc-audit', '/admin/standards/M01.P02.W006/audit', (p) => p.getByTestId('audit-trail').waitFor()],
]);
await shoot('manager', [['flying-regions', '/admin/regions', (p) => p.getByTestId('region-kpis').waitFor()]]);
await browser.close();
console.log(`screenshots in ${out}`);
