import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, startUiServer } from '../test/browser/ui-harness.ts';
import { ensureDemoUsers } from '../domain/users/user.service.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import type { ChecklistItem } from '../domain/checklists/generate.ts';
import { PHONE, signInOnPhone } from '../test/browser/phone-helpers.ts';

type Line = (name: string, value: string, baseline: string, verdict: string) => void;


const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The baseline: the same items as one static HTML page — a title, the criterion and yes/no buttons
 * per item — whose answers are saved to localStorage by a few lines of inline script.
 */
function staticPage(items: ChecklistItem[]): string {
  const rows = items.map((item, i) => `<article class="item" id="i${i}"><h3>${escape(item.title)}</h3><p>${escape(item.criterion.zh)}</p>`
    + `<button type="button" data-item="${escape(item.id)}" data-value="true">是</button><button type="button" data-item="${escape(item.id)}" data-value="false">否</button></article>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title></head><body>${rows}`
    + `<script>const answers = {}; document.addEventListener('click', (e) => { const b = e.target.closest('button'); if (!b) return; answers[b.dataset.item] = b.dataset.value === 'true'; localStorage.setItem('answers', JSON.stringify(answers)); });</script></body></html>`;
}

/** Time from navigating to `url` until the first item's first button can be tapped. */
async function firstAnswerable(page: Page, url: string, selector: string): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ state: 'visible' });
  await page.waitForFunction((s) => !(document.querySelector(s) as HTMLButtonElement | null)?.disabled, selector);
  return Date.now() - started;
}

/**
 * The phone app with the CPU throttled 4× (DevTools protocol), on a 1,286-item quarterly checklist
 * kept on the phone: from opening the inspection to the first answerable item, and answering one
 * item until the answer is kept on the phone (its journal entry written; the IndexedDB record
 * follows) — beside a static HTML page of the same items saving to localStorage.
 */
export async function phoneBenchmarks(line: Line): Promise<void> {
  const ui = await startUiServer();
  await ensureDemoUsers(ui.t.em(), SYSTEM_ACTOR);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: ui.base, serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signInOnPhone(page);
    const round = page.getByTestId('rounds').locator('li').filter({ hasText: '季度审计' });
    await round.getByRole('button').click();
    await page.getByTestId('progress').waitFor();
    const inspectionUrl = page.url();
    const count = Number(/\/(\d+)$/.exec((await page.getByTestId('progress').textContent()) ?? '')?.[1]);
    const token = await ui.t.login('inspector');
    const project = (await ui.t.em().execute<{ id: number }[]>("select id from project where code = 'HB01'"))[0];
    const items = (await ui.t.gql(`{ checklist(projectId: ${project.id}, tier: quarterly) { ... on Checklist { items { id title criterion { zh en } } } } }`, {}, token)).data.checklist.items as ChecklistItem[];
    const html = staticPage(items);
    await page.route('**/bench-static.html', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));

    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const app: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      app.push(await firstAnswerable(page, inspectionUrl, '.item-card .btn'));
      plain.push(await firstAnswerable(page, '/bench-static.html', 'article button'));
    }
    const first = median(app);
    const firstPlain = median(plain);
    line(`phone: open a ${count}-item quarterly checklist to first answerable item, CPU 4× slower`, `${first} ms`, `static HTML of the same items: ${firstPlain} ms`,
      `ratio ${(first / firstPlain).toFixed(2)}× (goal ≤ 2×, < 1500 ms) ${first / firstPlain <= 2 && first < 1500 ? 'MET' : 'MISSED'}`);

    // answering one item until it is on the phone's disk
    const saveApp: number[] = [];
    const shownApp: number[] = [];
    const savePlain: number[] = [];
    await page.goto(inspectionUrl);
    await page.locator('.item-card').first().waitFor();
    for (let i = 0; i < RUNS; i++) {
      const [saved, shown] = await page.evaluate(async (n) => {
        const cards = Array.from(document.querySelectorAll('.item-card'));
        const card = cards.find((c) => c.querySelector('.choice button')) ?? cards[0];
        const id = card.id.slice('item-'.length);
        const button = Array.from(card.querySelectorAll<HTMLButtonElement>('.choice button'))[n % 2];
        let savedAt = 0;
        const onSaved = (e: Event) => { if ((e as CustomEvent).detail === id && !savedAt) savedAt = performance.now(); };
        window.addEventListener('pinzhi:saved', onSaved);
        const started = performance.now();
        button.click();
        // and until the screen shows it (the verdict rendered)
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const shown = performance.now();
        window.removeEventListener('pinzhi:saved', onSaved);
        return [savedAt - started, shown - started];
      }, i);
      saveApp.push(saved);
      shownApp.push(shown);
    }
    await page.goto('/bench-static.html');
    for (let i = 0; i < RUNS; i++) {
      savePlain.push(await page.evaluate((n) => {
        const started = performance.now();
        document.querySelectorAll<HTMLButtonElement>('article button')[n % 2].click();
        return performance.now() - started;
      }, i));
    }
    const save = median(saveApp);
    const savePlainMs = median(savePlain);
    line('phone: answer one item until it is stored on the phone, CPU 4× slower', `${save.toFixed(1)} ms`, `static HTML + localStorage: ${savePlainMs.toFixed(1)} ms`,
      `ratio ${(save / Math.max(savePlainMs, 0.1)).toFixed(1)}× (goal ≤ 2×) ${save <= 2 * Math.max(savePlainMs, 0.1) ? 'MET' : 'MISSED'}`);
    line('  … and until the screen shows the verdict (next frame)', `${median(shownApp).toFixed(1)} ms`, '', '');
    await context.close();
  } finally {
    await browser.close();
    await ui.close();
  }
}
