import { type EntityManager, inTransaction } from '../shared/persistence.ts';
import { editionRepository } from './edition.repository.ts';
import { checkLibrary, type LibraryDocument, type LibraryFile } from './library.ts';
import type { JsonObject } from '../shared/json.ts';
import { contentHash } from '../standards/content-hash.ts';
import { checkLibraryPackage, type LibraryPackage } from './library-package.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';
import { ConflictError } from '../shared/errors.ts';
import { editionMessage } from './edition.messages.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, type Actor } from '../shared/access.ts';
import { standardRepository as repo } from '../standards/standard.repository.ts';
import { publishEdition } from './edition.service.ts';
import { retire } from '../standards/standard.service.ts';
import { saveTouchpoints, saveVariant } from '../variants/variant.service.ts';
import { parseSchema } from '../standards/standard.views.ts';
import { yieldToEventLoop } from '../shared/event-loop.ts';

export interface ImportResult {
  created: string[];
  revised: string[];
  unchanged: string[];
  edition: string | null;
}

/**
 * Imports a library folder's documents: each new or changed document becomes a published version
 * (one transaction for all; nothing is stored if any file is invalid), then optionally an edition.
 */
export async function importLibrary(em: EntityManager, actor: Actor, files: LibraryFile[], options: { edition?: string; note?: string; limits?: DocumentLimits } = {}): Promise<ImportResult> {
  authorize(actor, 'publishStandards');
  const existing = await repo.codes(em);
  const docs = checkLibrary(files, existing, options.limits);
  const result = await inTransaction(em, (tx) => importDocuments(tx, actor, docs, (doc) => ({ author: actor.username, note: options.note ?? `imported from ${doc.file}` })));
  if (options.edition && !(await editionRepository.findEdition(em, options.edition))) {
    await publishEdition({ em, actor, limits: options.limits ?? DEFAULT_LIMITS }, options.edition, options.note);
    result.edition = options.edition;
  }
  return result;
}

export interface PackageImportResult {
  /** editions imported now, oldest first (editions already in the store are skipped) */
  editions: { name: string; created: number; revised: number; retired: number }[];
  touchpoints: number;
  variants: string[];
}

/**
 * Imports a shipped library with its history: each edition not yet in the store, oldest first,
 * with every version's author and note taken from `editions.json`, retirements applied, the
 * touchpoints stored and the variants each edition pins saved before it is published. The whole
 * package is checked before anything is written; each edition is one transaction.
 */
export async function importLibraryPackage(em: EntityManager, actor: Actor, pkg: LibraryPackage, limits: DocumentLimits = DEFAULT_LIMITS): Promise<PackageImportResult> {
  authorize(actor, 'publishStandards');
  authorize(actor, 'publishEditions');
  const checked = checkLibraryPackage(pkg, limits);
  const result: PackageImportResult = { editions: [], touchpoints: 0, variants: [] };
  for (const { manifest, documents, variants } of checked.editions) {
    if (await editionRepository.findEdition(em, manifest.name)) continue;
    await inTransaction(em, async (tx) => {
      if (result.touchpoints === 0) result.touchpoints = await saveTouchpoints(tx, checked.touchpoints);
      const changes = new Map(manifest.changes.map((c) => [c.code, c]));
      // a version keeps the edition's date and people, not the time and user of the import
      const at = new Date(manifest.date);
      const imported = await importDocuments(tx, actor, documents, (doc) => ({ ...(changes.get(doc.code) ?? { author: manifest.publishedBy, note: manifest.note }), at, publishedBy: manifest.publishedBy }));
      const retired = manifest.changes.filter((c) => c.change === 'retired');
      for (const c of retired) await retire({ em: tx, actor, limits }, c.code, c.note, { author: c.author, at });
      // the variants this edition pins, saved before it is published (a variant unchanged since the last edition is not saved again)
      for (const variant of variants) {
        const row = await saveVariant(tx, actor, variant, { author: manifest.publishedBy, note: manifest.note });
        if (!result.variants.includes(`${row.profile}@${row.version}`)) result.variants.push(`${row.profile}@${row.version}`);
      }
      await publishEdition({ em: tx, actor, limits }, manifest.name, manifest.note, { publishedBy: manifest.publishedBy, date: new Date(manifest.date) });
      result.editions.push({ name: manifest.name, created: imported.created.length, revised: imported.revised.length, retired: retired.length });
    });
  }
  return result;
}

