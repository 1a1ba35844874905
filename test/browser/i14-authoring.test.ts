import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, unnamedControls, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';

// Authoring without JSON (issue 14, item 4): a new instruction from the tree, the CodeMirror JSON
// tab with the server's issues as lint markers, and an impossible range refused on the item.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];


/** Reads until the value is `expected` (or 10 s pass) and returns the last value read, for an exact assertion. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  const end = Date.now() + 10_000;
  let value = await read();
  while (value !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
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

describe('authoring standards without JSON', () => {
  it('creates an instruction under a procedure from the tree, marks an impossible range in the JSON tab, jumps to it and shows it on the item', async () => {
    // given the quality manager on a procedure of the library
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'manager');
    await page.goto('/admin/standards/M03.P01');
    await settled(page);

    // when they ask for a new instruction under it, the next free code of the module is proposed
    await page.getByTestId('tree-new-M03.P01').click();
    const dialog = page.getByTestId('new-standard-dialog');
    await dialog.getByRole('heading', { name: '新建作业指导书' }).waitFor();
    expect(await eventually(() => dialog.getByTestId('new-standard-code').inputValue(), 'M03.P01.W028')).toBe('M03.P01.W028');
    // an empty title is refused on the field, and nothing is created
    await dialog.getByTestId('new-standard-submit').click();
    await dialog.getByText('请填写标题').waitFor();
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    const none = (await ui.t.gql('{ standard(code: "M03.P01.W028") { __typename } }', {}, await ui.t.login('admin'))).data.standard.__typename;
    expect(none).toBe('NotFoundError');
    await dialog.getByTestId('new-standard-title').fill('电梯厅地面养护作业指导书');
    await dialog.getByTestId('new-standard-submit').click();

    // then the draft opens in the editor with the template's example item
    await page.waitForURL('**/admin/standards/M03.P01.W028/edit');
    await page.getByTestId('item-card-exampleCheck').waitFor();
    await page.getByTestId('valid').waitFor();

    // when the JSON tab gets an item whose minimum 75 is above its maximum 10
    await page.getByTestId('tab-json').click();
    const editor = page.getByTestId('json-editor');
    await editor.waitFor();
    const draft = (await ui.t.gql('{ standard(code: "M03.P01.W028") { ... on Standard { draft { schema } } } }', {}, await ui.t.login('admin'))).data.standard.draft.schema;
    draft.properties.coverageRate = {
      title: '地面保洁覆盖率', type: 'number', minimum: 75, maximum: 10,
      'x-check': { tiers: ['monthly'], severity: 'major', weight: 3, method: '抽查', unit: '%' },
    };
    await editor.fill(JSON.stringify(draft, null, 2));

    // then the server's issue is listed in words and marked in the editor (underlined, in the gutter)
    const issue = page.getByTestId('issue-jump').filter({ hasText: '最大值 10 小于最小值 75' });
    await issue.waitFor();
    expect(await issue.textContent()).toBe('检查项“地面保洁覆盖率” › 最大值（≤） 最大值 10 小于最小值 75');
    await page.locator('.cm-editor .cm-lintRange-error').first().waitFor();
    await page.locator('.cm-editor .cm-lint-marker-error').first().waitFor();
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    await p.screenshot('i14-authoring-json-lint');

    // when the cursor is elsewhere and the issue is clicked, the cursor jumps to the maximum
    await page.locator('.cm-content .cm-line').first().click();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');
    await issue.click();
    expect(await eventually(() => page.evaluate(() => window.getSelection()?.toString()), '"maximum": 10')).toBe('"maximum": 10');
    expect(await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content')), true)).toBe(true);

    // and the item's card says what is wrong
    await page.getByTestId('tab-items').click();
    const card = page.getByTestId('item-card-coverageRate');
    await card.getByText('1 个问题').waitFor();
    await card.locator('button.item-toggle').click();
    await card.getByText('最大值 10 小于最小值 75').first().waitFor();
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);

    // and the draft cannot be saved with it: the server refuses it, nothing stored
    const saved = await ui.t.gql('mutation ($s: JSON!) { updateDraft(code: "M03.P01.W028", schema: $s, expectedRevision: 1) { __typename ... on ValidationError { issues { pointer } } } }', { s: draft }, await ui.t.login('admin'));
    expect(saved.data.updateDraft).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '/properties/coverageRate/maximum' }] });
  });

  it('creates a new module from the top of the tree', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    await signIn(p.page, 'manager');
    await p.page.goto('/admin/standards');
    await settled(p.page);
    await p.page.getByTestId('tree-new-module').click();
    const dialog = p.page.getByTestId('new-standard-dialog');
    expect(await eventually(() => dialog.getByTestId('new-standard-code').inputValue(), 'M08')).toBe('M08');
    await dialog.getByTestId('new-standard-title').fill('绿色运营');
    await dialog.getByTestId('new-standard-submit').click();
    await p.page.waitForURL('**/admin/standards/M08/edit');
    await p.page.getByTestId('tab-text').waitFor();
    await p.page.getByTestId('valid').waitFor();
    expect(await rawKeysOnPage(p.page, 'zh')).toEqual([]);
  });
});
