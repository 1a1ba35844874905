import type { EntityManager } from '../shared/persistence.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/json.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { newestEditionName } from '../editions/edition.service.ts';
import type { AdditionRow } from './layer.repository.ts';
import { layerRepository as layers } from './layer.repository.ts';

/** A document the organisation adds to the library, at the version its layer reads. */
export interface PinnedAddition {
  code: string;
  version: number;
  kind: string;
  title: string;
  schema: JsonObject;
}

/**
 * What one organisation's checklists and reads stand on: the baseline edition, and on top of it the
 * organisation's overlays (by document) and additions — pinned by an organisation edition, or the
 * current published ones when read through a baseline edition directly.
 */
export interface OrganisationLayer {
  /** the baseline edition */
  edition: string;
  /** the organisation's edition that pinned this layer, null when it is the current published one */
  organisationEdition: string | null;
  overlays: Map<string, { version: number; patch: JsonObject }>;
  additions: PinnedAddition[];
}

const toAddition = (row: AdditionRow): PinnedAddition => ({ code: row.code, version: Number(row.version), kind: row.kind, title: row.title, schema: JSON.parse(row.schemaJson) as JsonObject });

/**
 * The layer an organisation reads through `edition`: its own edition of that name (the baseline
 * edition it builds on and what it pins); else the baseline edition of that name with the current
 * published overlays and additions. Without a name: the organisation's newest edition, else the
 * newest baseline edition with the current ones. Null when there is no edition at all yet.
 */
export async function organisationLayer(em: EntityManager, organisationId: number | null, edition: string | null | undefined): Promise<OrganisationLayer | null> {
  if (organisationId === null) {
    const name = edition ?? (await newestEditionName(em));
    return name ? { edition: name, organisationEdition: null, overlays: new Map(), additions: [] } : null;
  }
  const own = edition ? await layers.findEdition(em, organisationId, edition) : await layers.newestEdition(em, organisationId);
  if (own) {
    const entries = await layers.editionEntries(em, own.id);
    const overlayRows = await layers.overlayVersions(em, organisationId, entries.filter((e) => e.layer === 'overlay'));
    const additions = await layers.additionVersions(em, organisationId, entries.filter((e) => e.layer === 'addition'));
    return {
      edition: own.baselineEdition, organisationEdition: own.name,
      overlays: new Map(overlayRows.map((o) => [o.code, { version: o.version, patch: JSON.parse(o.patchJson) as JsonObject }])),
      additions: additions.map(toAddition),
    };
  }
  const name = edition ?? (await newestEditionName(em));
  if (!name) return null;
  const published = (await layers.overlays(em, organisationId)).filter((o) => o.status === 'published');
  return {
    edition: name, organisationEdition: null,
    overlays: new Map(published.map((o) => [o.code, { version: o.version, patch: JSON.parse(o.patchJson) as JsonObject }])),
    additions: (await layers.publishedAdditions(em, organisationId)).map(toAddition),
  };
}

/** What a layer pins, in words a cache key and a checklist carry: `code@version` of each overlay and addition. */
export function layerSignature(layer: OrganisationLayer): { overlays: string[]; additions: string[] } {
  return {
    overlays: [...layer.overlays].map(([code, o]) => `${code}@${o.version}`).sort(),
    additions: layer.additions.map((a) => `${a.code}@${a.version}`).sort(),
  };
}

/** Throws when there is no edition to read through at all. */
export function requireLayer(layer: OrganisationLayer | null, subject: string): OrganisationLayer {
  if (!layer) throw new NotFoundError(editionMessage('edition.none_yet'), subject);
  return layer;
}
