import type { Page } from 'playwright-core';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { passingValue } from '../../domain/checklists/sample-answers.ts';
import { solidPng } from '../../server/seed/png.ts';

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

