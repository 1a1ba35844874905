import { NotFoundError } from '../shared/errors.ts';
import { authorize } from '../shared/access.ts';
import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { Change, Layer } from '../standards/diff/change.ts';
import { describeChanges } from '../standards/diff/semantic-diff.ts';
import { standardMessage } from '../standards/standard.messages.ts';
import { standardRepository } from '../standards/standard.repository.ts';
import { parseSchema } from '../standards/standard.views.ts';
import { editionRepository } from '../editions/edition.repository.ts';
import { variantRepository } from '../variants/variant.repository.ts';
import { mergePatch, type Overlay } from '../variants/variants.ts';
import { applyLayers } from './layers.ts';
import { layerRepository } from './layer.repository.ts';
import { organisationLayer, requireLayer } from './organisation-layer.service.ts';
import { toOverlayView, type OverlayView } from './overlay.service.ts';

/** One check item as the layers make it, with the baseline's item beside it. */
export interface LayeredItem {
  key: string;
  title: string;
  layer: Layer;
  /** the item as the caller's projects (of the profile, when one is given) read it */
  schema: JsonObject;
  /** the baseline's item; null for an item the organisation or the profile adds */
  baselineSchema: JsonObject | null;
}

/** A standard read through its layers: the shared baseline, the organisation, the project profile. */
export interface LayeredStandard {
  code: string;
  title: string;
  /** the layer the document itself belongs to: baseline, or organisation for an addition */
  owner: Layer;
  edition: string;
  organisationEdition: string | null;
  baseVersion: number;
  profile: string | null;
  /** the overlay version applied (published, or pinned by the organisation's edition) */
  appliedOverlay: number | null;
  /** the organisation's overlays of the document, every version, newest first */
  overlays: OverlayView[];
  schema: JsonObject;
  items: LayeredItem[];
  /** what each layer changes, each change labelled with its layer */
  changes: Change[];
}

const properties = (schema: JsonObject): JsonObject => (isJsonObject(schema.properties as JsonValue) ? (schema.properties as JsonObject) : {});

/**
 * A standard as the caller's organisation reads it (through its newest edition, or the one named):
 * the baseline version, the organisation's overlay on it and, for a profile, that profile's
 * variant on top; every item labelled with the layer its criterion comes from.
 */
export async function getLayeredStandard(ctx: ServiceContext, code: string, options: { profile?: string | null; edition?: string | null } = {}): Promise<LayeredStandard> {
  const actor = authorize(ctx.actor, 'readStandards');
  const layer = requireLayer(await organisationLayer(ctx.em, actor.organisationId, options.edition), code);
  const addition = layer.additions.find((a) => a.code === code);
  let base: JsonObject;
  let baseVersion: number;
  if (addition) {
    base = addition.schema;
    baseVersion = addition.version;
  } else {
    const pinned = (await editionRepository.editionEntries(ctx.em, layer.edition)).get(code);
    if (pinned === undefined) throw new NotFoundError(standardMessage('standard.not_found', { code }), code);
    base = parseSchema(await standardRepository.getVersion(ctx.em, code, pinned));
    baseVersion = pinned;
  }
  const orgPatch = layer.overlays.get(code);
  let profilePatch: JsonObject | null = null;
  if (options.profile) {
    const version = (await variantRepository.pinned(ctx.em, layer.edition)).get(options.profile);
    if (version !== undefined) {
      const overlays = JSON.parse((await variantRepository.get(ctx.em, options.profile, version)).overlaysJson) as Overlay[];
      profilePatch = overlays.find((o) => o.code === code)?.patch ?? null;
    }
  }
  const layered = applyLayers(base, orgPatch?.patch ?? null, profilePatch, !!addition);
  const organisationSchema = orgPatch ? (mergePatch(base, orgPatch.patch) as JsonObject) : base;
  const label = (layerName: Layer) => (c: Change): Change => ({ ...c, layer: layerName });
  const changes = [...describeChanges(base, organisationSchema).map(label('organisation')), ...describeChanges(organisationSchema, layered.schema).map(label('profile'))];
  const baseItems = properties(base);
  const items = Object.entries(properties(layered.schema)).filter(([, item]) => isJsonObject(item)).map(([key, item]) => ({
    key, title: typeof (item as JsonObject).title === 'string' ? String((item as JsonObject).title) : key, layer: layered.layers[key],
    schema: item as JsonObject, baselineSchema: isJsonObject(baseItems[key]) && !addition ? (baseItems[key] as JsonObject) : null,
  }));
  const overlays = actor.organisationId === null ? [] : (await layerRepository.overlays(ctx.em, actor.organisationId, code)).map(toOverlayView);
  return {
    code, title: String(layered.schema.title ?? code), owner: addition ? 'organisation' : 'baseline', edition: layer.edition, organisationEdition: layer.organisationEdition,
    baseVersion, profile: options.profile ?? null, appliedOverlay: orgPatch?.version ?? null, overlays, schema: layered.schema, items, changes,
  };
}
