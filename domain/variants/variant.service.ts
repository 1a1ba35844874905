import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { describeChanges, type Change } from '../standards/diff/semantic-diff.ts';
import { issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { variantMessage } from './variant.messages.ts';
import { canonicalJson, type JsonObject } from '../shared/json.ts';
import { contentHash } from '../standards/content-hash.ts';
import type { Touchpoint as TouchpointData } from '../editions/library-package.ts';
import { applyOverlay, type Overlay, type Variant } from './variants.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, type Actor } from '../users/roles.ts';
import { Touchpoint, type ITouchpoint } from './touchpoint.entity.ts';
import { VariantVersion, type IVariantVersion } from './variant.entity.ts';
import { standardRepository as repo } from '../standards/standard.repository.ts';
import { newestEditionName } from '../editions/edition.service.ts';
import { parseSchema } from '../standards/standard.views.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { variantRepository as variants } from './variant.repository.ts';

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
 * Stores a variant as the profile's next version when its overlays differ from the latest, after
 * checking that each overlay applies to the current published document. Editions published later
 * pin it. Runs in the caller's transaction.
 */
export async function saveVariant(em: EntityManager, actor: Actor, variant: Variant, provenance: { author: string; note: string | null }): Promise<IVariantVersion> {
  authorize(actor, 'publishStandards');
  for (const [i, overlay] of variant.overlays.entries()) {
    const doc = await repo.findDocument(em, overlay.code);
    if (!doc || doc.publishedVersion == null) throw new ValidationError(variantMessage('variant.base_unpublished', { profile: variant.profile, code: overlay.code }), [issue(`/overlays/${i}/code`, variantMessage('variant.code_unpublished', { code: overlay.code }))]);
    applyOverlay(parseSchema(await repo.getVersion(em, overlay.code, doc.publishedVersion)), overlay);
  }
  const overlaysJson = JSON.stringify(variant.overlays);
  const hash = contentHash(JSON.parse(canonicalJson({ title: variant.title, description: variant.description, overlays: JSON.parse(overlaysJson) })));
  const latest = await variants.latest(em, variant.profile);
  if (latest?.contentHash === hash) return latest;
  const row = em.create(VariantVersion, {
    profile: variant.profile, version: (latest?.version ?? 0) + 1, title: variant.title, description: variant.description,
    overlaysJson, overlayCount: variant.overlays.length, contentHash: hash, author: provenance.author, note: provenance.note, createdAt: new Date(),
  });
  await appendAudit(em, actor, { action: 'variant.saved', subjectType: 'variant', subjectKey: `${row.profile}@${row.version}`, detail: { overlays: row.overlayCount, contentHash: hash, author: row.author } });
  return row;
}

/** Replaces nothing: adds the touchpoints that are not stored yet (they are reference data). */
export async function saveTouchpoints(em: EntityManager, touchpoints: TouchpointData[]): Promise<number> {
  const known = new Set((await em.find(Touchpoint, {}, { fields: ['code'] })).map((t) => t.code));
  const added = touchpoints.filter((t) => !known.has(t.code));
  for (const t of added) em.create(Touchpoint, { code: t.code, name: t.name, stage: t.stage, place: t.place });
  await em.flush();
  return added.length;
}

/**
 * A profile's variant as pinned by an edition (the newest by default): each overlay with the
 * document it produces and the changes it makes to the edition's base version.
 */
export async function getVariant(ctx: ServiceContext, profile: string, editionName?: string | null): Promise<VariantView> {
  authorize(ctx.actor, 'readStandards');
  const edition = editionName ?? (await newestEditionName(ctx.em));
  if (!edition) throw new NotFoundError(editionMessage('edition.none_yet'), profile);
  await repo.getEdition(ctx.em, edition);
  const version = (await variants.pinned(ctx.em, edition)).get(profile);
  if (version === undefined) throw new NotFoundError(variantMessage('variant.not_in_edition', { edition, profile }), profile);
  const row = await variants.get(ctx.em, profile, version);
  const entries = await repo.editionEntries(ctx.em, edition);
  const overlays: OverlayView[] = [];
  for (const overlay of JSON.parse(row.overlaysJson) as Overlay[]) {
    const baseVersion = entries.get(overlay.code);
    if (baseVersion === undefined) continue; // the base document is not in this edition
    const base = await repo.getVersion(ctx.em, overlay.code, baseVersion);
    const schema = applyOverlay(parseSchema(base), overlay);
    overlays.push({ ...overlay, title: base.title, baseVersion, schema, changes: describeChanges(parseSchema(base), schema) });
  }
  return { profile, version, title: row.title, description: row.description, author: row.author, note: row.note ?? null, createdAt: row.createdAt, edition, overlays };
}

/** The profiles an edition (the newest by default) has variants for. */
export async function listVariantProfiles(ctx: ServiceContext, editionName?: string | null): Promise<string[]> {
  authorize(ctx.actor, 'readStandards');
  const edition = editionName ?? (await newestEditionName(ctx.em));
  return edition ? [...(await variants.pinned(ctx.em, edition)).keys()] : [];
}

export async function listTouchpoints(ctx: ServiceContext, stage?: string | null): Promise<ITouchpoint[]> {
  authorize(ctx.actor, 'readStandards');
  return variants.listTouchpoints(ctx.em, stage);
}
