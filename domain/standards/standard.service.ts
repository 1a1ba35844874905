import { type EntityManager, inTransaction } from '../shared/persistence.ts';
import { ConflictError, NotFoundError, ValidationError, type Issue, issue } from '../shared/errors.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { standardMessage as m } from './standard.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { contentHash } from './content-hash.ts';
import { collectStandardRefs } from './refs.ts';
import { validateStandard, type StandardIdentity } from './validate.ts';
import type { DocumentLimits } from '../shared/limits.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, type Actor } from '../shared/access.ts';
import type { IStandardDocument } from './standard-document.entity.ts';
import type { IStandardVersion } from './standard-version.entity.ts';
import { standardRepository as repo } from './standard.repository.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { parseSchema, toVersionView, type StandardVersionView } from './standard.views.ts';
import { PLACE_KINDS } from './place-kinds.ts';
import { assertSeparateApprover } from './document-control.service.ts';
import { ownerForChange } from './ownership.service.ts';


/** Validates a document and checks that it is the document `code` names. */
function validateFor(code: string | null, schema: unknown, limits: DocumentLimits): StandardIdentity {
  const identity = validateStandard(schema, limits);
  if (code !== null && identity.code !== code) {
    throw new ValidationError(m('standard.code_mismatch', { actual: identity.code, expected: code }), [issue('/x-standard/code', m('standard.code_must_be', { code }))]);
  }
  return identity;
}

/**
 * Follows `$ref`s from a document through the store (each document's newest version) and
 * reports the first ref that leads back to it.
 */
async function refCycleIssues(em: EntityManager, code: string, schema: JsonObject): Promise<Issue[]> {
  for (const ref of collectStandardRefs(schema)) {
    const seen = new Set<string>([code]);
    const queue = [ref.code];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (next === code) return [issue(ref.pointer, m('standard.ref_cycle', { code, via: ref.code }))];
      if (seen.has(next)) continue;
      seen.add(next);
      const doc = await repo.findDocument(em, next);
      if (!doc) continue;
      const row = await repo.findVersion(em, next, doc.latestVersion);
      if (row) queue.push(...collectStandardRefs(parseSchema(row)).map((r) => r.code));
    }
  }
  return [];
}

/** Every touchpoint a check item names must be one of the store's touchpoints. */
async function touchpointIssues(em: EntityManager, schema: JsonObject): Promise<Issue[]> {
  const named: { pointer: string; code: string }[] = [];
  for (const [key, item] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
    const touchpoints = (item?.['x-check'] as JsonObject | undefined)?.touchpoints;
    if (Array.isArray(touchpoints)) touchpoints.forEach((tp, i) => typeof tp === 'string' && named.push({ pointer: `/properties/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/x-check/touchpoints/${i}`, code: tp }));
  }
  const known = await repo.knownTouchpoints(em, [...new Set(named.map((n) => n.code))]);
  if (!known) return [];
  return named.filter((n) => !known.has(n.code)).map((n) => issue(n.pointer, m('standard.touchpoint_unknown', { touchpoint: n.code })));
}

/** What the store adds to the language's rules: no `$ref` cycle through other documents, only known touchpoints. */
async function assertStoreRules(em: EntityManager, code: string, schema: JsonObject): Promise<void> {
  const issues = await refCycleIssues(em, code, schema);
  if (issues.length > 0) throw new ValidationError(m('standard.refers_to_itself', { code }), issues);
  const unknown = await touchpointIssues(em, schema);
  if (unknown.length > 0) throw new ValidationError(m('standard.touchpoints_unknown', { code, count: unknown.length }), unknown);
}

/** Every `$ref` of a version must name a published, not retired, document. */
async function assertRefsPublished(em: EntityManager, code: string, schema: JsonObject): Promise<void> {
  const issues: Issue[] = [];
  for (const ref of collectStandardRefs(schema)) {
    const target = await repo.findDocument(em, ref.code);
    if (!target || target.publishedVersion === null || target.retired) {
      issues.push(issue(ref.pointer, m(!target ? 'standard.ref_missing' : target.retired ? 'standard.ref_retired' : 'standard.ref_unpublished', { target: ref.code })));
    }
  }
  if (issues.length > 0) throw new ValidationError(m('standard.refs_unpublished', { code, count: issues.length }), issues);
}

