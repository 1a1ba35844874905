import { TOUCHPOINT_CUES } from './touchpoint-cues.ts';

/** At most this many touchpoints per text: a longer list says nothing. */
const MAX_TOUCHPOINTS = 3;

/**
 * The touchpoint codes a text names, by where their cue first appears (what the text opens with is
 * most likely what it is about).
 */
export function touchpointsOf(text: string): string[] {
  const found: { code: string; at: number }[] = [];
  for (const [code, groups] of TOUCHPOINT_CUES) {
    let at = Infinity;
    let all = true;
    for (const group of groups) {
      const m = group.exec(text);
      if (!m) { all = false; break; }
      at = Math.min(at, m.index);
    }
    if (all) found.push({ code, at });
  }
  return found.sort((a, b) => a.at - b.at).slice(0, MAX_TOUCHPOINTS).map((f) => f.code);
}
