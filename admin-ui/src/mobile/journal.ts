import type { LocalAnswer, LocalInspection } from './local-store.ts';

/**
 * The answers not yet in IndexedDB. A tap writes its answer here synchronously (localStorage), so
 * it is on the phone before the tap's handler returns, whatever happens to the page next; the
 * inspection's IndexedDB record follows within milliseconds, and each entry is removed once a
 * record holding it has committed. Opening an inspection folds in whatever is still here (a page
 * closed between the two writes).
 */

const PREFIX = 'pinzhi.m.j.';
const keyOf = (localId: string, itemId: string) => `${PREFIX}${localId}|${itemId}`;

interface Entry {
  seq: number;
  answer: LocalAnswer | null;
}

let seq = Date.now();

/** Records an item's answer (null: cleared); returns its sequence number. */
export function journalAnswer(localId: string, itemId: string, answer: LocalAnswer | null): number {
  seq += 1;
  localStorage.setItem(keyOf(localId, itemId), JSON.stringify({ seq, answer } satisfies Entry));
  return seq;
}

/** Forgets the entries of an inspection up to `upTo` (those a committed record holds). */
export function settleJournal(localId: string, itemIds: string[], upTo: number): void {
  for (const itemId of itemIds) {
    const key = keyOf(localId, itemId);
    const raw = localStorage.getItem(key);
    if (raw && (JSON.parse(raw) as Entry).seq <= upTo) localStorage.removeItem(key);
  }
}

/** An inspection with the answers still in the journal folded in, and the item ids they concern. */
export function withJournal(inspection: LocalInspection): { inspection: LocalInspection; pending: string[]; upTo: number } {
  const answers = { ...inspection.answers };
  const pending: string[] = [];
  let upTo = 0;
  const prefix = `${PREFIX}${inspection.localId}|`;
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!;
    if (!key.startsWith(prefix)) continue;
    const itemId = key.slice(prefix.length);
    const entry = JSON.parse(localStorage.getItem(key)!) as Entry;
    if (entry.answer) answers[itemId] = entry.answer;
    else delete answers[itemId];
    pending.push(itemId);
    upTo = Math.max(upTo, entry.seq);
  }
  return { inspection: pending.length ? { ...inspection, answers } : inspection, pending, upTo };
}
