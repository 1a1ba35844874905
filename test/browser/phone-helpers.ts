import type { Page } from 'playwright-core';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { passingValue } from '../../domain/checklists/sample-answers.ts';
import { solidPng } from '../../server/seed/png.ts';
import { DEMO_PASSWORD } from '../../domain/users/user.service.ts';

/** What the phone tests and the benchmark emulate: a 390×844 phone with touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Nothing wider than the screen. */
export const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** A distinct photo for each n (its size differs, so its bytes do). */
export const photo = (n: number) => ({ name: `site-${n}.png`, mimeType: 'image/png', buffer: solidPng(320 + n, 240, [(n * 37) % 256, (n * 91) % 256, (n * 53) % 256]) });

export type Planned = { id: string; input: string; value: string | number | boolean; label: string | null };

/** What the test answers for each item: the passing value, shown as the button or text the inspector uses. */
export function plan(items: ChecklistItem[], except: Set<string>): Planned[] {
  return items.filter((i) => !except.has(i.id) && i.input !== 'photos').map((i) => {
    const value = passingValue(i) as string | number | boolean;
    return { id: i.id, input: i.input, value, label: i.input === 'boolean' ? (value ? '是' : '否') : i.input === 'choice' ? String(value) : null };
  });
}

/**
 * Answers planned items the way a finger would, through the page's own controls: opens each
 * group, taps the button or types into the field of each item, and closes the group again.
 */
export async function answerInPage(page: Page, planned: Planned[]): Promise<void> {
  await page.evaluate(async (list) => {
    const byId = new Map(list.map((p) => [p.id, p]));
    const setNative = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    for (const toggle of Array.from(document.querySelectorAll<HTMLButtonElement>('.group-toggle'))) {
      const wasOpen = toggle.getAttribute('aria-expanded') === 'true';
      if (!wasOpen) toggle.click();
      await frame();
      const section = toggle.closest('section')!;
      for (const card of Array.from(section.querySelectorAll<HTMLElement>('.item-card'))) {
        const p = byId.get(card.id.slice('item-'.length));
        if (!p) continue;
        if (p.label !== null) Array.from(card.querySelectorAll<HTMLButtonElement>('.choice button')).find((b) => b.textContent === p.label)!.click();
        else setNative(card.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[type="number"], textarea')!, String(p.value));
      }
      await frame();
      if (!wasOpen) toggle.click();
    }
  }, planned);
}


/** Signs the demo inspector in on the phone and waits until the service worker controls the page (the shell is cached). */
export async function signInOnPhone(page: Page): Promise<void> {
  await page.goto('/m/');
  await page.getByLabel('用户名').fill('inspector');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).tap();
  await page.getByRole('heading', { name: '今日巡检' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

/** Takes the photos each photos item needs (distinct pictures from number `first` on); returns the next number. */
export async function takePhotos(page: Page, items: ChecklistItem[], first: number): Promise<number> {
  let taken = first;
  for (const item of items.filter((i) => i.input === 'photos')) {
    await page.getByPlaceholder('搜索检查项').fill(item.title);
    const card = page.locator(`[id="item-${item.id}"]`);
    const needed = Math.max(1, Number(item.schema.minItems ?? 1));
    for (let k = 0; k < needed; k++) await card.locator('input[type="file"]').setInputFiles(photo(taken++));
    await card.locator('.thumbs li').nth(needed - 1).waitFor();
  }
  await page.getByPlaceholder('搜索检查项').fill('');
  return taken;
}
