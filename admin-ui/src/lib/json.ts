import { isJsonObject, type JsonValue } from '../../../domain/shared/json.ts';

/** A member of a JSON value the API types as `JSON` (workflow variables, forms): undefined unless it is an object with that key. */
export function member(value: JsonValue | null | undefined, key: string): JsonValue | undefined {
  return isJsonObject(value) ? value[key] : undefined;
}
