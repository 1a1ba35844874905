import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';

// Trainings in Chromium: the quality manager opens a training of a published version, schedules a
// session, invites a person and marks attendance; the attendee takes the quiz and sees the score.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
const CODE = 'M01.P02.W006';

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

describe('标准培训 / Trainings', () => {
  it('lets the manager open a training and mark attendance, and the attendee take the quiz', async () => {
    const [{ version }] = await ui.t.em().execute<{ version: number }[]>('select published_version as version from standard_document where code = ?', [CODE]);
    const m = await openPage(browser, ui.base);
    pages.push(m);
    // when the manager opens the training of the current version from the trainings page
    await signIn(m.page, 'manager');
    await m.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '标准落地' }).click();
    await m.page.getByTestId('trainings').waitFor();
    await m.page.getByTestId('open-code').fill(CODE);
    await m.page.getByTestId('open-version').fill(String(version));
    await m.page.getByTestId('open-training').click();
    await m.page.getByTestId('material').waitFor();
    // then the material names the changes and the quiz preview marks the right answers
    expect(await m.page.getByTestId('material').locator('li').count()).toBeGreaterThan(0);
    expect(await m.page.getByTestId('quiz').getByText('✓ 正确').count()).toBe(await m.page.getByTestId('quiz').locator(':scope > li').count());
    // a session, an invitation by name, attendance marked
    await m.page.getByTestId('session-starts').fill('2026-12-10T09:00:00+08:00');
    await m.page.getByTestId('session-place').fill('总部 3楼培训室');
    await m.page.getByTestId('session-trainer').fill('陈静');
    await m.page.getByTestId('session-schedule').click();
    await m.page.getByTestId('session').first().waitFor();
    await m.page.waitForFunction(() => document.querySelectorAll('[data-testid="invite-session"] option').length === 2);
    await m.page.getByTestId('invite-session').selectOption({ index: 1 });
    await m.page.getByTestId('invite-usernames').fill('frontline');
    await m.page.getByTestId('invite-submit').click();
    const row = m.page.getByTestId('attendance-frontline');
    await row.getByText('未签到').waitFor();
    await row.getByRole('button', { name: '签到' }).click();
    await row.getByText('出席').waitFor();
    expect(await row.textContent()).toContain(`v${version}`);
    await settled(m.page);
    expect(await rawKeysOnPage(m.page, 'zh')).toEqual([]);
    expect(await unnamedControls(m.page)).toEqual([]);

    // when the attendee takes the quiz, choosing the first option of each question
    const f = await openPage(browser, ui.base);
    pages.push(f);
    await signIn(f.page, 'frontline');
    await f.page.goto('/admin/trainings');
    const [training] = await ui.t.em().execute<{ id: number; quiz: { answer: number }[] }[]>('select id, quiz from training where code = ? and version = ?', [CODE, version]);
    const quiz = f.page.getByTestId(`quiz-${training.id}`);
    await quiz.waitFor();
    for (const fieldset of await quiz.locator('fieldset').all()) await fieldset.locator('input[type=radio]').first().check();
    await quiz.getByTestId('quiz-submit').click();
    // then the score is shown and stored, pinned to the version
    const right = training.quiz.filter((q) => q.answer === 0).length;
    await quiz.getByTestId('quiz-score').getByText(`您的得分：${right} / ${training.quiz.length}`).waitFor();
    const attempts = await ui.t.em().execute<{ username: string; version: number; score: number }[]>('select username, version, score from quiz_attempt where training_id = ?', [training.id]);
    expect(attempts).toEqual([{ username: 'frontline', version, score: right }]);
  });

  it('opens the training of a published version from the page of that version (the demo one, reused)', async () => {
    const p = await openPage(browser, ui.base);
    pages.push(p);
    await signIn(p.page, 'manager');
    await p.page.goto(`/admin/standards/${CODE}?version=2`);
    await p.page.getByTestId('version-open-training').click();
    await p.page.getByTestId('material').waitFor();
    // the demo's training of v2: its two sessions and the scores
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toContain('（第2版）');
    expect(await p.page.getByTestId('session').count()).toBe(2);
    expect(await p.page.getByTestId('scores').locator('tbody tr').count()).toBe(2);
  });
});
