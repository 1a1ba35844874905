import { applyPatch, createPatch, PatchError } from '../../../../../standards/diff/json-patch.ts';
import type { JsonObject } from '../../../../../standards/json.ts';

export type Reapplied = { ok: true; doc: JsonObject; overlaps: string[] } | { ok: false; path: string };

const overlap = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/**
 * Someone else saved the draft first. Reapplies the user's own edits (base → mine, as a JSON
 * Patch) on top of what they saved (theirs), and names the places both changed, so the user can
 * check them before saving again. Fails, naming the path, when an edit no longer applies (the
 * item it changes was removed meanwhile).
 */
export function reapply(base: JsonObject, mine: JsonObject, theirs: JsonObject): Reapplied {
  const myPatch = createPatch(base, mine);
  const theirPaths = createPatch(base, theirs).map((op) => op.path);
  const overlaps = [...new Set(myPatch.map((op) => op.path).filter((p) => theirPaths.some((q) => overlap(p, q))))];
  try {
    return { ok: true, doc: applyPatch(theirs, myPatch) as JsonObject, overlaps };
  } catch (error) {
    if (error instanceof PatchError) return { ok: false, path: error.path };
    throw error;
  }
}
