import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { inspect, SITE_PHOTOS, uploadPhoto } from './activity.ts';
import { solidPng } from '../../server/seed/png.ts';
import { LAPTOP, launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, TABLET, unnamedControls, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';

// The admin UI in a real Chromium against a real server and database: every flow the issue names.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
let admin: string;

async function open(username: string, viewport = LAPTOP): Promise<UiPage> {
  const p = await openPage(browser, ui.base, viewport);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';


/** Nothing on the page is a raw key, field name, element id or JSON Pointer (see rawKeysOnPage). */
async function expectNoRawKeys(page: Page, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  expect(await rawKeysOnPage(page, lang)).toEqual([]);
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  admin = await ui.t.login('admin');
  const inspector = await ui.t.login('inspector');
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(ui.t, inspector, bytes)));
  // findings on three projects: the heat map's cells, and rectifications for the inbox
  await inspect(ui.t, inspector, { projectId: 1, scope: 'M03.P01.W002', fail: (i) => i.key === 'sillGrooveClear' || i.key === 'cleaningsPerDay', submissionId: 'ui-1', photos });
  await inspect(ui.t, inspector, { projectId: 8, scope: 'M06.P02', fail: (i) => i.severity !== 'minor', submissionId: 'ui-2', photos });
  await inspect(ui.t, inspector, { projectId: 13, scope: 'M02.P02', fail: (i) => i.severity === 'critical' || i.input === 'choice', submissionId: 'ui-3', photos });
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

describe('admin UI in a real browser', () => {
  it('signs in, refuses a wrong password, and starts each role on its own page; switches to English', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    await p.page.goto('/admin/standards/M03.P01.W002');
    await p.page.waitForURL(/\/admin\/sign-in\?next=/);
    await p.screenshot('01-sign-in');
    await p.page.getByLabel('用户名').fill('manager');
    await p.page.getByLabel('密码').fill('wrong-password');
    await p.page.getByRole('button', { name: '登录' }).click();
    await p.page.getByRole('alert').getByText('登录失败').waitFor();
    await p.page.getByLabel('密码').fill('pinzhi-demo');
    await p.page.getByRole('button', { name: '登录' }).click();
    // back where the user was going
    await p.page.waitForURL('**/admin/standards/M03.P01.W002');

    const starts: [string, string, string[]][] = [
      ['manager', '/admin/standards', ['仪表盘', '标准库', '版本集与差异', '检查表', '检查记录', '不合格项', '流程', '待办任务', '审计追踪', '创新基金', '区域飞检', '客户之声', '满意度调查', '标准落地']],
      ['pm', '/admin/tasks', ['仪表盘', '标准库', '版本集与差异', '检查表', '检查记录', '不合格项', '流程', '待办任务', '创新基金', '客户之声', '满意度调查', '标准落地']],
      ['auditor', '/admin/editions', ['仪表盘', '标准库', '版本集与差异', '检查表', '检查记录', '不合格项', '流程', '待办任务', '审计追踪', '区域飞检', '客户之声', '满意度调查', '标准落地']],
      ['inspector', '/admin/checklists', ['仪表盘', '标准库', '版本集与差异', '检查表', '检查记录', '不合格项', '流程', '待办任务', '创新基金', '区域飞检', '标准落地']],
      ['admin', '/admin/dashboard', ['仪表盘', '标准库', '版本集与差异', '检查表', '检查记录', '不合格项', '流程', '待办任务', '审计追踪', '创新基金', '人员与权限', '区域飞检', '客户之声', '满意度调查', '标准落地']],
    ];
    for (const [user, start, nav] of starts) {
      const q = await open(user);
      await q.page.waitForURL(`**${start}`);
      expect(await q.page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).toEqual(nav);
    }

    // English, remembered in this browser
    await p.page.getByTestId('lang-switch').click();
    await p.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Standards' }).waitFor();
    expect(await p.page.getAttribute('html', 'lang')).toBe('en');
    await p.screenshot('02-instruction-english');
    await expectNoRawKeys(p.page, 'en');
    await p.page.reload();
    await p.page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
    await p.page.getByTestId('lang-switch').click();
    await p.page.getByRole('link', { name: '编辑', exact: true }).waitFor();
  });

  it('edits a check item\'s limit with forms, publishes it through review, and the diff shows it tightened', async () => {
    const { page, screenshot } = await open('manager');
    await page.waitForURL('**/admin/standards');
    await screenshot('03-standards-tree');
    await page.getByTestId('tree-search').fill('电梯轿厢清洁');
    await page.getByRole('link', { name: /M03\.P01\.W002/ }).click();
    await page.getByRole('heading', { name: '电梯轿厢清洁作业指导书' }).waitFor();
    expect(await text(page, 'criterion-cleaningsPerDay')).toContain('≥ 3 次/日');
    // where the item is checked, in words
    expect(await text(page, 'item-row-cleaningsPerDay')).toContain('电梯');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot('04-instruction', { fullPage: true });

    await page.getByTestId('edit-standard').click();
    await page.getByTestId('create-draft').click();
    const card = page.getByTestId('item-card-cleaningsPerDay');
    await card.locator('button.item-toggle').click();
    expect(await card.getByTestId('item-place').inputValue()).toBe('lift');
    await card.getByTestId('item-minimum').fill('4');
    await card.getByTestId('criterion-preview').getByText('≥ 4 次/日').waitFor();
    await page.getByTestId('valid').waitFor();
    // what the edit does, before it is saved
    await page.locator('.editor-aside [data-kind="constraint-tightened"]').getByText('3 → 4').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await expectNoRawKeys(page);
    await screenshot('05-editor', { fullPage: true });
    await page.getByTestId('save-draft').click();
    await page.getByText('已保存（修订号 2）').waitFor();
    await page.getByTestId('submit-review').click();
    await page.getByRole('heading', { name: '审核' }).waitFor();
    // separation of duties: the manager who edited and submitted it does not publish it; a second quality manager does
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    const second = await open('reviewer');
    await second.page.goto('/admin/standards/M03.P01.W002/edit');
    await second.page.getByTestId('publish-note').fill('轿厢清洁次数提高到每日4次');
    await second.page.getByTestId('publish').click();
    // version 2 is the newest edition's (2027-Q1); the edit publishes version 3
    await second.page.getByTestId('published-notice').getByText('已发布第 3 版').waitFor();
    await second.page.getByTestId('view-diff').click();

    await second.page.waitForURL('**/admin/standards/M03.P01.W002/history?from=2&to=3');
    await page.goto('/admin/standards/M03.P01.W002/history?from=2&to=3');
    const tightened = page.getByTestId('diff').locator('[data-kind="constraint-tightened"]');
    await tightened.first().waitFor();
    expect(await tightened.allTextContents()).toEqual([expect.stringMatching(/收紧.*轿厢每日清洁次数.*3 → 4/)]);
    await page.getByTestId('compare-to').locator('li.constraint-tightened').getByText('≥ 4 次/日').waitFor();
    await page.getByTestId('compare-from').locator('li.constraint-tightened').getByText('≥ 3 次/日').waitFor();
    await expectNoRawKeys(page);
    await screenshot('06-diff', { fullPage: true });

    // the server holds what the browser showed
    const stored = (await ui.t.gql('{ standard(code: "M03.P01.W002") { ... on Standard { latestPublished { version publishNote schema } } } }', {}, admin)).data.standard.latestPublished;
    expect(stored).toMatchObject({ version: 3, publishNote: '轿厢清洁次数提高到每日4次' });
    expect(stored.schema.properties.cleaningsPerDay.minimum).toBe(4);
  });

  it('shows a conflict when someone else saved first, and reloads and reapplies the user\'s edit; raw JSON is validated live', async () => {
    const { page, screenshot } = await open('manager');
    await page.goto('/admin/standards/M03.P01.W003/edit');
    await page.getByTestId('create-draft').click();
    await page.locator('[data-testid^="item-card-"]').first().getByRole('button').first().click();
    const title = page.locator('[data-testid^="item-card-"]').first().getByTestId('item-title');
    const before = await title.inputValue();
    await title.fill(`${before}（含夜间）`);

    // meanwhile a colleague saves the same draft through the API
    const draft = (await ui.t.gql('{ standard(code: "M03.P01.W003") { ... on Standard { draft { revision schema } } } }', {}, admin)).data.standard.draft;
    const theirs = { ...draft.schema, description: `${draft.schema.description}（已由同事补充）` };
    expect((await ui.t.gql('mutation ($s: JSON!) { updateDraft(code: "M03.P01.W003", schema: $s, expectedRevision: 1) { __typename } }', { s: theirs }, admin)).data.updateDraft.__typename).toBe('StandardVersion');

    await page.getByTestId('valid').waitFor();
    await page.getByTestId('save-draft').click();
    await page.getByTestId('conflict').waitFor();
    await expectNoRawKeys(page);
    await screenshot('07-conflict');
    await page.getByTestId('reapply').click();
    await page.getByText(/重新应用了您的修改/).waitFor();
    await page.getByTestId('save-draft').click();
    await page.getByText('已保存（修订号 3）').waitFor();
    const saved = (await ui.t.gql('{ standard(code: "M03.P01.W003") { ... on Standard { draft { revision schema } } } }', {}, admin)).data.standard.draft;
    expect(saved.revision).toBe(3);
    expect(saved.schema.description).toBe(theirs.description);
    expect(Object.values(saved.schema.properties as Record<string, { title: string }>)[0].title).toBe(`${before}（含夜间）`);

    // experts edit the JSON Schema; the server checks it as they type
    await page.getByTestId('tab-json').click();
    const editor = page.getByTestId('json-editor');
    await editor.fill(JSON.stringify({ ...saved.schema, 'x-reviewer': '王敏' }, null, 2));
    // the server's verdict, in Chinese
    await page.getByTestId('issues').getByText('未知或不允许的关键字“x-reviewer”').waitFor();
    await expectNoRawKeys(page);
    await editor.fill('{ "title": ');
    await page.getByText('JSON 语法错误').first().waitFor();
    await editor.fill(JSON.stringify(saved.schema, null, 2));
    await page.getByTestId('valid').waitFor();
    await screenshot('08-json-mode');
  });

  it('asks before leaving unsaved edits, keeps them across a reload, and edits a procedure on its text', async () => {
    const { page } = await open('manager');
    await page.goto('/admin/standards/M03.P01.W004/edit');
    await page.getByTestId('create-draft').click();
    await page.getByTestId('tab-text').click();
    await page.getByTestId('doc-title').fill('楼梯间及楼层公共走廊保洁作业指导书（修订）');
    await page.getByText('有未保存的修改').waitFor();
    // leaving by the navigation asks first; the user stays
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();
    expect(asked).toEqual([expect.stringContaining('有未保存的修改')]);
    expect(page.url()).toContain('/admin/standards/M03.P01.W004/edit');
    // a reload (or an expired sign-in) does not lose them
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByText('已恢复上次未保存的修改').waitFor();
    await page.getByTestId('tab-text').click();
    expect(await page.getByTestId('doc-title').inputValue()).toBe('楼梯间及楼层公共走廊保洁作业指导书（修订）');
    await page.getByTestId('save-draft').click();
    await page.getByText('已保存（修订号 2）').waitFor();

    // a procedure has no check items of its own: it opens on its text
    await page.goto('/admin/standards/M03.P01/edit');
    await page.getByTestId('create-draft').click();
    expect(await page.getByTestId('tab-text').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('tab-items').count()).toBe(0);
    await page.getByTestId('doc-title').waitFor();
  });

  it('draws a change in the rectification process, marks the unsupported element on the diagram, then deploys a valid version', async () => {
    const { page, screenshot } = await open('manager');
    await page.goto('/admin/workflows/rectification');
    await page.locator('g.djs-element[data-element-id="analysisDeadline"]').waitFor();
    // the 48-hour analysis deadline becomes 36 hours, in the properties panel
    await page.locator('g.djs-element[data-element-id="analysisDeadline"]').click();
    const timer = page.getByTestId('prop-timer');
    expect(await timer.inputValue()).toBe('PT48H');
    await timer.fill('36 hours');
    await page.getByText('不是 ISO 8601 时长').waitFor();
    await timer.fill('PT36H');
    await timer.press('Enter');
    await page.getByText('≈ 36 小时').waitFor();
    // the training step becomes a script task, which Pinzhi does not run
    await page.locator('g.djs-element[data-element-id="training"]').click();
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-script-task"]').click();
    await page.getByText(/ScriptTask 不受 Pinzhi 编译器支持/).waitFor();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-errors').waitFor();
    const marked = page.locator('g.djs-element.pz-error');
    expect(await marked.count()).toBe(1);
    const markedId = await marked.getAttribute('data-element-id');
    // the compiler's reason, in Chinese, naming the element by its name
    expect(await page.locator(`.pz-error-overlay[data-element="${markedId}"]`).textContent()).toMatch(/脚本任务“安排专项培训”：不支持脚本任务/);
    await expectNoRawKeys(page);
    await screenshot('09-modeler-compile-error');

    // back to a service task that notifies: the diagram deploys as version 2
    await page.getByTestId('deploy-errors').locator(`button[data-element="${markedId}"]`).click();
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-service-task"]').click();
    await page.getByLabel('内置动作').selectOption('notify');
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-ok').getByText('已部署为第 2 版').waitFor();
    expect(await page.locator('g.djs-element.pz-error').count()).toBe(0);
    await screenshot('10-modeler-deployed');

    const deployed = (await ui.t.gql('{ workflowDefinition(key: "rectification") { ... on WorkflowDefinition { version timers userTasks } } }', {}, admin)).data.workflowDefinition;
    expect(deployed.version).toBe(2);
    expect(JSON.stringify(deployed.timers)).toContain('PT36H');
  });

  it('completes rectification tasks from the inbox with forms generated from their JSON Schema', async () => {
    const { page, screenshot } = await open('pm');
    await page.waitForURL('**/admin/tasks');
    await page.getByTestId('task-analyse').first().click();
    const detail = page.getByTestId('task-detail');
    const instanceId = Number(/\/instances\/(\d+)/.exec((await detail.getByRole('link').first().getAttribute('href'))!)![1]);
    // nothing entered: the form says what is missing, and nothing is sent
    await page.getByTestId('complete-task').click();
    expect(await detail.locator('.field-issues').allTextContents()).toEqual(['必填', '必填']);
    await expectNoRawKeys(page);
    await page.getByTestId('form-cause').fill('保洁员午间漏做地坎清理');
    await page.getByTestId('form-plan').fill('增加午间地坎专项清理，并对电梯区保洁员培训');
    await page.getByTestId('form-plannedBy').fill('2026-12-10');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot('11-inbox');
    await page.getByTestId('complete-task').click();
    await page.getByTestId('task-notice').getByText('已完成').waitFor();

    // the next step (整改, 72 h) is the project manager's too; its photos are uploaded in the form
    await page.locator(`[data-testid="task-rectify"]`).first().waitFor();
    await page.goto(`/admin/instances/${instanceId}`);
    const rectify = (await ui.t.gql(`{ workflowInstance(id: ${instanceId}) { ... on WorkflowInstance { states tasks { id elementId status } } } }`, {}, admin)).data.workflowInstance;
    expect(rectify.states).toEqual(['rectify']);
    const taskId = rectify.tasks.find((x: { elementId: string; status: string }) => x.elementId === 'rectify' && x.status === 'open').id;
    await page.goto(`/admin/tasks?task=${taskId}`);
    await page.getByTestId('form-measures').fill('已清理各层地坎槽，午间增加一次专项清理');
    await page.locator('input[type="file"]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: solidPng(80, 60, [40, 160, 90]) });
    await page.locator('.photos-field .photo img').waitFor();
    await page.getByTestId('complete-task').click();
    await page.getByTestId('task-notice').getByText('已完成').waitFor();

    // where the instance stands is marked on its diagram
    await page.goto(`/admin/instances/${instanceId}`);
    await page.locator('g.djs-element.pz-current[data-element-id="verify"]').waitFor();
    // steps by their names, not their element ids
    await page.getByTestId('instance-history').getByText('原因分析与整改计划').first().waitFor();
    await settled(page);
    await expectNoRawKeys(page);
    await screenshot('12-instance');
    const after = (await ui.t.gql(`{ workflowInstance(id: ${instanceId}) { ... on WorkflowInstance { states tasks { elementId data } } } }`, {}, admin)).data.workflowInstance;
    expect(after.states).toEqual(['verify']);
    expect(after.tasks.find((x: { elementId: string }) => x.elementId === 'rectify').data.evidencePhotos).toHaveLength(1);
  });

  it('renders the dashboard: execution rates, rectification rates, overdue items and the heat map', async () => {
    const { page, screenshot } = await open('admin');
    await page.waitForURL('**/admin/dashboard');
    const heat = page.getByTestId('heat-map');
    await heat.waitFor();
    const counts = (await heat.locator('td.heat-cell').allTextContents()).filter(Boolean).map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(await heat.locator('tbody tr[data-testid="heat-row"]').count()).toBe(3);
    expect(await page.getByTestId('rate-by-project').locator('li:not(.bar-uninspected)').count()).toBe(3);
    await page.getByTestId('rectification-kpis').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await expectNoRawKeys(page);
    await screenshot('13-dashboard', { fullPage: true });
    await page.getByTestId('heat-module').focus();
    await page.getByTestId('heat-module').selectOption('M06');
    await page.waitForURL(/module=M06/);
    // only the map reloads: the filter keeps the focus
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="heat-map"] tbody tr[data-testid="heat-row"]').length === 1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('heat-module');
  });

  it('previews a project\'s checklist, prints it, downloads the .xlsx, and shows inspections with their findings and photos', async () => {
    const { page, screenshot } = await open('inspector');
    await page.waitForURL('**/admin/checklists');
    await page.getByTestId('checklist-project').selectOption('1');
    await page.getByTestId('checklist-tier').selectOption('monthly');
    await page.getByTestId('checklist-preview').click();
    await page.getByTestId('checklist').waitFor();
    expect(await page.getByTestId('checklist').locator('tbody tr').count()).toBeGreaterThan(20);
    await screenshot('14-checklist');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK');
    await page.getByTestId('print-view').click();
    await page.getByTestId('print-checklist').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot('15-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/admin/inspections');
    await page.getByTestId('inspections').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('inspections').locator('tbody tr').count()).toBe(3);
    await page.goto(`/admin/inspections/1`);
    const photo = page.locator('.finding .photo img').first();
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await screenshot('16-inspection', { fullPage: true });
    await expectNoRawKeys(page);
  });

  it('works on a tablet and by keyboard', async () => {
    const { page, screenshot } = await open('manager', TABLET);
    await page.goto('/admin/dashboard');
    await page.getByTestId('heat-map').waitFor();
    // the navigation folds into a menu
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: '菜单' }).click();
    await nav.getByRole('link', { name: '标准库' }).waitFor();
    await screenshot('17-tablet-menu');
    await nav.getByRole('link', { name: '标准库' }).click();
    await page.goto('/admin/standards/M02.P02.W007/history');
    await page.getByTestId('diff').waitFor();
    await screenshot('18-tablet-diff', { fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // keyboard: skip link first, then the navigation, all reachable with Tab
    const laptop = await open('manager');
    await laptop.page.goto('/admin/standards/M03.P01.W002');
    await laptop.page.getByTestId('edit-standard').waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 20; i++) {
      await laptop.page.keyboard.press('Tab');
      reached.push(await laptop.page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? ''));
    }
    expect(reached[0]).toBe('跳到主要内容');
    expect(reached).toEqual(expect.arrayContaining(['仪表盘', '标准库', '待办任务', 'English', '退出']));
    await laptop.page.keyboard.press('Shift+Tab');
    const focused = await laptop.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focused).not.toBe('none');
  });

  it('shows no raw key, field name, element id or JSON Pointer on any page, in Chinese and in English', async () => {
    // given every kind of page, with data: an inspection, an open task, a running instance, a refused request
    const task = (await ui.t.gql('{ tasks(role: true) { ... on WorkflowTaskConnection { nodes { id instance { id } } } } }', {}, await ui.t.login('pm'))).data.tasks.nodes[0];
    const checklistId = (await ui.t.gql('{ inspection(id: 1) { ... on Inspection { checklistId } } }', {}, admin)).data.inspection.checklistId;
    const paths = [
      '/dashboard', '/standards', '/standards/M03.P01.W002', '/standards/M03.P01.W002/history?from=1&to=2', '/standards/M03.P01.W004/edit', '/standards/M03.P01/edit',
      '/editions', '/audit', '/standards/M03.P01.W002/audit', '/checklists?projectId=1&tier=monthly', '/checklists?projectId=1&tier=daily&scope=M09', `/checklists/${checklistId}/print`,
      '/inspections', '/inspections/1', '/workflows', '/workflows?key=rectification', '/workflows/rectification', `/instances/${task.instance.id}`,
    ];
    const found: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      // when each page is read in that language (the project manager's inbox with a task open)
      for (const [who, list] of [['admin', paths], ['pm', [`/tasks?task=${task.id}`]]] as const) {
        const { page } = await open(who);
        if (lang === 'en') await page.getByTestId('lang-switch').click();
        for (const path of list) {
          await page.goto(`/admin${path}`);
          await settled(page);
          found.push(...(await rawKeysOnPage(page, lang)).map((f) => `${lang} ${who} ${path}: ${f}`));
        }
      }
      const { page } = await open('admin');
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      // (the refused checklist shows the server's message in the reader's language)
      await page.goto('/admin/checklists?projectId=1&tier=daily&scope=M09');
      await page.getByRole('alert').getByText(lang === 'zh' ? '版本集 2027-Q1 在 M09 下没有作业指导书' : 'Edition 2027-Q1 has no work instruction in M09').waitFor();
    }
    // then nothing raw is visible anywhere
    expect(found).toEqual([]);
  }, 300_000);
});
