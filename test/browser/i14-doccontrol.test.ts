import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, rawKeysOnPage, signIn, startUiServer, type UiPage, type UiServer, settled, closePages } from './ui-harness.ts';

// Document control in Chinese in a real Chromium: a manager submits a revision with a note and may
// not publish it; a second quality manager reads the note and publishes; history and the audit
// trail show both notes; any version reads in full; a draft is discarded.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];

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

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
}, 240_000);

afterEach(async () => {
  // no page may log an error to the console or throw
  const errors = await closePages(pages);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('document control in the admin UI', () => {
  it('a submitter\'s note reaches a second quality manager, who publishes; history and the audit trail show both notes', async () => {
    // given the manager's draft of M03.P01.W002, submitted with a note
    const manager = await open('manager');
    await manager.goto('/admin/standards/M03.P01.W002/edit');
    await manager.getByTestId('create-draft').click();
    await manager.getByTestId('valid').waitFor();
    await manager.getByLabel('提交说明').fill('请审核：新增午间地坎清理');
    await manager.getByTestId('submit-review').click();
    // then the manager sees the note and is told why Publish is not theirs to press
    await manager.getByTestId('submit-note-shown').getByText('请审核：新增午间地坎清理').waitFor();
    await manager.getByTestId('four-eyes').getByText('职责分离').waitFor();
    expect(await manager.getByTestId('publish').isDisabled()).toBe(true);
    await expectReadable(manager);

    // when the reviewer opens it, reads the note and publishes with a decision note
    const reviewer = await open('reviewer');
    await reviewer.goto('/admin/standards/M03.P01.W002/edit');
    await reviewer.getByTestId('submit-note-shown').getByText('请审核：新增午间地坎清理').waitFor();
    expect(await reviewer.getByTestId('four-eyes').count()).toBe(0);
    await expectReadable(reviewer);
    await reviewer.getByTestId('publish-note').fill('同意发布，下月起执行');
    await reviewer.getByTestId('publish').click();
    await reviewer.getByTestId('published-notice').getByText('已发布第 3 版').waitFor();

    // then the history shows both notes on version 3
    await reviewer.goto('/admin/standards/M03.P01.W002/history');
    const notes = reviewer.getByTestId('version-notes-3');
    await notes.getByText('提交说明（manager）：请审核：新增午间地坎清理').waitFor();
    await notes.getByText('发布意见（reviewer）：同意发布，下月起执行').waitFor();
    await expectReadable(reviewer);

    // and the audit trail reads in words, with the notes and links to the version and its changes
    await reviewer.goto('/admin/standards/M03.P01.W002/audit');
    const trail = reviewer.getByTestId('audit-trail');
    const submitted = trail.locator('tr[data-action="standard.submitted"]');
    const published = trail.locator('tr[data-action="standard.published"]');
    expect(await submitted.locator('td').nth(3).textContent()).toBe('提交审核');
    expect(await submitted.locator('td').nth(5).textContent()).toBe('请审核：新增午间地坎清理');
    expect(await published.locator('td').nth(2).textContent()).toBe('reviewer');
    expect(await published.locator('td').nth(3).textContent()).toBe('发布');
    expect(await published.locator('td').nth(5).textContent()).toBe('同意发布，下月起执行');
    await expectReadable(reviewer);
    await published.getByRole('link', { name: '查看差异' }).click();
    // compared with the version stored before it (numbers may have gaps where a draft was discarded)
    await reviewer.waitForURL('**/admin/standards/M03.P01.W002/history?to=3');
    await reviewer.getByTestId('diff').waitFor();
    expect(await reviewer.getByTestId('diff-from').inputValue()).toBe('2');
    expect(await reviewer.getByTestId('diff-to').inputValue()).toBe('3');
  });

  it('reads a past version in full, labelled as past, with a link to its changes up to the current one', async () => {
    // given / when an auditor opens version 1 of M03.P01.W002 (version 3 is current)
    const auditor = await open('auditor');
    await auditor.goto('/admin/standards/M03.P01.W002?version=1');
    // then it is labelled as a past version, read-only, with its items and notes
    const banner = auditor.getByTestId('past-version-banner');
    await banner.getByText('历史版本：您正在查看第 1 版（已被取代），内容只读。').waitFor();
    await banner.getByText('当前版本是第 3 版。').waitFor();
    await auditor.getByTestId('item-row-cleaningsPerDay').waitFor();
    expect(await auditor.getByTestId('edit-standard').count()).toBe(0);
    await auditor.getByTestId('version-notes').getByText('刘建国（品质部经理）').first().waitFor();
    await expectReadable(auditor);
    // and its link compares it with the current version
    await auditor.getByTestId('diff-with-current').click();
    await auditor.waitForURL('**/admin/standards/M03.P01.W002/history?from=1&to=3');
    await auditor.getByTestId('diff').waitFor();
    // a version that does not exist says so
    await auditor.goto('/admin/standards/M03.P01.W002?version=9');
    await auditor.getByText('M03.P01.W002 没有第 9 版。').waitFor();
  });

  it('discards a draft with a reason, which the audit trail records as 废弃草稿', async () => {
    // given the manager's draft of M03.P01.W003
    const manager = await open('manager');
    await manager.goto('/admin/standards/M03.P01.W003/edit');
    await manager.getByTestId('create-draft').click();
    await manager.getByTestId('valid').waitFor();
    // when it is discarded with a reason
    await manager.getByTestId('discard-draft').click();
    await manager.getByText('废弃第 3 版？').waitFor();
    await manager.getByTestId('discard-note').fill('改由季度评审统一修订');
    await expectReadable(manager);
    await manager.getByTestId('confirm-discard').click();
    // then the editor offers a new draft again, and the trail says who discarded it and why
    await manager.getByText('已废弃 M03.P01.W003 第 3 版草稿。').waitFor();
    await manager.getByTestId('create-draft').waitFor();
    const state = (await ui.t.gql('{ standard(code: "M03.P01.W003") { ... on Standard { latestVersion draft { version } } } }', {}, await ui.t.login('admin'))).data.standard;
    expect(state).toEqual({ latestVersion: 2, draft: null });
    await manager.goto('/admin/standards/M03.P01.W003/audit');
    const row = manager.getByTestId('audit-trail').locator('tr[data-action="standard.draft.discarded"]');
    expect(await row.locator('td').nth(3).textContent()).toBe('废弃草稿');
    expect(await row.locator('td').nth(4).textContent()).toBe('第 3 版');
    expect(await row.locator('td').nth(5).textContent()).toBe('改由季度评审统一修订');
    await expectReadable(manager);
  });
});
