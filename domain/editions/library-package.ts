import { ValidationError } from '../shared/errors.ts';
import { canonicalJson, isJsonObject, jsonEqual, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { checkLibrary, LibraryError, type LibraryDocument, type LibraryFile, type LibraryIssue, fileIssue, nested } from './library.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';
import type { StandardIdentity } from '../standards/validate.ts';
import { applyOverlay, parseVariant, type Variant, type Touchpoint } from '../variants/variants.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { editionMessage } from './edition.messages.ts';

export type ChangeType = 'introduced' | 'revised' | 'retired';

/** Who changed one document in an edition, and why. */
export interface EditionChange {
  code: string;
  change: ChangeType;
  author: string;
  note: string;
}

/** One edition of a shipped library, oldest first in `editions.json`. */
export interface EditionManifest {
  name: string;
  /** ISO date the edition took effect. */
  date: string;
  publishedBy: string;
  note: string;
  /** What changed since the previous edition (empty for the first). */
  changes: EditionChange[];
}


/**
 * A library as shipped: the documents of the newest edition, the documents that read differently
 * in each earlier edition (`history`), the edition manifest, touchpoints and variants.
 */
export interface LibraryPackage {
  editions: EditionManifest[];
  documents: LibraryFile[];
  /** edition name → files of documents as they read in that edition, where it differs from the next. */
  history: Map<string, LibraryFile[]>;
  touchpoints: unknown;
  /** the variants the newest edition pins (`variants/<profile>.json`). */
  variants: LibraryFile[];
  /**
   * edition name → variants as that edition pinned them (`history/<edition>/variants/`), where they
   * differ from the next edition's, or where that edition is the first to pin the profile. An edition
   * pins a profile from the first edition that has a file of it on; with no history of a profile,
   * only the newest edition pins it.
   */
  variantHistory?: Map<string, LibraryFile[]>;
}

export interface CheckedEdition {
  manifest: EditionManifest;
  /** in reference order: every document after the ones it refers to. */
  documents: LibraryDocument[];
  /** the variants this edition pins, each checked against its documents. */
  variants: Variant[];
}

export interface CheckedPackage {
  editions: CheckedEdition[];
  touchpoints: Touchpoint[];
  /** the variants of the newest edition. */
  variants: Variant[];
}

const TOUCHPOINT_CODE = /^TP-\d{3}$/;
const CHANGE_TYPES: ChangeType[] = ['introduced', 'revised', 'retired'];

function nonEmpty(value: JsonValue | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function parseEditions(input: unknown, issues: LibraryIssue[]): EditionManifest[] {
  const file = 'editions.json';
  const list = isJsonObject(input as JsonValue) ? (input as JsonObject).editions : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    issues.push(fileIssue(file, '/editions', editionMessage('library.editions_empty')));
    return [];
  }
  const names = new Set<string>();
  return list.map((e, i): EditionManifest => {
    const at = (...p: (string | number)[]) => pointer('editions', i, ...p);
    const entry = isJsonObject(e) ? e : {};
    for (const f of ['name', 'date', 'publishedBy', 'note']) if (!nonEmpty(entry[f])) issues.push(fileIssue(file, at(f), sharedMessage('value.non_empty_string')));
    if (nonEmpty(entry.name) && names.has(entry.name)) issues.push(fileIssue(file, at('name'), editionMessage('library.edition_twice', { name: entry.name })));
    if (nonEmpty(entry.date) && Number.isNaN(Date.parse(entry.date))) issues.push(fileIssue(file, at('date'), editionMessage('library.date_invalid')));
    names.add(String(entry.name));
    const changes = Array.isArray(entry.changes) ? entry.changes : [];
    changes.forEach((c, j) => {
      const change = isJsonObject(c) ? c : {};
      for (const f of ['code', 'author', 'note']) if (!nonEmpty(change[f])) issues.push(fileIssue(file, at('changes', j, f), sharedMessage('value.non_empty_string')));
      if (!CHANGE_TYPES.includes(change.change as ChangeType)) issues.push(fileIssue(file, at('changes', j, 'change'), editionMessage('library.change_type', { types: CHANGE_TYPES })));
    });
    return { name: String(entry.name), date: String(entry.date), publishedBy: String(entry.publishedBy), note: String(entry.note), changes: changes as unknown as EditionChange[] };
  });
}

function parseTouchpoints(input: unknown, issues: LibraryIssue[]): Touchpoint[] {
  const file = 'touchpoints.json';
  if (!Array.isArray(input)) {
    issues.push(fileIssue(file, '', editionMessage('library.touchpoints_not_array')));
    return [];
  }
  const codes = new Set<string>();
  const names = new Set<string>();
  input.forEach((t, i) => {
    const tp = isJsonObject(t) ? t : {};
    if (typeof tp.code !== 'string' || !TOUCHPOINT_CODE.test(tp.code)) issues.push(fileIssue(file, pointer(i, 'code'), editionMessage('library.touchpoint_code')));
    else if (codes.has(tp.code)) issues.push(fileIssue(file, pointer(i, 'code'), editionMessage('library.listed_twice', { code: tp.code })));
    codes.add(String(tp.code));
    for (const f of ['name', 'stage', 'place']) if (!nonEmpty(tp[f])) issues.push(fileIssue(file, pointer(i, f), sharedMessage('value.non_empty_string')));
    if (nonEmpty(tp.name) && names.has(tp.name)) issues.push(fileIssue(file, pointer(i, 'name'), editionMessage('library.name_twice', { name: tp.name })));
    names.add(String(tp.name));
  });
  return input as Touchpoint[];
}

/** Every check item of the given documents, with the touchpoints it names. */
function checkItems(docs: LibraryDocument[]): { doc: LibraryDocument; key: string; touchpoints: string[] }[] {
  const out = [];
  for (const doc of docs) {
    if (doc.kind !== 'instruction') continue;
    for (const [key, item] of Object.entries((doc.schema.properties ?? {}) as JsonObject)) {
      const check = isJsonObject(item) && isJsonObject(item['x-check']) ? item['x-check'] : {};
      out.push({ doc, key, touchpoints: Array.isArray(check.touchpoints) ? (check.touchpoints as string[]) : [] });
    }
  }
  return out;
}

/** Rebuilds each edition's document files, newest to oldest, from the newest and the history. */
function editionFiles(pkg: LibraryPackage, editions: EditionManifest[], issues: LibraryIssue[]): LibraryFile[][] {
  const codeOf = (f: LibraryFile) => (isJsonObject(f.schema as JsonValue) && isJsonObject((f.schema as JsonObject)['x-standard']) ? String(((f.schema as JsonObject)['x-standard'] as JsonObject).code) : f.file);
  const result: LibraryFile[][] = new Array(editions.length);
  let next = new Map(pkg.documents.map((f) => [codeOf(f), f]));
  result[editions.length - 1] = [...next.values()];
  for (let i = editions.length - 2; i >= 0; i--) {
    const files = new Map(next);
    for (const c of editions[i + 1].changes) if (c.change === 'introduced') files.delete(c.code);
    for (const f of pkg.history.get(editions[i].name) ?? []) files.set(codeOf(f), f);
    result[i] = [...files.values()];
    next = files;
  }
  for (const name of new Set([...pkg.history.keys(), ...(pkg.variantHistory?.keys() ?? [])])) {
    if (!editions.slice(0, -1).some((e) => e.name === name)) issues.push(fileIssue(`history/${name}`, '', editionMessage('library.history_unknown', { name })));
  }
  return result;
}

/** The variant files each edition pins, newest to oldest, from `variants/` and the history (see `LibraryPackage.variantHistory`). */
function editionVariantFiles(pkg: LibraryPackage, editions: EditionManifest[]): LibraryFile[][] {
  const profileOf = (f: LibraryFile) => (isJsonObject(f.schema as JsonValue) && typeof (f.schema as JsonObject).profile === 'string' ? String((f.schema as JsonObject).profile) : f.file);
  const last = editions.length - 1;
  const first = new Map<string, number>();
  const byEdition: Map<string, LibraryFile>[] = new Array(editions.length);
  let next = new Map(pkg.variants.map((f) => [profileOf(f), f]));
  for (const profile of next.keys()) first.set(profile, last);
  byEdition[last] = next;
  for (let i = last - 1; i >= 0; i--) {
    const files = new Map(next);
    for (const f of pkg.variantHistory?.get(editions[i].name) ?? []) {
      files.set(profileOf(f), f);
      first.set(profileOf(f), i);
    }
    byEdition[i] = files;
    next = files;
  }
  // an edition before the first file of a profile does not pin it
  return byEdition.map((files, i) => [...files].filter(([profile]) => (first.get(profile) ?? last + 1) <= i).map(([, f]) => f));
}

/** Checks that each edition's listed changes are exactly the differences from the edition before. */
function checkChanges(prev: CheckedEdition, cur: CheckedEdition, index: number, issues: LibraryIssue[]): void {
  const before = new Map(prev.documents.map((d) => [d.code, d]));
  const after = new Map(cur.documents.map((d) => [d.code, d]));
  const listed = new Map<string, EditionChange>();
  cur.manifest.changes.forEach((c, j) => {
    const at = pointer('editions', index, 'changes', j);
    if (listed.has(c.code)) issues.push(fileIssue('editions.json', at, editionMessage('library.listed_twice', { code: c.code })));
    listed.set(c.code, c);
    const ok = c.change === 'introduced' ? !before.has(c.code) && after.has(c.code)
      : c.change === 'retired' ? before.has(c.code) && !after.has(c.code)
        : before.has(c.code) && after.has(c.code) && !jsonEqual(before.get(c.code)!.schema, after.get(c.code)!.schema);
    if (!ok) issues.push(fileIssue('editions.json', at, editionMessage('library.change_not_shown', { code: c.code, change: c.change, edition: cur.manifest.name })));
  });
  for (const [code, doc] of after) {
    const old = before.get(code);
    if (!listed.has(code) && (!old || !jsonEqual(old.schema, doc.schema))) issues.push(fileIssue(doc.file, '', editionMessage('library.change_unexplained', { code, edition: cur.manifest.name })));
  }
  for (const code of before.keys()) if (!after.has(code) && !listed.has(code)) issues.push(fileIssue('editions.json', pointer('editions', index, 'changes'), editionMessage('library.missing_not_retired', { code, edition: cur.manifest.name })));
}

/**
 * Checks every variant against the documents of each edition that pins it (each file parsed once,
 * each overlay checked once per different base document), and records the variants of each edition.
 */
function checkVariants(pkg: LibraryPackage, editions: CheckedEdition[], known: Set<string>, limits: DocumentLimits, issues: LibraryIssue[]): void {
  const parsed = new Map<LibraryFile, Variant | null>();
  const parse = (f: LibraryFile): Variant | null => {
    if (!parsed.has(f)) {
      try {
        parsed.set(f, parseVariant(f.schema));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        issues.push(...error.issues.map((x) => ({ file: f.file, ...x })));
        parsed.set(f, null);
      }
    }
    return parsed.get(f)!;
  };
  const checked = new Set<string>();
  editionVariantFiles(pkg, editions.map((e) => e.manifest)).forEach((files, e) => {
    const byCode = new Map(editions[e].documents.map((d) => [d.code, d]));
    const newestEdition = e === editions.length - 1;
    for (const f of files) {
      const variant = parse(f);
      if (!variant) continue;
      editions[e].variants.push(variant);
      variant.overlays.forEach((overlay, i) => {
        const base = byCode.get(overlay.code);
        if (!base) {
          const message = newestEdition ? editionMessage('library.overlay_not_in_newest', { code: overlay.code }) : editionMessage('library.overlay_not_in_edition', { code: overlay.code, edition: editions[e].manifest.name });
          return void issues.push(fileIssue(f.file, pointer('overlays', i, 'code'), message));
        }
        // an overlay applied to the same document in several editions is checked (and reported) once
        const key = `${f.file}\u0000${i}\u0000${canonicalJson(base.schema)}`;
        if (checked.has(key)) return;
        checked.add(key);
        try {
          const result = applyOverlay(base.schema, overlay, limits);
          const tps = checkItems([{ ...base, schema: result }]).flatMap((x) => x.touchpoints);
          for (const tp of tps) if (!known.has(tp)) issues.push(fileIssue(f.file, pointer('overlays', i, 'patch'), editionMessage('library.touchpoint_unknown', { touchpoint: tp })));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          issues.push(...error.issues.map((x) => fileIssue(f.file, pointer('overlays', i, 'patch') + x.pointer, editionMessage('library.in_overlay', { code: overlay.code, issue: nested(x) }))));
        }
      });
    }
  });
}

/**
 * Checks a shipped library as a whole: every edition rebuilt and valid (files, refs, no cycles),
 * each edition's changes exactly as listed, touchpoints unique and each one used while every check
 * item names a known one, and every variant overlay applying to a valid standard.
 * Throws a LibraryError naming file and pointer for each problem.
 */
export function checkLibraryPackage(pkg: LibraryPackage, limits: DocumentLimits = DEFAULT_LIMITS): CheckedPackage {
  const issues: LibraryIssue[] = [];
  const manifests = parseEditions({ editions: pkg.editions }, issues);
  if (issues.length > 0) throw new LibraryError(editionMessage('library.manifest_invalid'), issues);
  const editions: CheckedEdition[] = [];
  const validated = new WeakMap<object, StandardIdentity>();
  editionFiles(pkg, manifests, issues).forEach((files, i) => {
    try {
      editions[i] = { manifest: manifests[i], documents: checkLibrary(files, new Set(), limits, validated), variants: [] };
    } catch (error) {
      if (!(error instanceof LibraryError)) throw error;
      issues.push(...error.fileIssues.map((x) => fileIssue(x.file, x.pointer, editionMessage('library.in_edition', { edition: manifests[i].name, issue: nested(x) }))));
    }
  });
  if (issues.length > 0) throw new LibraryError(editionMessage('library.problems', { count: issues.length }), issues);
  for (let i = 1; i < editions.length; i++) checkChanges(editions[i - 1], editions[i], i, issues);

  const newest = editions[editions.length - 1].documents;
  const touchpoints = parseTouchpoints(pkg.touchpoints, issues);
  const known = new Set(touchpoints.map((t) => t.code));
  const used = new Set<string>();
  for (const { doc, key, touchpoints: tps } of checkItems(newest)) {
    if (tps.length === 0) issues.push(fileIssue(doc.file, pointer('properties', key, 'x-check', 'touchpoints'), editionMessage('library.item_needs_touchpoint')));
    for (const tp of tps) {
      used.add(tp);
      if (!known.has(tp)) issues.push(fileIssue(doc.file, pointer('properties', key, 'x-check', 'touchpoints'), editionMessage('library.touchpoint_unknown', { touchpoint: tp })));
    }
  }
  for (const tp of touchpoints) if (!used.has(tp.code)) issues.push(fileIssue('touchpoints.json', '', editionMessage('library.touchpoint_unused', { touchpoint: tp.code, name: tp.name })));

  checkVariants(pkg, editions, known, limits, issues);
  if (issues.length > 0) throw new LibraryError(editionMessage('library.problems', { count: issues.length }), issues);
  return { editions, touchpoints, variants: editions[editions.length - 1].variants };
}
