import type { JsonObject } from '../shared/json.ts';

/** A photo a task's form data refers to, and where. */
export interface PhotoRef {
  pointer: string;
  sha256: string;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The photo ids in a task's form data: every string the form schema marks `"format": "photo-id"`,
 * under its properties and array items, with its JSON Pointer. The server checks that each was
 * uploaded before the task completes.
 */
export function photoRefs(schema: unknown, data: unknown, pointer = ''): PhotoRef[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as JsonObject;
  if (s.format === 'photo-id' && typeof data === 'string') return [{ pointer, sha256: data }];
  const refs: PhotoRef[] = [];
  if (Array.isArray(data) && s.items) data.forEach((value, i) => refs.push(...photoRefs(s.items, value, `${pointer}/${i}`)));
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && typeof s.properties === 'object' && s.properties !== null) {
    for (const [key, sub] of Object.entries(s.properties as JsonObject)) {
      if (key in data) refs.push(...photoRefs(sub, (data as Record<string, unknown>)[key], `${pointer}/${escape(key)}`));
    }
  }
  return refs;
}
