import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';
import { failStandardItems, insertFeedback } from '../voice-loop.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { readWorkbook } from '../xlsx-read.ts';
import { readFileSync } from 'node:fs';

// Closing the customer's voice loop in Chromium: a revision's evidence in its task view, and a standard's review pack page.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
const today = todayInChina();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const since = daysAgo(60).toISOString().slice(0, 10);
let editTask: number;
let findingId: number;

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
  // given a failed sill groove on project 1, and two cleanliness complaints about the lift (and none of the demo's months of feedback)
  await ui.t.em().execute('delete from feedback');
  const inspector = await ui.t.login('inspector');
  const [finding] = await failStandardItems(ui.t.em(), (q, v) => ui.t.gql(q, v, inspector), 1, 'M03.P01.W002', ['sillGrooveClear'], 'browser-loop-1');
  findingId = finding.id;
  await insertFeedback(ui.t.em(), { projectId: 1, text: '电梯地坎里全是沙子，轮椅都卡住了', problemType: 'cleanliness', priority: 'P2', module: 'M03', touchpoints: ['TP-077'], receivedAt: daysAgo(3) });
  await insertFeedback(ui.t.em(), { projectId: 1, text: '电梯镜子上全是手印', problemType: 'cleanliness', priority: 'P3', module: 'M03', touchpoints: ['TP-075'], receivedAt: daysAgo(2) });
  // and the quality manager opening the lift standard's revision from that cluster
  const manager = await ui.t.login('manager');
  const started = (await ui.t.gql('mutation ($i: ClusterRevisionInput!) { openStandardRevisionFromCluster(input: $i) { ... on WorkflowInstance { id } ... on Error { message } } }',
    { i: { standardCode: 'M03.P01.W002', problemType: 'cleanliness', from: since, to: today, note: '地坎清理频次不足' } }, manager)).data.openStandardRevisionFromCluster;
  [{ id: editTask }] = await ui.t.em().execute<{ id: number }[]>(`select id from workflow_task where instance_id = ? and status = 'open'`, [started.id]);
}, 300_000); // the first start seeds the library, projects and demos: minutes when other suites share the machine

afterEach(async () => {
  // no page may log an error to the console or throw
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('修订依据 / Evidence of a revision', () => {
  it('shows the revision\'s task with the feedback and findings it was opened with: texts, dates, projects, links', async () => {
    const { page, screenshot } = await open('manager');
    await page.goto(`/admin/tasks?tab=role&task=${editTask}`);
    const evidence = page.getByTestId('revision-evidence');
    await evidence.getByTestId('evidence-feedback').first().waitFor();
    await settled(page);
    expect(await evidence.getByTestId('evidence-feedback').count()).toBe(2);
    expect(await evidence.getByTestId('evidence-finding').count()).toBe(1);
    const first = await evidence.getByTestId('evidence-feedback').first().textContent();
    expect(first).toContain('电梯地坎里全是沙子');
    expect(first).toContain(daysAgo(3).toISOString().slice(0, 10));
    expect(first).toContain('环境卫生');
    const link = evidence.getByTestId('evidence-finding').getByRole('link');
    expect(await link.getAttribute('href')).toBe(`/admin/findings/${findingId}`);
    expect(await page.getByTestId('task-detail').textContent()).toContain('地坎清理频次不足');
    await screenshot('loop-evidence');
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await evidence.getByRole('heading', { name: 'Evidence for the revision' }).waitFor();
    await settled(page);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });
});

describe('评审资料 / A standard\'s review pack', () => {
  it('opens from the standard, counts per item the findings and the feedback touching it, and downloads the workbook', async () => {
    const { page, screenshot } = await open('manager');
    await page.goto('/admin/standards/M03.P01.W002');
    await page.getByTestId('review-pack-link').click();
    await page.getByTestId('pack-table').waitFor();
    await page.getByTestId('pack-since').fill(since);
    await page.waitForURL(/since=/);
    await settled(page);
    const sill = page.getByTestId('pack-item-sillGrooveClear');
    expect(await sill.getByTestId('pack-findings').textContent()).toBe('1');
    expect(await sill.getByTestId('pack-feedback').textContent()).toBe('1');
    expect(await sill.textContent()).toContain('电梯地坎里全是沙子');
    expect(await page.getByTestId('pack-item-carCleanlinessRating').getByTestId('pack-feedback').textContent()).toBe('2');
    expect(await page.getByTestId('pack-totals').textContent()).toContain('1 项不合格、2 条相关客户反馈');
    await screenshot('loop-review-pack', { fullPage: true });
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    // the workbook
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-download').click()]);
    const rows = readWorkbook(new Uint8Array(readFileSync((await download.path())!)))['评审资料'];
    expect(rows.find((r) => r[0] === 'sillGrooveClear')!.slice(3, 5)).toEqual([1, 1]);
    // in English
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Review pack of M03.P01.W002' }).waitFor();
    await settled(page);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
  });

  it('is not offered to an inspector', async () => {
    const { page } = await open('inspector');
    await page.goto('/admin/standards/M03.P01.W002');
    await page.getByTestId('history-link').waitFor();
    expect(await page.getByTestId('review-pack-link').count()).toBe(0);
  });
});
