import { advisoryLock, type EntityManager, inTransaction } from '../shared/persistence.ts';
import { editionRepository, EDITIONS } from './edition.repository.ts';
import { retirementRepository } from './retirement.repository.ts';
import { ConflictError, ValidationError, issue } from '../shared/errors.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { editionMessage } from './edition.messages.ts';
import { diffVersions } from '../standards/diff/diff.ts';
import type { Change } from '../standards/diff/semantic-diff.ts';
import type { PatchOperation } from '../standards/diff/json-patch.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize } from '../shared/access.ts';
import type { IEdition } from './edition.entity.ts';
import { variantRepository } from '../variants/variant.repository.ts';
import { standardRepository as repo } from '../standards/standard.repository.ts';
import { keysetPage, type Page, type PageArgs } from '../shared/paging.ts';
import { parseSchema } from '../standards/standard.views.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { assertBaselineOwner } from '../standards/ownership.service.ts';
import { namespaceOf } from '../standards/namespace.ts';

/** Every edition, newest first, a page at a time. */
export async function listEditions(ctx: ServiceContext, page: PageArgs): Promise<Page<IEdition>> {
  authorize(ctx.actor, 'readStandards');
  return keysetPage(EDITIONS, page, (window) => editionRepository.listEditions(ctx.em, window), () => editionRepository.countEditions(ctx.em));
}

const EDITION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Snapshots the current published version of every (not retired) document as an immutable,
 * named edition. Reads default to the newest edition.
 */
export async function publishEdition(ctx: ServiceContext, name: string, note?: string | null, options: { publishedBy?: string; date?: Date } = {}): Promise<IEdition> {
  const actor = authorize(ctx.actor, 'publishEditions');
  if (!EDITION_NAME.test(name)) {
    throw new ValidationError(editionMessage('edition.name_invalid', { name }), [issue('', editionMessage('edition.name_rule'))]);
  }
  await assertBaselineOwner(ctx.em, actor);
  const edition = await inTransaction(ctx.em, async (em) => {
    await advisoryLock(em, 72_100_002);
    if (await editionRepository.findEdition(em, name)) throw new ConflictError(editionMessage('edition.exists', { name }));
    const docs = await repo.publishedHeads(em);
    if (docs.length === 0) throw new ConflictError(editionMessage('edition.nothing_published'));
    const newest = await editionRepository.newestEdition(em);
    const now = new Date();
    const createdBy = options.publishedBy ?? actor.username;
    const variants = await variantRepository.latestVersions(em);
    const created = await editionRepository.insert(em, { name, seq: (newest?.seq ?? 0) + 1, createdBy, createdAt: options.date ?? now, note: note ?? null, documentCount: docs.length }, docs, variants);
    await appendAudit(em, actor, { action: 'edition.published', subjectType: 'edition', subjectKey: name, detail: { documents: docs.length, variants: variants.map((v) => `${v.profile}@${v.version}`), note: note ?? null, publishedBy: createdBy } });
    return created;
  });
  invalidateNewestEdition();
  return edition;
}

/** Cache of the newest edition's name for a few seconds (read by every checklist request; editions are published rarely). */
let newestCache: { name: string | null; at: number } | null = null;
const NEWEST_TTL_MS = 1000;

/** The newest edition's name (cached for a second; editions are rare and immutable). */
export async function newestEditionName(em: EntityManager): Promise<string | null> {
  const now = Date.now();
  if (newestCache && now - newestCache.at < NEWEST_TTL_MS) return newestCache.name;
  const newest = await editionRepository.newestEdition(em);
  newestCache = { name: newest?.name ?? null, at: now };
  return newestCache.name;
}

export function invalidateNewestEdition(): void {
  newestCache = null;
}

export interface DocumentChange {
  code: string;
  title: string;
  fromVersion: number | null;
  toVersion: number | null;
  /** who wrote the newer version (or retired the document), and why */
  author: string | null;
  note: string | null;
  changes: Change[];
  patch: PatchOperation[];
}

export interface EditionDiff {
  from: string;
  to: string;
  added: DocumentChange[];
  removed: DocumentChange[];
  changed: DocumentChange[];
}

