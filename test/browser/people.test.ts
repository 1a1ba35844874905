import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { closePages, launchBrowser, openPage, rawKeysOnPage, settled, signIn, startUiServer, unnamedControls, type UiPage, type UiServer } from './ui-harness.ts';

// People & access (人员与权限) in Chromium: the administrator grants and revokes roles at a level, the
// header names the signed-in person's organisation, and each organisation sees only its own people.
jest.setTimeout(120_000);

let ui: UiServer;
let browser: Browser;
const pages: UiPage[] = [];

async function open(username: string): Promise<UiPage> {
  const p = await openPage(browser, ui.base);
  pages.push(p);
  await signIn(p.page, username);
  return p;
}

/** What a person's own next request says about them. */
const rolesOf = async (token: string) => (await ui.t.gql('{ me { roles } organisation { __typename ... on Error { code } } }', {}, token)).data;

beforeAll(async () => {
  ui = await startUiServer();
  browser = await launchBrowser();
}, 300_000);

afterEach(async () => {
  // no page may log an error to the console or throw
  expect(await closePages(pages)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
});

describe('人员与权限', () => {
  it('shows the administrator their organisation in the header and its people with each role\'s level', async () => {
    // given the first organisation's administrator, signed in
    const { page, screenshot } = await open('admin');
    await page.getByTestId('current-organisation').waitFor();
    expect(await page.getByTestId('current-organisation').textContent()).toBe('锦华物业');
    // when they open 人员与权限 from the navigation
    await page.getByRole('link', { name: '人员与权限' }).click();
    await page.getByTestId('people-table').waitFor();
    await settled(page);
    // then the inspector holds the role on four projects, named with their level, and the managers on the organisation
    const inspector = page.getByTestId('person-inspector');
    expect(await inspector.locator('.memberships li').allTextContents()).toEqual([
      '品控员 项目 HD01 锦绣江南花园 撤销', '品控员 项目 HN02 珠江御景湾 撤销', '品控员 项目 HD03 金鸡湖天地广场 撤销', '品控员 项目 HB01 燕园书香府 撤销',
    ]);
    expect(await page.getByTestId('person-manager').locator('.memberships li').allTextContents()).toEqual(['品质经理 组织 撤销']);
    expect(await page.getByTestId('person-pm2').locator('.memberships li').allTextContents()).toEqual(['项目经理 项目 HD01 锦绣江南花园 撤销']);
    expect(await page.getByTestId('people-intro').textContent()).toContain('锦华物业：3 个区域，18 个项目');
    expect(await page.getByTestId('people-table').textContent()).not.toContain('yj-admin');
    expect(await rawKeysOnPage(page, 'zh')).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot('people');
  });

  it('creates a person without a role, grants one on a project and revokes it, each taking effect on their next request', async () => {
    const { page } = await open('admin');
    await page.goto('/admin/people');
    await page.getByTestId('people-table').waitFor();
    // given a new person created with no role: they sign in, and are told clearly that they hold none
    await page.getByTestId('create-username').fill('qian');
    await page.getByTestId('create-name').fill('品控员 钱程');
    await page.getByTestId('create-password').fill('pinzhi-demo');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('person-qian').waitFor();
    expect(await page.getByTestId('person-qian').textContent()).toContain('尚无角色');
    const token = await ui.t.login('qian');
    expect(await rolesOf(token)).toEqual({ me: { roles: [] }, organisation: { __typename: 'ForbiddenError', code: 'auth.no_membership' } });
    // when the administrator grants 品控员 on 金鸡湖天地广场 in the grant form
    await page.getByTestId('grant-for-qian').click();
    await page.getByTestId('grant-role').selectOption('inspector');
    await page.getByTestId('grant-level').selectOption('project');
    await page.getByTestId('grant-place').selectOption({ label: 'HD03 金鸡湖天地广场（华东区域）' });
    await page.getByTestId('grant-submit').click();
    // then the page says so, the row shows it, and the person's next request holds the role
    await page.getByRole('status').filter({ hasText: '已授予 品控员 钱程：品控员（项目 HD03 金鸡湖天地广场）' }).waitFor();
    await page.getByTestId('person-qian').getByText('项目 HD03 金鸡湖天地广场').waitFor();
    expect(await rolesOf(token)).toEqual({ me: { roles: ['inspector'] }, organisation: { __typename: 'Organisation' } });
    // when they revoke it again
    await page.getByTestId('person-qian').getByRole('button', { name: '撤销 品控员 钱程 的品控员（项目 HD03 金鸡湖天地广场）' }).click();
    await page.getByTestId('person-qian').getByText('尚无角色').waitFor();
    // then the very next request is refused with the clear message, and in the UI they see only that
    expect(await rolesOf(token)).toEqual({ me: { roles: [] }, organisation: { __typename: 'ForbiddenError', code: 'auth.no_membership' } });
    const qian = await open('qian');
    expect(await qian.page.getByTestId('no-membership').textContent()).toBe('qian 尚未在任何组织、区域或项目中担任角色：请联系本组织管理员为您分配。');
    expect(await qian.page.getByRole('navigation', { name: '主导航' }).getByRole('link').count()).toBe(0);
  });

  it('shows the second organisation its own name and people, in English too; others may not open the page', async () => {
    // given the second organisation's administrator
    const { page } = await open('yj-admin');
    expect(await page.getByTestId('current-organisation').textContent()).toBe('悦居物业');
    await page.goto('/admin/people');
    await page.getByTestId('people-table').waitFor();
    // then only its people appear
    const usernames = await page.locator('[data-testid^="person-"] td:first-child').allTextContents();
    expect(usernames).toEqual(['yj-admin', 'yj-inspector', 'yj-manager', 'yj-pm']);
    expect(await page.getByTestId('person-yj-inspector').locator('.memberships li').allTextContents()).toEqual(['品控员 项目 CD01 锦江悦府 撤销', '品控员 项目 WH01 光谷悦湖苑 撤销']);
    // and in English the header and the page speak English
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'People & access' }).waitFor();
    expect(await page.getByTestId('current-organisation').textContent()).toBe('Yueju Property Services');
    expect(await page.getByTestId('person-yj-admin').locator('.memberships li').allTextContents()).toEqual(['Administrator Organisation Revoke']);
    expect(await rawKeysOnPage(page, 'en')).toEqual([]);
    // a project manager has no such entry and is refused the address
    const pm = await open('pm');
    expect(await pm.page.getByRole('link', { name: '人员与权限' }).count()).toBe(0);
    await pm.page.goto('/admin/people');
    await pm.page.getByText('您的角色无权访问此页面。').waitFor();
  });
});
