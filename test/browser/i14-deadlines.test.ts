import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { inspect, SITE_PHOTOS, uploadPhoto } from './activity.ts';
import { launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';

// Deadlines in Chromium: a timer's label follows its duration in the modeler, and tasks show the due time the standard gives.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
let admin: string;

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}


/** The text the diagram shows as an element's label. */
const diagramLabel = async (page: Page, id: string) => ((await page.locator(`g.djs-element[data-element-id="${id}_label"] text`).textContent()) ?? '').trim();

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  admin = await ui.t.login('admin');
  const inspector = await ui.t.login('inspector');
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(ui.t, inspector, bytes)));
  // a failed major item whose standard says 整改时限 24 h (sillGrooveClear): its rectification opens in the inbox
  await inspect(ui.t, inspector, { projectId: 1, scope: 'M03.P01.W002', fail: (i) => i.key === 'sillGrooveClear', submissionId: 'deadlines-1', photos });
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

describe('timer labels in the modeler', () => {
  it('follow the duration unless the modeller wrote the name, and deploy with it', async () => {
    const { page, screenshot } = await open('manager');
    await page.goto('/admin/workflows/rectification');
    const verify = page.locator('g.djs-element[data-element-id="verifyDeadline"]');
    await verify.waitFor();
    // given the verify deadline, labelled by its duration
    await verify.click();
    const timer = page.getByTestId('prop-timer');
    const name = page.getByTestId('prop-name');
    expect([await timer.inputValue(), await name.inputValue()]).toEqual(['PT24H', '24小时']);
    // when its duration changes, the label follows: days, minutes, mixed units
    for (const [duration, label] of [['P2D', '2天'], ['PT30M', '30分钟'], ['PT1H30M', '1小时30分钟'], ['PT12H', '12小时']]) {
      await timer.fill(duration);
      await timer.press('Enter');
      await page.waitForFunction(([l]) => (document.querySelector('[data-testid="prop-name"]') as HTMLInputElement | null)?.value === l, [label]);
      expect(await diagramLabel(page, 'verifyDeadline')).toBe(label);
    }
    // a name the modeller writes stays when the duration changes again
    await name.fill('复查时限');
    await name.press('Tab');
    await timer.fill('PT36H');
    await timer.press('Enter');
    await page.getByText('≈ 36 小时').waitFor();
    expect([await name.inputValue(), await diagramLabel(page, 'verifyDeadline')]).toEqual(['复查时限', '复查时限']);

    // the rectify deadline comes from the finding's item: its expression is shown and checked, its own name kept
    await page.locator('g.djs-element[data-element-id="rectifyDeadline"]').click();
    const expression = page.getByTestId('prop-timer-expression');
    expect(await expression.inputValue()).toContain('rectifyWithinHours');
    expect(await page.getByTestId('prop-name').inputValue()).toBe('整改时限（默认72小时）');
    const written = await expression.inputValue();
    await expression.fill('"三天"');
    await page.getByText('结果不是时长').waitFor();
    await expression.fill(written);
    await page.getByTestId('prop-timer').fill('PT96H');
    await page.getByTestId('prop-timer').press('Enter');
    await page.getByText('≈ 96 小时').waitFor();
    expect(await page.getByTestId('prop-name').inputValue()).toBe('整改时限（默认72小时）');
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    await screenshot('i14-deadlines-modeler');

    // then the deployed version carries the labels and durations drawn
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-ok').getByText('已部署为第 2 版').waitFor();
    const deployed = (await ui.t.gql('{ workflowDefinition(key: "rectification") { ... on WorkflowDefinition { version timers } } }', {}, admin)).data.workflowDefinition;
    expect(deployed.version).toBe(2);
    expect(deployed.timers.verifyDeadline).toMatchObject({ name: '复查时限', duration: 'PT36H' });
    expect(deployed.timers.rectifyDeadline).toMatchObject({ name: '整改时限（默认72小时）', duration: 'PT96H', durationExpression: expect.stringContaining('rectifyWithinHours') });
  });

  it('labels a new timer in English when the modeller works in English', async () => {
    const { page } = await open('manager');
    await page.goto('/admin/workflows/rectification?version=1');
    await page.locator('g.djs-element[data-element-id="verifyDeadline"]').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.locator('g.djs-element[data-element-id="verifyDeadline"]').click();
    await page.getByTestId('prop-timer').fill('P2D');
    await page.getByTestId('prop-timer').press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-testid="prop-name"]') as HTMLInputElement | null)?.value === '2 d');
    // the Chinese label the old duration gave counted as automatic; so does the English one now
    await page.getByTestId('prop-timer').fill('PT45M');
    await page.getByTestId('prop-timer').press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-testid="prop-name"]') as HTMLInputElement | null)?.value === '45 min');
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });
});

describe('due times in the inbox', () => {
  it('show the rectification\'s analysis due by the item\'s 24 hours', async () => {
    const { page } = await open('pm');
    await page.goto('/admin/tasks');
    await settled(page);
    const task = page.locator('[data-testid="task-analyse"]').first();
    await task.click();
    await page.getByTestId('task-detail').waitFor();
    // the due time shown is the task's own, 24 h after it opened
    const [row] = await ui.t.em().execute<{ created_at: Date; due_at: Date }[]>(`select created_at, due_at from workflow_task where element_id = 'analyse' and status = 'open' order by id limit 1`);
    expect(Math.round((new Date(row.due_at).getTime() - new Date(row.created_at).getTime()) / 3_600_000)).toBe(24);
    const shown = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(row.due_at));
    await page.getByTestId('task-detail').getByText(`期限 ${shown}`).waitFor();
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
  });
});
