import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, signIn, startUiServer, type UiPage, type UiServer } from './ui-harness.ts';

// Import, then complete (issue 19) in Chromium: a foreign collaboration imported as a draft, its pool
// chosen, the missing roles marked on the diagram, filled in the properties panel, then deployed.
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
});
