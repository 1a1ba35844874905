import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, rawKeysOnPage, SCREENSHOTS, startUiServer, unnamedControls, type UiServer } from './ui-harness.ts';
import { ensureDemoUsers } from '../../domain/users/user.service.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { passingValue, failingValue } from '../../domain/checklists/sample-answers.ts';
import { answerInPage, PHONE, photo, plan, scrollsSideways, signInOnPhone, takePhotos } from './phone-helpers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';

/**
 * The inspector's phone app (/m) in Debian's Chromium with phone emulation (390×844, touch): a
 * whole daily inspection answered with photos and an N/A, taken offline with a reload midway,
 * synced exactly once when the connection returns; a sync cut off after the photos; an edition
 * retired while the phone was offline.
 */


let ui: UiServer;
let browser: Browser;

beforeAll(async () => {
  ui = await startUiServer();
  await ensureDemoUsers(ui.t.em(), SYSTEM_ACTOR);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: ui.base, serviceWorkers: 'allow', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(m.text()) && errors.push(`console: ${m.text()}`));
  return { context, page, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png` });


/** The checklist the phone will get, read by the test through the API (for the values to answer). */
async function checklistOf(projectId: number, tier: string): Promise<ChecklistItem[]> {
  const token = await ui.t.login('inspector');
  const result = await ui.t.gql(`{ checklist(projectId: ${projectId}, tier: ${tier}) { ... on Checklist { items { id code key title input options evidence severity unit schema criterion { zh en } } } } }`, {}, token);
  return result.data.checklist.items;
}


describe('the inspector\'s phone', () => {
  it('takes a whole daily inspection offline, through a reload, and syncs it exactly once when the connection returns', async () => {
    // the photos the first start seeded (coaching visits) are not the phone's: count those uploaded from now on
    const [{ now: started }] = await ui.t.em().execute<{ now: Date }[]>('select now() as now');
    const { context, page, errors } = await phone();
    await signInOnPhone(page);
    expect(await scrollsSideways(page)).toBe(false);
    const rounds = page.getByTestId('rounds').locator('li');
    // the rounds arrive after the heading (a query of their own): wait for the fourth, then count
    await rounds.nth(3).waitFor();
    expect(await rounds.count()).toBe(4);
    await shot(page, 'phone-today');
    expect(await unnamedControls(page)).toEqual([]);
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);

    // the first round: HD01's daily patrol, its checklist kept on the phone
    const items = await checklistOf(1, 'daily');
    await rounds.first().getByRole('button').tap();
    await page.getByTestId('progress').waitFor();
    expect(await page.getByTestId('progress').textContent()).toBe(`已答 0/${items.length}`);
    // walked by place, in the order an inspector meets them, each with its progress
    const groups = await page.locator('.group-toggle').allTextContents();
    expect(groups[0]).toMatch(/^大堂\s*0\/\d+$/);
    expect(groups.some((g) => g.startsWith('其他'))).toBe(false);
    expect(groups.length).toBeGreaterThan(5);
    await shot(page, 'phone-walk');
    expect(await scrollsSideways(page)).toBe(false);

    // chosen by hand: an N/A with its reason, a failed yes/no with its photo, a number typed
    const naItem = items.find((i) => i.input === 'boolean' && i.evidence === 'none')!;
    const failItem = items.find((i) => i.input === 'boolean' && i.evidence === 'photo-on-fail' && i.severity === 'major')!;
    const numberItem = items.find((i) => (i.input === 'number' || i.input === 'integer') && i.evidence === 'none' && failingValue(i) !== null)!;
    const photoItems = items.filter((i) => i.input === 'photos');
    const byHand = new Set([naItem.id, failItem.id, numberItem.id]);

    // offline from here on: nothing reaches the server until the end
    await context.setOffline(true);
    await page.getByText('离线：答案保存在手机上').waitFor();
    const planned = plan(items, byHand);
    await answerInPage(page, planned.slice(0, Math.floor(planned.length / 2)));

    await page.getByPlaceholder('搜索检查项').fill(naItem.title);
    const na = page.locator(`[id="item-${naItem.id}"]`);
    await na.getByRole('button', { name: '不适用' }).tap();
    await na.getByLabel('不适用的原因（必填）').fill('该楼栋本月封闭装修，无法进入');
    await page.getByPlaceholder('搜索检查项').fill(failItem.title);
    const fail = page.locator(`[id="item-${failItem.id}"]`);
    await fail.getByRole('button', { name: failItem.schema.const === false ? '是' : '否' }).tap();
    await fail.getByText(/^不合格：应为/).waitFor();
    await fail.locator('input[type="file"]').setInputFiles(photo(1));
    await fail.locator('.thumbs img').waitFor();
    // the same picture again is the same photo
    await fail.locator('input[type="file"]').setInputFiles(photo(1));
    await page.waitForTimeout(300);
    expect(await fail.locator('.thumbs li').count()).toBe(1);
    await page.getByPlaceholder('搜索检查项').fill(numberItem.title);
    const num = page.locator(`[id="item-${numberItem.id}"]`);
    await num.locator('input[type="number"]').fill(String(failingValue(numberItem)));
    await num.getByText(/^不合格：应为/).waitFor();
    await num.locator('input[type="number"]').fill(String(passingValue(numberItem)));
    await num.getByText('合格', { exact: true }).waitFor();
    await page.getByPlaceholder('搜索检查项').fill('');
    const answeredBefore = await page.getByTestId('progress').textContent();

    // the page is reloaded midway, still offline: the shell comes from the service worker, the answers from the phone
    await page.reload();
    await page.getByTestId('progress').waitFor();
    expect(await page.getByTestId('progress').textContent()).toBe(answeredBefore);

    await answerInPage(page, planned.slice(Math.floor(planned.length / 2)));
    await takePhotos(page, items, 10);
    expect(await page.getByTestId('progress').textContent()).toBe(`已答 ${items.length}/${items.length}`);
    await page.getByRole('button', { name: '不合格', exact: true }).tap();
    expect(await page.locator('.item-card').count()).toBe(1);
    await page.getByRole('button', { name: '全部', exact: true }).tap();

    // submitted offline: queued on the phone
    await page.getByRole('button', { name: '提交检查' }).tap();
    await page.getByText('已保存，联网后自动提交。').waitFor();
    await page.goto('/m/');
    await page.getByText('待同步').first().waitFor();
    await shot(page, 'phone-queued');
    expect(await ui.t.em().execute('select count(*)::int as n from inspection')).toEqual([{ n: 0 }]);

    // the connection returns: photos first, then the inspection, once
    await context.setOffline(false);
    await page.getByText('已同步').first().waitFor({ timeout: 60_000 });
    const stored = await ui.t.em().execute<{ id: number; finding_count: number; applicable: number }[]>('select id, finding_count, applicable from inspection');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ finding_count: 1, applicable: items.length - 1 });
    const uploaded = await ui.t.em().execute<{ n: number }[]>('select count(*)::int as n from photo where created_at >= ?', [started]);
    expect(uploaded[0].n).toBe(1 + photoItems.reduce((n, i) => n + Math.max(1, Number(i.schema.minItems ?? 1)), 0));
    // each with the time the phone took it
    expect(await ui.t.em().execute('select count(*)::int as n from photo where taken_at is null and created_at >= ?', [started])).toEqual([{ n: 0 }]);
    await page.getByTestId('on-phone').getByRole('link').first().tap();
    await page.getByTestId('result').waitFor();
    expect(await page.getByTestId('findings').locator('li').count()).toBe(1);
    expect(await page.getByTestId('findings').textContent()).toContain(failItem.title);
    await shot(page, 'phone-result');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await unnamedControls(page)).toEqual([]);

    // the day afterwards: the inspection among the inspector's recent ones; and the same screens in English
    await page.getByRole('button', { name: '返回' }).tap();
    await page.getByTestId('recent').locator('li').first().waitFor();
    expect(await page.getByTestId('recent').locator('li').count()).toBe(1);
    await page.getByRole('button', { name: 'English' }).first().tap();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
    await shot(page, 'phone-today-en');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  /** Answers every item of the inspection open on the page with a passing value, photos included. */
  async function answerAll(page: Page, items: ChecklistItem[], first: number): Promise<void> {
    await answerInPage(page, plan(items, new Set()));
    await takePhotos(page, items, first);
    await page.getByText(`已答 ${items.length}/${items.length}`).waitFor();
  }

  it('completes a sync cut off after the server stored the inspection, once, without sending the photos again', async () => {
    const { page, errors } = await phone();
    await signInOnPhone(page);
    const round = page.getByTestId('rounds').locator('li').filter({ hasText: '月度飞行检查' });
    const project = (await ui.t.em().execute<{ id: number; name: string }[]>("select id, name from project where code = 'HD03'"))[0];
    await round.getByRole('button').tap();
    const items = await checklistOf(project.id, 'monthly');
    // a tap's answer is in the journal before IndexedDB has it; a page closed in between loses nothing
    const yesNo = items.find((i) => i.input === 'boolean')!;
    await page.evaluate((itemId) => {
      const localId = location.pathname.split('/').pop();
      localStorage.setItem(`pinzhi.m.j.${localId}|${itemId}`, JSON.stringify({ seq: 1, answer: { value: true } }));
    }, yesNo.id);
    await page.reload();
    await page.getByText(`已答 1/${items.length}`).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pinzhi.m.j.')))).toEqual([]);
    await answerAll(page, items, 500);

    // the first sync: the photos arrive, the submission is stored, and the answer is lost on the way back
    const uploads: string[] = [];
    page.on('request', (r) => r.url().endsWith('/graphql') && (r.headers()['content-type'] ?? '').startsWith('multipart/') && uploads.push(r.url()));
    let cut = 0;
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('PhoneSubmit')) return route.continue();
      cut++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '提交检查' }).tap();
    await page.getByText('已保存，联网后自动提交。').waitFor();
    expect(cut).toBe(1);
    const photosSent = uploads.length;
    expect(photosSent).toBe(items.filter((i) => i.input === 'photos').reduce((n, i) => n + Math.max(1, Number(i.schema.minItems ?? 1)), 0));
    const stored = () => ui.t.em().execute<{ n: number }[]>('select count(*)::int as n from inspection where project_id = ? and tier = ?', [project.id, 'monthly']);
    expect(await stored()).toEqual([{ n: 1 }]);

    // the retry answers as the first submission: stored once, photos not sent again
    await page.unroute('**/graphql');
    await page.goto('/m/');
    await page.getByText('已同步').first().waitFor({ timeout: 30_000 });
    expect(await stored()).toEqual([{ n: 1 }]);
    expect(uploads.length).toBe(photosSent);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('keeps the answers of an inspection whose edition was retired while the phone was offline, says why, and exports them', async () => {
    const { context, page } = await phone();
    await signInOnPhone(page);
    const project = (await ui.t.em().execute<{ id: number }[]>("select id from project where code = 'HN02'"))[0];
    await page.getByTestId('rounds').locator('li').filter({ hasText: '珠江御景湾' }).getByRole('button').tap();
    const items = await checklistOf(project.id, 'daily');
    await context.setOffline(true);
    await answerAll(page, items, 900);
    await page.getByRole('button', { name: '提交检查' }).tap();
    await page.getByText('已保存，联网后自动提交。').waitFor();

    // meanwhile at the office: a new edition is published and the phone's one retired
    const manager = await ui.t.login('manager');
    const edition = (await ui.t.gql('{ checklist(projectId: ' + project.id + ', tier: daily) { ... on Checklist { edition } } }', {}, manager)).data.checklist.edition;
    expect((await ui.t.gql('mutation { publishEdition(name: "phone-test-next", note: "test") { __typename } }', {}, manager)).data.publishEdition.__typename).toBe('Edition');
    expect((await ui.t.gql(`mutation { retireEdition(name: "${edition}", note: "标准已更新") { __typename } }`, {}, manager)).data.retireEdition.__typename).toBe('Edition');

    await context.setOffline(false);
    await page.getByText('服务器退回了这次检查').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').first().textContent()).toContain(`版本集 ${edition} 已于`);
    // every answer is still on the phone, and can be taken away
    expect(await page.getByTestId('progress').textContent()).toBe(`已答 ${items.length}/${items.length}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出答案（JSON）' }).tap()]);
    const exported = JSON.parse(await new Response((await download.createReadStream()) as unknown as ReadableStream).text());
    expect(Object.keys(exported.answers)).toHaveLength(items.length);
    expect(exported.edition).toBe(edition);
    await shot(page, 'phone-refused');
    expect(await scrollsSideways(page)).toBe(false);

    // started again on the current edition: the same items keep their answers, and it goes through
    await page.getByRole('button', { name: /按当前版本集重新检查/ }).tap();
    await page.getByText('服务器退回了这次检查').waitFor({ state: 'detached' });
    await page.getByText(`已答 ${items.length}/${items.length}`).waitFor();
    await page.getByRole('button', { name: '提交检查' }).tap();
    await page.getByTestId('result').waitFor({ timeout: 30_000 });
    const rows = await ui.t.em().execute<{ edition_name: string }[]>('select edition_name from inspection where project_id = ? and tier = ?', [project.id, 'daily']);
    expect(rows).toEqual([{ edition_name: 'phone-test-next' }]);
    await context.close();
  }, 300_000);
});