function summary(row: IStandardVersion): JsonObject {
  return { version: row.version, status: row.status, contentHash: row.contentHash, revision: row.revision };
}

/**
 * Checks a document as `updateDraft` would — the standards language, its identity (code, and the
 * kind and parent of a stored document), `$ref` cycles —
 * and stores nothing: editors call it as the user types. An empty list means updateDraft will
 * accept the document (unless someone saves first).
 */
export async function checkStandard(ctx: ServiceContext, code: string, schema: unknown): Promise<Issue[]> {
  authorize(ctx.actor, 'editStandards');
  try {
    const identity = validateFor(code, schema, ctx.limits);
    const doc = await repo.findDocument(ctx.em, code);
    if (doc) assertSameIdentity(doc, identity);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.length > 0 ? error.issues : [issue('', error)];
  }
  return [...(await refCycleIssues(ctx.em, code, schema as JsonObject)), ...(await touchpointIssues(ctx.em, schema as JsonObject))];
}

/** The kinds of place a check item may name (`x-check.place`), with their Chinese and English names, for clients that group or label items by place. */
export function listPlaceKinds(ctx: Pick<ServiceContext, 'actor'>): readonly { kind: string; zh: string; en: string }[] {
  authorize(ctx.actor, 'readStandards');
  return PLACE_KINDS;
}

/**
 * Opens a draft. For a new code the schema is required and creates the document; for an existing
 * one the draft starts from the given schema or a copy of the newest version. At most one draft
 * (or version in review) exists per document.
 */
export async function createDraft(ctx: ServiceContext, input: { code: string; schema?: unknown; note?: string | null }): Promise<StandardVersionView> {
  const actor = authorize(ctx.actor, 'editStandards');
  return inTransaction(ctx.em, async (em) => {
    const now = new Date();
    let doc = await repo.findDocument(em, input.code);
    const owner = await ownerForChange(em, actor, input.code, doc);
    let schema: JsonObject;
    if (!doc) {
      if (input.schema === undefined || input.schema === null) {
        throw new ValidationError(m('standard.schema_required', { code: input.code }), [issue('', m('standard.schema_required_issue'))]);
      }
      const identity = validateFor(input.code, input.schema, ctx.limits);
      schema = input.schema as JsonObject;
      if (identity.parent && !(await repo.findDocument(em, identity.parent))) {
        throw new ValidationError(m('standard.parent_missing', { parent: identity.parent }), [issue('/x-standard/parent', m('standard.no_such_standard', { code: identity.parent }))]);
      }
      doc = await repo.insertDocument(em, {
        code: identity.code, kind: identity.kind, parentCode: identity.parent, title: identity.title,
        latestVersion: 0, publishedVersion: null, retired: false, createdAt: now, updatedAt: now, organisationId: owner,
      });
    } else {
      const open = await repo.findOpenVersion(em, input.code);
      if (open) throw new ConflictError(m('standard.already_open', { code: input.code, version: open.version, status: open.status }), open.revision);
      if (input.schema !== undefined && input.schema !== null) {
        validateFor(input.code, input.schema, ctx.limits);
        schema = input.schema as JsonObject;
      } else {
        schema = parseSchema(await repo.getVersion(em, input.code, doc.latestVersion));
      }
      assertSameIdentity(doc, validateFor(input.code, schema, ctx.limits));
    }
    await assertStoreRules(em, input.code, schema);
    // a discarded draft's number is not given again (the audit trail names it)
    doc.latestVersion = Math.max(doc.latestVersion, await auditRepository.highestDiscardedVersion(em, input.code)) + 1;
    doc.updatedAt = now;
    const row = repo.insertVersion(em, {
      code: input.code, version: doc.latestVersion, status: 'draft', title: String(schema.title),
      schemaJson: JSON.stringify(schema), contentHash: contentHash(schema), revision: 1,
      author: actor.username, note: input.note ?? null, createdAt: now, updatedAt: now,
    });
    await appendAudit(em, actor, { action: 'standard.draft.created', subjectType: 'standard', subjectKey: input.code, detail: summary(row) });
    return toVersionView(row);
  });
}

