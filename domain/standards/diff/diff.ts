import type { JsonObject } from '../../shared/json.ts';
import { createPatch, type PatchOperation } from './json-patch.ts';
import { describeChanges, type Change } from './semantic-diff.ts';

/**
 * Compares two versions of a standard both ways: an RFC 6902 patch for tools (apply it to
 * `from` to get `to`) and the semantic changes for the people who review the revision.
 */
export function diffVersions(from: JsonObject, to: JsonObject): { patch: PatchOperation[]; changes: Change[] } {
  return { patch: createPatch(from, to), changes: describeChanges(from, to) };
}