/** The versions of one document compared: JSON Patch for tools, readable changes for people. */
export async function diffDocument(ctx: ServiceContext, code: string, from: number, to: number): Promise<DocumentChange> {
  authorize(ctx.actor, 'readStandards');
  const [a, b] = await Promise.all([repo.getVersion(ctx.em, code, from), repo.getVersion(ctx.em, code, to)]);
  const { patch, changes } = diffVersions(parseSchema(a), parseSchema(b));
  const layer = namespaceOf(code) ? 'organisation' : 'baseline'; // an organisation's own addition, or the shared baseline
  return { code, title: b.title, fromVersion: from, toVersion: to, author: b.author, note: b.note ?? null, changes: changes.map((c) => ({ ...c, layer })), patch };
}

/** Documents added, removed and changed between two editions, each changed one with its changes. */
export async function editionDiff(ctx: ServiceContext, from: string, to: string): Promise<EditionDiff> {
  authorize(ctx.actor, 'readStandards');
  const em = ctx.em;
  await editionRepository.getEdition(em, from);
  await editionRepository.getEdition(em, to);
  const [a, b] = await Promise.all([editionRepository.editionEntries(em, from), editionRepository.editionEntries(em, to)]);
  const result: EditionDiff = { from, to, added: [], removed: [], changed: [] };
  // every version the diff shows, read at once (not one read per changed document)
  const wanted: { code: string; version: number }[] = [];
  for (const [code, version] of b) {
    const before = a.get(code);
    if (before === version) continue;
    wanted.push({ code, version });
    if (before !== undefined) wanted.push({ code, version: before });
  }
  for (const [code, version] of a) if (!b.has(code)) wanted.push({ code, version });
  const versions = await editionRepository.versionsAt(em, wanted);
  const version = (code: string, v: number) => versions.get(`${code}@${v}`) ?? repo.getVersion(em, code, v);
  for (const [code, toVersion] of b) {
    const before = a.get(code);
    if (before === toVersion) continue;
    const toRow = await version(code, toVersion);
    if (before === undefined) {
      result.added.push({ code, title: toRow.title, fromVersion: null, toVersion, author: toRow.author, note: toRow.note ?? null, changes: [], patch: [] });
    } else {
      const fromRow = await version(code, before);
      const { patch, changes } = diffVersions(parseSchema(fromRow), parseSchema(toRow));
      result.changed.push({ code, title: toRow.title, fromVersion: before, toVersion, author: toRow.author, note: toRow.note ?? null, changes, patch });
    }
  }
  for (const [code, fromVersion] of a) {
    if (b.has(code)) continue;
    const row = await version(code, fromVersion);
    const retired = row.status === 'retired';
    result.removed.push({ code, title: row.title, fromVersion, toVersion: null, author: retired ? (row.statusChangedBy ?? null) : null, note: retired ? (row.statusNote ?? null) : null, changes: [], patch: [] });
  }
  return result;
}

/**
 * Withdraws an edition from use: checklists of it can no longer be submitted. The edition itself
 * stays readable for auditors. The newest edition cannot be retired (reads default to it).
 */
export async function retireEdition(ctx: ServiceContext, name: string, note: string): Promise<IEdition> {
  const actor = authorize(ctx.actor, 'publishEditions');
  await assertBaselineOwner(ctx.em, actor);
  if (!note?.trim()) throw new ValidationError(editionMessage('edition.retire_note_required'), [issue('/note', sharedMessage('value.note_required'))]);
  return inTransaction(ctx.em, async (em) => {
    const edition = await editionRepository.getEdition(em, name);
    if ((await editionRepository.newestEdition(em))?.name === name) throw new ConflictError(editionMessage('edition.newest_not_retirable', { name }));
    if (await retirementRepository.find(em, name)) throw new ConflictError(editionMessage('edition.already_retired', { name }));
    await retirementRepository.insert(em, name, { retiredBy: actor.username, retiredAt: new Date(), note });
    await appendAudit(em, actor, { action: 'edition.retired', subjectType: 'edition', subjectKey: name, detail: { note } });
    return edition;
  });
}