function assertSameIdentity(doc: IStandardDocument, identity: StandardIdentity): void {
  if (identity.kind !== doc.kind || identity.parent !== doc.parentCode) {
    throw new ValidationError(doc.parentCode ? m('standard.identity_fixed_under', { code: doc.code, kind: doc.kind, parent: doc.parentCode }) : m('standard.identity_fixed', { code: doc.code, kind: doc.kind }), [
      issue(identity.kind !== doc.kind ? '/x-standard/kind' : '/x-standard/parent', m('standard.kind_parent_fixed')),
    ]);
  }
}

/**
 * Replaces the draft's schema, only if the caller saw the newest revision: a stale
 * `expectedRevision` is a ConflictError carrying the current revision, and nothing is written.
 */
export async function updateDraft(ctx: ServiceContext, input: { code: string; schema: unknown; expectedRevision: number; note?: string | null }): Promise<StandardVersionView> {
  const actor = authorize(ctx.actor, 'editStandards');
  const identity = validateFor(input.code, input.schema, ctx.limits);
  const schema = input.schema as JsonObject;
  return inTransaction(ctx.em, async (em) => {
    const doc = await repo.getDocument(em, input.code);
    await ownerForChange(em, actor, input.code, doc);
    assertSameIdentity(doc, identity);
    const draft = await repo.findOpenVersion(em, input.code);
    if (!draft || draft.status !== 'draft') {
      throw new ConflictError(draft ? m('standard.draft_in_review', { code: input.code, version: draft.version }) : m('standard.no_draft', { code: input.code }), draft?.revision ?? null);
    }
    await assertStoreRules(em, input.code, schema);
    const now = new Date();
    const hash = contentHash(schema);
    const saved = await repo.updateDraftAtRevision(em, draft, input.expectedRevision, {
      schemaJson: JSON.stringify(schema), contentHash: hash, title: String(schema.title),
      revision: input.expectedRevision + 1, updatedAt: now, editedBy: actor.username, ...(input.note !== undefined ? { note: input.note } : {}),
    });
    if (!saved) {
      throw new ConflictError(m('standard.draft_stale', { code: input.code, expected: input.expectedRevision, current: draft.revision }), draft.revision);
    }
    doc.title = String(schema.title);
    doc.updatedAt = now;
    await appendAudit(em, actor, { action: 'standard.draft.updated', subjectType: 'standard', subjectKey: input.code, detail: { ...summary(draft), previousRevision: input.expectedRevision } });
    return toVersionView(draft);
  });
}

async function transition(ctx: ServiceContext, code: string, from: string, action: string, note: string | null, apply: (row: IStandardVersion, actor: Actor, now: Date, em: EntityManager) => Promise<void> | void, permission: 'editStandards' | 'publishStandards'): Promise<StandardVersionView> {
  const actor = authorize(ctx.actor, permission);
  return inTransaction(ctx.em, async (em) => {
    await ownerForChange(em, actor, code, await repo.getDocument(em, code));
    const open = await repo.findOpenVersion(em, code);
    if (!open || open.status !== from) {
      throw new ConflictError(open ? m('standard.wrong_status', { code, version: open.version, status: open.status, expected: from }) : m('standard.no_open_version', { code, status: from }), open?.revision ?? null);
    }
    const now = new Date();
    await apply(open, actor, now, em);
    await appendAudit(em, actor, { action, subjectType: 'standard', subjectKey: code, detail: { ...summary(open), note } });
    return toVersionView(open);
  });
}

const noteOf = (note: string | null | undefined): string | null => note?.trim() || null;

