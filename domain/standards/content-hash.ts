import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../shared/json.ts';

// Kept apart from json.ts so that the JSON helpers (and the diff and criterion code built on them)
// run in the browser too: the admin UI imports them.

/** sha256 (hex) of the canonical JSON of a value: the content hash of a standard version. */
export function contentHash(value: JsonValue): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
