import { describeChanges } from '../standards/diff/semantic-diff.ts';
import type { Change } from '../standards/diff/change.ts';
import { NotFoundError } from '../shared/errors.ts';
import { editionMessage } from './edition.messages.ts';
import { variantMessage } from '../variants/variant.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { authorize } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { standardRepository as repo } from '../standards/standard.repository.ts';
import { parseSchema } from '../standards/standard.views.ts';
import { applyOverlay, type Overlay } from '../variants/variants.ts';
import { variantRepository as variants } from '../variants/variant.repository.ts';
import { editionRepository } from './edition.repository.ts';
import { newestEditionName } from './edition.service.ts';

export interface OverlayView extends Overlay {
  title: string;
  /** the base document's version in the edition */
  baseVersion: number;
  /** the document as the profile's projects read it */
  schema: JsonObject;
  /** what the overlay changes, as an auditor reads it */
  changes: Change[];
}

export interface VariantView {
  profile: string;
  version: number;
  title: string;
  description: string;
  author: string;
  note: string | null;
  createdAt: Date;
  edition: string;
  overlays: OverlayView[];
}

/**
 * A profile's variant as pinned by an edition (the newest by default): each overlay with the
 * document it produces and the changes it makes to the edition's base version.
 */
export async function getVariant(ctx: ServiceContext, profile: string, editionName?: string | null): Promise<VariantView> {
  authorize(ctx.actor, 'readStandards');
  const edition = editionName ?? (await newestEditionName(ctx.em));
  if (!edition) throw new NotFoundError(editionMessage('edition.none_yet'), profile);
  await editionRepository.getEdition(ctx.em, edition);
  const version = (await variants.pinned(ctx.em, edition)).get(profile);
  if (version === undefined) throw new NotFoundError(variantMessage('variant.not_in_edition', { edition, profile }), profile);
  const row = await variants.get(ctx.em, profile, version);
  const entries = await editionRepository.editionEntries(ctx.em, edition);
  const overlays: OverlayView[] = [];
  for (const overlay of JSON.parse(row.overlaysJson) as Overlay[]) {
    const baseVersion = entries.get(overlay.code);
    if (baseVersion === undefined) continue; // the base document is not in this edition
    const base = await repo.getVersion(ctx.em, overlay.code, baseVersion);
    const schema = applyOverlay(parseSchema(base), overlay);
    overlays.push({ ...overlay, title: base.title, baseVersion, schema, changes: describeChanges(parseSchema(base), schema).map((c) => ({ ...c, layer: 'profile' as const })) });
  }
  return { profile, version, title: row.title, description: row.description, author: row.author, note: row.note ?? null, createdAt: row.createdAt, edition, overlays };
}

/** The profiles an edition (the newest by default) has variants for. */
export async function listVariantProfiles(ctx: ServiceContext, editionName?: string | null): Promise<string[]> {
  authorize(ctx.actor, 'readStandards');
  const edition = editionName ?? (await newestEditionName(ctx.em));
  return edition ? [...(await variants.pinned(ctx.em, edition)).keys()] : [];
}