/** draft → in_review: the draft is frozen for review; the submitter's note is kept for the reviewer. */
export function submitForReview(ctx: ServiceContext, code: string, note?: string | null): Promise<StandardVersionView> {
  return transition(ctx, code, 'draft', 'standard.submitted', noteOf(note), (row, actor, now) => {
    Object.assign(row, { status: 'in_review', submittedBy: actor.username, submittedAt: now, submitNote: noteOf(note), updatedAt: now, revision: row.revision + 1 });
  }, 'editStandards');
}

/** in_review → draft: the reviewer sends it back for changes, saying why (kept as the version's return note). */
export function returnToDraft(ctx: ServiceContext, code: string, note?: string | null): Promise<StandardVersionView> {
  return transition(ctx, code, 'in_review', 'standard.returned', noteOf(note), (row, actor, now) => {
    Object.assign(row, { status: 'draft', submittedBy: null, submittedAt: null, returnedBy: actor.username, returnedAt: now, returnNote: noteOf(note), updatedAt: now, revision: row.revision + 1 });
  }, 'publishStandards');
}

/**
 * in_review → published; the previous published version becomes superseded. Every `$ref` must
 * resolve to a published standard, and the result must not close a `$ref` cycle. With separation
 * of duties on, the publisher must be someone other than the version's author, editor and submitter.
 */
export function publish(ctx: ServiceContext, code: string, note?: string | null): Promise<StandardVersionView> {
  return transition(ctx, code, 'in_review', 'standard.published', noteOf(note), async (row, actor, now, em) => {
    await assertSeparateApprover(em, actor, row);
    const schema = parseSchema(row);
    await assertRefsPublished(em, code, schema);
    await assertStoreRules(em, code, schema);
    const doc = await repo.getDocument(em, code);
    if (doc.publishedVersion !== null) {
      const previous = await repo.getVersion(em, code, doc.publishedVersion!);
      if (previous.status === 'published') Object.assign(previous, { status: 'superseded', statusChangedBy: actor.username, statusChangedAt: now, statusNote: `superseded by version ${row.version}` });
    }
    Object.assign(row, { status: 'published', publishedBy: actor.username, publishedAt: now, publishNote: noteOf(note), updatedAt: now });
    Object.assign(doc, { publishedVersion: row.version, title: row.title, retired: false, updatedAt: now });
  }, 'publishStandards');
}

/**
 * Retires a document: its published version becomes retired and later editions leave it out.
 * Refused while a published document still refers to it.
 */
export async function retire(ctx: ServiceContext, code: string, note: string, options: { author?: string; at?: Date } = {}): Promise<StandardVersionView> {
  const actor = authorize(ctx.actor, 'publishStandards');
  if (!note?.trim()) throw new ValidationError(m('standard.retire_note_required'), [issue('', sharedMessage('value.note_required'))]);
  return inTransaction(ctx.em, async (em) => {
    const doc = await repo.getDocument(em, code);
    await ownerForChange(em, actor, code, doc);
    if (doc.retired || doc.publishedVersion === null) throw new ConflictError(m(doc.retired ? 'standard.already_retired' : 'standard.never_published', { code }));
    const referrers = await repo.findPublishedReferrers(em, code);
    if (referrers.length > 0) throw new ConflictError(m('standard.still_referred', { code, referrers }));
    const open = await repo.findOpenVersion(em, code);
    if (open) throw new ConflictError(m('standard.open_version_blocks', { code, version: open.version, status: open.status }), open.revision);
    const now = options.at ?? new Date();
    const row = await repo.getVersion(em, code, doc.publishedVersion!);
    Object.assign(row, { status: 'retired', statusChangedBy: options.author ?? actor.username, statusChangedAt: now, statusNote: note });
    Object.assign(doc, { retired: true, publishedVersion: null, updatedAt: now });
    await appendAudit(em, actor, { action: 'standard.retired', subjectType: 'standard', subjectKey: code, detail: { ...summary(row), note, ...(options.author ? { author: options.author } : {}) } });
    return toVersionView(row);
  });
}

export { NotFoundError };
