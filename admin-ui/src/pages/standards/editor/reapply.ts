import { applyPatch, createPatch, PatchError } from '../../../../../domain/standards/diff/json-patch.ts';
import { isJsonObject, type JsonObject } from '../../../../../domain/shared/json.ts';

export type Reapplied = { ok: true; doc: JsonObject; overlaps: string[] } | { ok: false; path: string };

/**
 * JSON Patch leaves the order of object keys open; the order of check items is part of a standard.
 * Puts the items in the user's order (items only the other side has keep their place at the end),
 * and `required` in item order.
 */
function inOrderOf(doc: JsonObject, model: JsonObject): JsonObject {
  const properties = doc.properties;
  const order = model.properties;
  if (!isJsonObject(properties) || !isJsonObject(order)) return doc;
  const keys = [...Object.keys(order).filter((k) => k in properties), ...Object.keys(properties).filter((k) => !(k in order))];
  const out: JsonObject = { ...doc, properties: Object.fromEntries(keys.map((k) => [k, properties[k]])) };
  if (Array.isArray(doc.required)) out.required = [...doc.required].sort((a, b) => keys.indexOf(String(a)) - keys.indexOf(String(b)));
  return out;
}

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
    return { ok: true, doc: inOrderOf(applyPatch(theirs, myPatch) as JsonObject, mine), overlaps };
  } catch (error) {
    if (error instanceof PatchError) return { ok: false, path: error.path };
    throw error;
  }
}
