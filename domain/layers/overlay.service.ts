import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { authorize, ForbiddenError, type Actor, type Permission } from '../shared/access.ts';
import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { contentHash } from '../standards/content-hash.ts';
import { standardRepository } from '../standards/standard.repository.ts';
import { parseSchema } from '../standards/standard.views.ts';
import { applyOverlay } from '../variants/variants.ts';
import type { IOrganisationOverlay } from './layer.entity.ts';
import { layerMessage } from './layer.messages.ts';
import { layerRepository as layers } from './layer.repository.ts';

/** An organisation's overlay of a baseline document, as the API shows it. */
export interface OverlayView {
  code: string;
  version: number;
  status: string;
  baseVersion: number;
  patch: JsonObject;
  note: string;
  author: string;
  createdAt: Date;
  updatedAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
}

export function toOverlayView(row: IOrganisationOverlay): OverlayView {
  return {
    code: row.code, version: row.version, status: row.status, baseVersion: row.baseVersion, patch: JSON.parse(row.patchJson) as JsonObject, note: row.note,
    author: row.author, createdAt: row.createdAt, updatedAt: row.updatedAt, publishedBy: row.publishedBy ?? null, publishedAt: row.publishedAt ?? null,
  };
}

/** The actor's organisation, for work that belongs to one (the system acts for none). */
export function organisationOf(actor: Actor | null, permission: Permission): { actor: Actor; organisationId: number } {
  const checked = authorize(actor, permission);
  if (checked.organisationId === null) throw new ForbiddenError(layerMessage('layer.organisation_only'));
  return { actor: checked, organisationId: checked.organisationId };
}

/**
 * Checks a patch against the baseline document's published version: the document must be the
 * baseline's (not an addition), published, and the merged result a valid standard with the same
 * identity (the standards language's checks, each problem at its pointer). Returns the base version.
 */
async function checkedBase(em: EntityManager, code: string, patch: JsonValue, note: string): Promise<number> {
  const doc = await standardRepository.findDocument(em, code);
  if (!doc) throw new NotFoundError(layerMessage('layer.base_unpublished', { code }), code);
  if (doc.organisationId != null) throw new ValidationError(layerMessage('layer.not_baseline', { code }), [issue('/code', layerMessage('layer.not_baseline', { code }))]);
  if (doc.publishedVersion == null) throw new ValidationError(layerMessage('layer.base_unpublished', { code }), [issue('/code', layerMessage('layer.base_unpublished', { code }))]);
  const problems = [];
  if (!isJsonObject(patch)) problems.push(issue('/patch', layerMessage('layer.patch_rule')));
  if (!note.trim()) problems.push(issue('/note', layerMessage('layer.note_required')));
  if (problems.length > 0) throw new ValidationError(layerMessage('layer.overlay_invalid', { code }), problems);
  const base = parseSchema(await standardRepository.getVersion(em, code, doc.publishedVersion));
  try {
    applyOverlay(base, { code, note, patch: patch as JsonObject });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(layerMessage('layer.overlay_invalid', { code }), error.issues.map((i) => ({ ...i, pointer: `/patch${i.pointer}` })));
  }
  return doc.publishedVersion;
}

/**
 * Saves the organisation's draft overlay of a baseline document (opening one when there is none):
 * a JSON Merge Patch whose result must still be a valid standard. Published overlays are untouched
 * until the draft is published.
 */
export async function saveOverlayDraft(ctx: ServiceContext, input: { code: string; patch: JsonValue; note: string }): Promise<OverlayView> {
  const { actor, organisationId } = organisationOf(ctx.actor, 'editStandards');
  return inTransaction(ctx.em, async (em) => {
    const baseVersion = await checkedBase(em, input.code, input.patch, input.note);
    const patchJson = JSON.stringify(input.patch);
    const now = new Date();
    const changes = { patchJson, contentHash: contentHash(input.patch as JsonObject), note: input.note.trim(), baseVersion, updatedAt: now };
    let row = await layers.findOverlay(em, organisationId, input.code, 'draft');
    if (row) Object.assign(row, changes, { author: actor.username });
    else {
      const version = (await layers.highestOverlayVersion(em, organisationId, input.code)) + 1;
      row = layers.insertOverlay(em, { organisationId, code: input.code, version, status: 'draft', author: actor.username, createdAt: now, publishedBy: null, publishedAt: null, ...changes });
    }
    await layers.save(em);
    await appendAudit(em, actor, { action: 'overlay.draft.saved', subjectType: 'overlay', subjectKey: `${input.code}@${row.version}`, detail: { baseVersion, contentHash: row.contentHash, note: row.note } });
    return toOverlayView(row);
  });
}

/** Publishes the organisation's draft overlay (checked again against the current baseline); the overlay it replaces becomes superseded. */
export async function publishOverlay(ctx: ServiceContext, code: string, note?: string | null): Promise<OverlayView> {
  const { actor, organisationId } = organisationOf(ctx.actor, 'publishStandards');
  return inTransaction(ctx.em, async (em) => {
    const draft = await layers.findOverlay(em, organisationId, code, 'draft');
    if (!draft) throw new ConflictError(layerMessage('layer.no_draft', { code }));
    const baseVersion = await checkedBase(em, code, JSON.parse(draft.patchJson) as JsonValue, draft.note);
    const previous = await layers.findOverlay(em, organisationId, code, 'published');
    const now = new Date();
    if (previous) {
      previous.status = 'superseded';
      await layers.save(em); // one published overlay per document at a time
    }
    Object.assign(draft, { status: 'published', baseVersion, publishedBy: actor.username, publishedAt: now, updatedAt: now });
    await layers.save(em);
    await appendAudit(em, actor, { action: 'overlay.published', subjectType: 'overlay', subjectKey: `${code}@${draft.version}`, detail: { baseVersion, contentHash: draft.contentHash, note: note?.trim() || null, supersedes: previous?.version ?? null } });
    return toOverlayView(draft);
  });
}

/** Discards the organisation's draft overlay of a document (published overlays stay). */
export async function discardOverlayDraft(ctx: ServiceContext, code: string): Promise<OverlayView> {
  const { actor, organisationId } = organisationOf(ctx.actor, 'editStandards');
  return inTransaction(ctx.em, async (em) => {
    const draft = await layers.findOverlay(em, organisationId, code, 'draft');
    if (!draft) throw new ConflictError(layerMessage('layer.no_draft', { code }));
    const view = toOverlayView(draft);
    const hash = draft.contentHash;
    await layers.deleteOverlay(em, draft);
    await appendAudit(em, actor, { action: 'overlay.draft.discarded', subjectType: 'overlay', subjectKey: `${code}@${view.version}`, detail: { contentHash: hash } });
    return view;
  });
}

/** The organisation's overlays (every version, newest first per document), of one document or all. */
export async function listOverlays(ctx: ServiceContext, code?: string | null): Promise<OverlayView[]> {
  const { organisationId } = organisationOf(ctx.actor, 'readStandards');
  return (await layers.overlays(ctx.em, organisationId, code ?? undefined)).map(toOverlayView);
}
