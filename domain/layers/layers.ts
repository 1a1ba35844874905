import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import type { Layer } from '../standards/diff/change.ts';
import { mergePatch } from '../variants/variants.ts';

/** An instruction as the three layers make it: baseline → organisation overlay → profile variant. */
export interface LayeredSchema {
  schema: JsonObject;
  /** the layer each check item's criterion comes from, by item key */
  layers: Record<string, Layer>;
}

const touches = (patch: JsonObject | null | undefined, key: string): boolean =>
  !!patch && isJsonObject(patch.properties as JsonValue) && (patch.properties as JsonObject)[key] !== undefined;

/**
 * Applies the organisation's overlay, then the profile's variant, to a document, and says which
 * layer each check item's criterion comes from: the last layer whose patch touched the item (an
 * addition's items are all the organisation's).
 */
export function applyLayers(base: JsonObject, organisation: JsonObject | null, profile: JsonObject | null, addition = false): LayeredSchema {
  let schema = base;
  if (organisation) schema = mergePatch(schema, organisation) as JsonObject;
  if (profile) schema = mergePatch(schema, profile) as JsonObject;
  const layers: Record<string, Layer> = {};
  const properties = isJsonObject(schema.properties as JsonValue) ? (schema.properties as JsonObject) : {};
  for (const key of Object.keys(properties)) {
    layers[key] = touches(profile, key) ? 'profile' : addition || touches(organisation, key) ? 'organisation' : 'baseline';
  }
  return { schema, layers };
}
