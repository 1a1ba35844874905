import { diffChars } from 'diff';

/** One run of a character-level diff: text kept, inserted or deleted. */
export interface TextSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Character-level diff of two texts (by Unicode code point, which suits Chinese prose where
 * words are not separated by spaces). Adjacent runs of the same kind are merged and empty runs
 * dropped, so concatenating the `equal` and `delete` texts gives `before`, and the `equal` and
 * `insert` texts give `after`.
 */
export function diffText(before: string, after: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const change of diffChars(before, after)) {
    if (change.value === '') continue;
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += change.value;
    else segments.push({ op, text: change.value });
  }
  return segments;
}