/**
 * Whether the store is exactly where a shipped library's editions left it: its editions are the
 * package's first ones, in order, no version is open for editing, and every document is published
 * at the version the newest of them pins. Only such a store takes the package's later editions at
 * start — a first start cut short, or a store nobody has edited meeting a newer library — so an
 * import never overrides anyone's work or stumbles on their draft.
 */
export async function storeFollowsPackage(em: EntityManager, pkg: LibraryPackage): Promise<boolean> {
  const names = pkg.editions.map((e) => e.name);
  const stored = await editionRepository.countEditions(em);
  const newest = await editionRepository.newestEdition(em);
  if (stored === 0 || stored > names.length || newest?.name !== names[stored - 1]) return false;
  if ((await editionRepository.countEditions(em, names.slice(0, stored))) !== stored) return false;
  if ((await repo.countOpenVersions(em)) > 0) return false;
  const pinned = await editionRepository.editionEntries(em, newest.name);
  const heads = await repo.publishedHeads(em);
  return heads.length === pinned.size && heads.every((h) => pinned.get(h.code) === h.version);
}

/** Who wrote a version being imported, and why; for a library's history also when, and who published it. */
type Provenance = (doc: LibraryDocument) => { author: string; note: string; at?: Date; publishedBy?: string };

/** Publishes each new or changed document as a version, in the caller's transaction. */
async function importDocuments(tx: EntityManager, actor: Actor, docs: LibraryDocument[], provenance: Provenance): Promise<ImportResult> {
  const result: ImportResult = { created: [], revised: [], unchanged: [], edition: null };
  const now = new Date();
  // Document rows first, parents before children (the parent column is a foreign key).
  for (const doc of [...docs].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))) {
    await yieldToEventLoop();
    if (!(await repo.findDocument(tx, doc.code))) {
      const at = provenance(doc).at ?? now;
      await repo.insertDocument(tx, { code: doc.code, kind: doc.kind, parentCode: doc.parent, title: doc.title, latestVersion: 0, publishedVersion: null, retired: false, createdAt: at, updatedAt: at });
    }
  }
  // Versions in reference order: whatever a document refers to is published before it.
  for (const doc of docs) {
    await yieldToEventLoop();
    const row = await repo.getDocument(tx, doc.code);
    const hash = contentHash(doc.schema);
    const { author, note, at = now, publishedBy = actor.username } = provenance(doc);
    if (row.publishedVersion !== null) {
      const current = await repo.getVersion(tx, doc.code, row.publishedVersion!);
      if (current.contentHash === hash) {
        result.unchanged.push(doc.code);
        continue;
      }
      Object.assign(current, { status: 'superseded', statusChangedBy: publishedBy, statusChangedAt: at, statusNote: `superseded by version ${row.latestVersion + 1} (import)` });
    }
    const open = await repo.findOpenVersion(tx, doc.code);
    if (open) throw new ConflictError(editionMessage('library.open_version', { code: doc.code, version: open.version, status: open.status }), open.revision);
    (row.publishedVersion === null && row.latestVersion === 0 ? result.created : result.revised).push(doc.code);
    row.latestVersion += 1;
    Object.assign(row, { publishedVersion: row.latestVersion, title: doc.title, retired: false, updatedAt: at });
    repo.insertVersion(tx, {
      code: doc.code, version: row.latestVersion, status: 'published', title: doc.title,
      schemaJson: JSON.stringify(doc.schema), contentHash: hash, revision: 1, author,
      note, createdAt: at, updatedAt: at,
      submittedBy: author, submittedAt: at, publishedBy, publishedAt: at,
    });
    // the audit row is written now (the chain is in time order); its detail names the version's own date and people
    await appendAudit(tx, actor, { action: 'standard.imported', subjectType: 'standard', subjectKey: doc.code, detail: { version: row.latestVersion, contentHash: hash, file: doc.file, author, publishedBy, date: at.toISOString(), note } });
  }
  return result;
}

/** The documents of an edition (the newest by default), or the current published ones, for export. */
export async function exportLibrary(em: EntityManager, edition?: string): Promise<{ code: string; kind: string; schema: JsonObject }[]> {
  const name = edition ?? (await editionRepository.newestEdition(em))?.name;
  const kinds = await repo.kinds(em);
  const versions = name
    ? await editionRepository.editionVersions(em, (await editionRepository.getEdition(em, name)).name)
    : await repo.publishedVersions(em);
  return versions.map((v) => ({ code: v.code, kind: kinds.get(v.code)!, schema: parseSchema(v) }));
}
