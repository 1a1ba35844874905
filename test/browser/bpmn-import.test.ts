import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, signIn, startUiServer, type UiPage, type UiServer } from './ui-harness.ts';

// Import, then complete (issue 19) in Chromium: a foreign collaboration imported as a draft, its pool
// chosen, the missing roles marked on the diagram, filled in the properties panel or by mapping a
// lane to a role, then deployed; a draft reopened from the workflows page's drafts list.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
}, 300_000);

afterEach(async () => {
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

const TASKS = ['Activity_Register', 'Activity_Fix', 'Activity_Answer'];

describe('导入 BPMN 文件 / Import BPMN file', () => {
  it('imports a diagram whose tasks name no role as a draft, marks them, and deploys once they are filled', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'manager');
    // given the shipped complaint process (full diagram interchange) exported by a tool that drops Pinzhi's roles
    const xml = readFileSync(new URL('../../domain/workflows/definitions/complaint.bpmn', import.meta.url), 'utf8').replace(/\s+pinzhi:candidateRole="[^"]*"/g, '');
    const roles: Record<string, string> = { accept: 'project_manager', handle: 'project_manager', callback: 'quality_manager', handleAgain: 'project_manager', callbackAgain: 'quality_manager' };
    await page.goto('/admin/workflows/complaint-imported?new=1');
    await page.getByTestId('bpmn-canvas').locator('svg').first().waitFor();
    // when it is imported, then the draft lists the five tasks, marks them on the diagram, and cannot be deployed
    await page.getByTestId('import-bpmn').setInputFiles({ name: 'complaint.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByTestId('missing-list').waitFor();
    expect(await page.getByTestId('missing-list').textContent()).toMatch(/部署前请补全 5 项设置/);
    await page.waitForFunction(() => document.querySelectorAll('g.djs-element.pz-error').length === 5);
    const marked = await page.locator('g.djs-element.pz-error').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')).sort());
    expect(marked).toEqual(Object.keys(roles).sort());
    expect(await page.locator('.pz-error-overlay[data-element="handle"]').textContent()).toMatch(/没有指定候选角色/);
    expect(await page.getByTestId('deploy').isDisabled()).toBe(true);
    // when a role is filled for each task and the draft saved, then nothing is missing
    for (const [id, role] of Object.entries(roles)) {
      await page.getByTestId('missing-list').locator(`button[data-element="${id}"]`).click();
      await page.getByTestId('prop-role').selectOption(role);
    }
    await page.getByTestId('save-draft').click();
    await page.getByTestId('missing-none').waitFor();
    expect(await page.locator('g.djs-element.pz-error').count()).toBe(0);
    // then it deploys as version 1, with the roles chosen
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-ok').getByText('已部署为第 1 版').waitFor();
    const admin = await ui.t.login('admin');
    const deployed = (await ui.t.gql('{ workflowDefinition(key: "complaint-imported") { ... on WorkflowDefinition { version userTasks } } }', {}, admin)).data.workflowDefinition;
    expect(deployed.version).toBe(1);
    expect(deployed.userTasks.callback.candidateRole).toBe('quality_manager');
  });

  it('imports a Camunda collaboration as a draft, marks the tasks without a role, and deploys once they are filled', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'manager');
    // given a file from Camunda whose lanes stand for no Pinzhi role
    const xml = readFileSync(new URL('../../domain/workflows/compiler/fixtures/foreign/camunda-complaint-pools.bpmn', import.meta.url), 'utf8')
      .replace(/(<bpmn:lane\b[^>]*?\bname=")[^"]*(")/g, '$1Team$2');
    await page.goto('/admin/workflows/leak-complaint?new=1');
    await page.getByTestId('bpmn-canvas').locator('svg').first().waitFor();

    // when it is imported, then the pool to run is asked for (two pools have steps), the company's by default
    await page.getByTestId('import-bpmn').setInputFiles({ name: 'complaint.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByTestId('pool-choice').waitFor();
    expect(await page.getByTestId('pool-select').inputValue()).toBe('Process_Complaint');
    await p.screenshot('19-import-pool-choice');
    await page.getByTestId('pool-choice').getByRole('button', { name: '导入此泳池' }).click();

    // then the draft lists the three tasks without a role, marks them on the diagram, and cannot be deployed
    await page.getByTestId('missing-list').waitFor();
    expect(await page.getByTestId('missing-list').textContent()).toMatch(/部署前请补全 3 项设置/);
    await page.waitForFunction(() => document.querySelectorAll('g.djs-element.pz-error').length === 3);
    const marked = await page.locator('g.djs-element.pz-error').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')).sort());
    expect(marked).toEqual([...TASKS].sort());
    expect(await page.locator('.pz-error-overlay[data-element="Activity_Fix"]').textContent()).toMatch(/没有指定候选角色/);
    await p.screenshot('19-import-missing');
    expect(await page.getByTestId('deploy').isDisabled()).toBe(true);
    expect(Number((await ui.t.em().execute<{ n: string }[]>(`select count(*) as n from workflow_draft where key = 'leak-complaint' and status = 'draft'`))[0].n)).toBe(1);

    // when a role is filled for each task and the draft saved, then nothing is missing
    for (const id of TASKS) {
      await page.getByTestId('missing-list').locator(`button[data-element="${id}"]`).click();
      await page.getByTestId('prop-role').selectOption(id === 'Activity_Fix' ? 'project_manager' : 'quality_manager');
    }
    await page.getByTestId('save-draft').click();
    await page.getByTestId('missing-none').waitFor();
    expect(await page.locator('g.djs-element.pz-error').count()).toBe(0);

    // then it deploys as version 1 of the process, with the roles chosen
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-ok').getByText('已部署为第 1 版').waitFor();
    const admin = await ui.t.login('admin');
    const deployed = (await ui.t.gql('{ workflowDefinition(key: "leak-complaint") { ... on WorkflowDefinition { version userTasks } } }', {}, admin)).data.workflowDefinition;
    expect(deployed.version).toBe(1);
    expect(deployed.userTasks.Activity_Fix.candidateRole).toBe('project_manager');
    expect(deployed.userTasks.Activity_Register.candidateRole).toBe('quality_manager');
  });

  it('maps a lane to a role in the import screen, so its tasks lack nothing, and reopens the draft from the drafts list', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    const { page } = p;
    await signIn(page, 'manager');
    // given the Camunda collaboration whose inspector lane is called 保洁主管, a name no role has by default
    const xml = readFileSync(new URL('../../domain/workflows/compiler/fixtures/foreign/camunda-complaint-pools.bpmn', import.meta.url), 'utf8')
      .replace('name="Inspector"', 'name="保洁主管"');
    await page.goto('/admin/workflows/cleaning-lanes?new=1');
    await page.getByTestId('bpmn-canvas').locator('svg').first().waitFor();
    await page.getByTestId('import-bpmn').setInputFiles({ name: 'cleaning.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    // the pool choice sits in the page body, not in the header's button row
    await page.getByTestId('pool-choice').waitFor();
    expect(await page.locator('header.page-head [data-testid="pool-choice"]').count()).toBe(0);
    await page.getByTestId('pool-choice').getByRole('button', { name: '导入此泳池' }).click();

    // when imported, then the two tasks of that lane are missing, each marked once, in words naming the roles (not their ids)
    await page.getByTestId('missing-list').waitFor();
    expect(await page.getByTestId('missing-list').textContent()).toMatch(/部署前请补全 2 项设置/);
    await page.waitForFunction(() => document.querySelectorAll('g.djs-element.pz-error').length === 2);
    expect(await page.locator('.pz-error-overlay').count()).toBe(2);
    const reason = await page.locator('.pz-error-overlay[data-element="Activity_Fix"]').getAttribute('title');
    expect(reason).toMatch(/泳道“保洁主管”也对应不到任何角色/);
    expect(reason).toMatch(/品质经理、品控员、项目经理/);
    expect(await page.getByTestId('missing-list').textContent()).not.toMatch(/quality_manager|project_manager/);
    // the lane appears in the mapping panel, waiting for its role
    const row = page.getByTestId('lane-roles').getByTestId('lane-role-row').filter({ has: page.locator('input[value="保洁主管"]') });
    await row.waitFor();
    await p.screenshot('19-lane-roles-missing');

    // when the lane is mapped to the project manager and the mapping saved
    await row.getByTestId('lane-role').selectOption('project_manager');
    await page.getByTestId('lane-save').click();
    // then nothing is missing, the marks are gone, and the draft can be deployed
    await page.getByTestId('missing-none').waitFor();
    expect(await page.locator('g.djs-element.pz-error').count()).toBe(0);
    expect(await page.getByTestId('deploy').isDisabled()).toBe(false);
    expect(await page.getByTestId('lane-roles').getByTestId('lane-role-row').count()).toBe(1);
    expect(await page.getByTestId('lane-roles').getByTestId('lane-role').inputValue()).toBe('project_manager');
    await p.screenshot('19-lane-roles-mapped');

    // when the workflows page is opened, then the draft is listed, complete, beside the mapping
    await page.goto('/admin/workflows');
    const id = Number((await ui.t.em().execute<{ id: number }[]>(`select id from workflow_draft where key = 'cleaning-lanes' and status = 'draft'`))[0].id);
    await page.getByTestId(`draft-${id}`).getByText('可以部署').waitFor();
    expect(await page.getByTestId('lane-roles').locator('input[value="保洁主管"]').count()).toBe(1);
    await p.screenshot('19-drafts-list');
    // and opening it brings the draft back into the modeler, from where it deploys with the lane's role
    await page.getByTestId(`open-draft-${id}`).click();
    await page.getByText(`导入的草稿 #${id}`).waitFor();
    await page.getByTestId('missing-none').waitFor();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-ok').getByText('已部署为第 1 版').waitFor();
    const admin = await ui.t.login('admin');
    const deployed = (await ui.t.gql('{ workflowDefinition(key: "cleaning-lanes") { ... on WorkflowDefinition { userTasks } } }', {}, admin)).data.workflowDefinition;
    expect(deployed.userTasks.Activity_Fix.candidateRole).toBe('project_manager');
    expect(deployed.userTasks.Activity_Answer.candidateRole).toBe('quality_manager');
  });
});
