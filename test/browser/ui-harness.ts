import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../harness.ts';
import { seed } from '../../server/bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { createHttpServer } from '../../server/http.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { CATALOGUE } from '../../server/i18n/catalogue.ts';
import { en, zh } from '../../admin-ui/src/lib/messages/catalogue.ts';

/** Where the browser tests leave their screenshots (CI keeps them as artefacts). */
export const SCREENSHOTS = new URL('../artifacts/screenshots/', import.meta.url).pathname;

export interface UiServer {
  t: TestApp;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/**
 * A real Pinzhi server for the browser: a fresh database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL) with the shipped library, sample projects, demo users and the shipped
 * processes, behind the real HTTP front serving the built admin UI.
 */
export async function startUiServer(): Promise<UiServer> {
  const t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  const server: Server = createHttpServer(() => t.app, { maxBodyBytes: 16 * 1024 * 1024, responseCacheTtlMs: 1000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    // Chinese dates in date inputs, as the users see them
    env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--lang=zh-CN', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export interface UiPage {
  page: Page;
  context: BrowserContext;
  /** console errors and uncaught exceptions seen so far */
  errors: string[];
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export const LAPTOP = { width: 1366, height: 850 };
export const TABLET = { width: 820, height: 1180 };

/** A page in a fresh browser context that records every console error and page error. */
export async function openPage(browser: Browser, base: string, viewport = LAPTOP): Promise<UiPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: base, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    context,
    errors,
    screenshot: async (name, options = {}) => {
      await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: options.fullPage ?? false });
    },
    close: () => context.close(),
  };
}

/** Signs in through the sign-in page and waits for the app's shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * Interactive elements without an accessible name (a label, text or aria-label): what keyboard
 * and screen-reader users could not identify. Returns a description of each.
 */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main a[href], main button, main input, main select, main textarea, header a[href], header button'))) {
      if (el.closest('.djs-container')) continue; // bpmn-js's own canvas widgets
      if ((el as HTMLInputElement).type === 'hidden' || el.offsetParent === null) continue;
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title')
        || (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.closest('label')
        || (el.textContent ?? '').trim() || (el.querySelector('img[alt]:not([alt=""])'));
      if (!labelled) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

// ---- raw keys: what a reader must never see ----

const definitionsDir = new URL('../../domain/workflows/definitions/', import.meta.url);
/** Element ids of the shipped processes (analyse, rectify, howPrevent …): pages show their names. */
export const STATE_IDS = [...new Set(readdirSync(definitionsDir).filter((f) => f.endsWith('.bpmn'))
  .flatMap((f) => [...readFileSync(new URL(f, definitionsDir), 'utf8').matchAll(/<bpmn:(?!definitions|process|sequenceFlow)\w+ id="([^"]+)"/g)].map((m) => m[1])))];

const prefixesOf = (codes: string[]) => [...new Set(codes.map((c) => c.split('.')[0]))];
/** Key prefixes of the UI's catalogue and of the server's message codes (shell., severity., standard. …). */
const KEY_PREFIXES = [...new Set([...prefixesOf(Object.keys(zh)), ...prefixesOf(Object.keys(CATALOGUE))])].sort((a, b) => b.length - a.length);
const KEY = new RegExp(`(?<![\\w/.:@-])(?:${KEY_PREFIXES.join('|')})\\.[A-Za-z_][\\w-]*`, 'g');
const CAMEL_CASE = /(?<![\w$@#/.:~-])[a-z]+[A-Z][A-Za-z]*\b/g;
const POINTER_IN_CHINESE = /[\u3400-\u9fff\uff01-\uff5e]\s*\/[A-Za-z]|(?:^|\s)\/[a-z][\w~-]*(?:\/[\w~-]+)+/g;
/** Lower-case English words the English UI uses on purpose (a state id like "published" may be one). */
const ENGLISH_WORDS = new Set([...Object.values(en), ...Object.values(CATALOGUE).map((t) => t.en)].flatMap((text) => text.match(/[a-z]+/g) ?? []));
const idsIn = (ids: string[]) => new RegExp(`(?<![\\w-])(?:${ids.join('|')})(?![\\w-])`, 'g');
const STATE_ID_ZH = idsIn(STATE_IDS);
const STATE_ID_EN = idsIn(STATE_IDS.filter((id) => !ENGLISH_WORDS.has(id)));

/**
 * Raw keys a reader would see on the page: message keys (`severity.catastrophic`), camelCase field
 * names (`plannedBy`), element ids of the shipped processes (`analyse`), and JSON Pointers in
 * Chinese text (`正文/definitions`). Scans the visible text (options of selects and aria-labels
 * too), except what is deliberately technical: `code`, `pre`, text areas, the BPMN canvas, and
 * folded-away details. Returns each finding with the text it was found in.
 */
export async function rawKeysOnPage(page: Page, lang: 'zh' | 'en'): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = 'code, pre, kbd, samp, textarea, .cm-editor, script, style, .djs-container, .djs-overlay-container, .bjs-powered-by';
    const byParent = new Map<Element, string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // text nodes of one element are read together, spaces included ("正文" "/" "definitions" is one text)
      if (!el || el.closest(skip)) continue;
      // a closed select's options count; anything else must be rendered (closed <details> are not)
      if (el.tagName !== 'OPTION' && !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      byParent.set(el, (byParent.get(el) ?? '') + node.textContent);
    }
    const labels = [...document.querySelectorAll('[aria-label]')].filter((el) => !el.closest(skip)).map((el) => el.getAttribute('aria-label') ?? '');
    return [...byParent.values(), ...labels].map((t) => t.trim()).filter(Boolean);
  });
  const found: string[] = [];
  const check = (re: RegExp, text: string, what: string) => {
    for (const m of text.matchAll(re)) found.push(`${what} "${m[0].trim()}" in "${text.slice(0, 120)}"`);
  };
  for (const text of texts) {
    check(KEY, text, 'message key');
    check(CAMEL_CASE, text, 'field name');
    check(lang === 'zh' ? STATE_ID_ZH : STATE_ID_EN, text, 'element id');
    if (lang === 'zh') check(POINTER_IN_CHINESE, text, 'JSON Pointer');
  }
  return [...new Set(found)];
}

/** How long the page must stay quiet (no request starting or ending) to count as settled. */
const QUIET_MS = 300;

/**
 * The page has loaded what it shows: no request pending, no spinner, no photo or label still coming.
 * `networkidle` alone does not see a route change inside the app (back, a filter written into the address):
 * its load state is not reset, and the fetch starts only after React's effects run. So the page must also
 * stay quiet for a window with nothing in flight, once its loading markers are gone.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  let inFlight = 0;
  let events = 0;
  const started = () => { inFlight += 1; events += 1; };
  const ended = () => { inFlight -= 1; events += 1; };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await page.waitForFunction(() => !document.querySelector('main .loading') && !document.querySelector('main .photo-loading') && !/(^|[\s(])…(\s|$)/.test(document.querySelector('main')?.textContent ?? ''));
      events = 0;
      await page.waitForTimeout(QUIET_MS);
      if (events === 0 && inFlight <= 0) return;
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** Closes the pages a test opened (emptying the list) and gives the console errors and uncaught exceptions they saw. */
export async function closePages(pages: UiPage[]): Promise<string[]> {
  const open = pages.splice(0);
  const errors = open.flatMap((p) => p.errors);
  await Promise.all(open.map((p) => p.close()));
  return errors;
}
