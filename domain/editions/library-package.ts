import { ValidationError } from '../shared/errors.ts';
import { isJsonObject, jsonEqual, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { checkLibrary, LibraryError, type LibraryDocument, type LibraryFile, type LibraryIssue } from './library.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';
import { applyOverlay, parseVariant, type Variant, type Touchpoint } from '../variants/variants.ts';

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
  variants: LibraryFile[];
}

export interface CheckedEdition {
  manifest: EditionManifest;
  /** in reference order: every document after the ones it refers to. */
  documents: LibraryDocument[];
}

export interface CheckedPackage {
  editions: CheckedEdition[];
  touchpoints: Touchpoint[];
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
    issues.push({ file, pointer: '/editions', message: 'must list at least one edition' });
    return [];
  }
  const names = new Set<string>();
  return list.map((e, i): EditionManifest => {
    const at = (...p: (string | number)[]) => pointer('editions', i, ...p);
    const entry = isJsonObject(e) ? e : {};
    for (const f of ['name', 'date', 'publishedBy', 'note']) if (!nonEmpty(entry[f])) issues.push({ file, pointer: at(f), message: 'must be a non-empty string' });
    if (nonEmpty(entry.name) && names.has(entry.name)) issues.push({ file, pointer: at('name'), message: `edition ${entry.name} is listed twice` });
    if (nonEmpty(entry.date) && Number.isNaN(Date.parse(entry.date))) issues.push({ file, pointer: at('date'), message: 'must be an ISO date' });
    names.add(String(entry.name));
    const changes = Array.isArray(entry.changes) ? entry.changes : [];
    changes.forEach((c, j) => {
      const change = isJsonObject(c) ? c : {};
      for (const f of ['code', 'author', 'note']) if (!nonEmpty(change[f])) issues.push({ file, pointer: at('changes', j, f), message: 'must be a non-empty string' });
      if (!CHANGE_TYPES.includes(change.change as ChangeType)) issues.push({ file, pointer: at('changes', j, 'change'), message: `must be one of: ${CHANGE_TYPES.join(', ')}` });
    });
    return { name: String(entry.name), date: String(entry.date), publishedBy: String(entry.publishedBy), note: String(entry.note), changes: changes as unknown as EditionChange[] };
  });
}

function parseTouchpoints(input: unknown, issues: LibraryIssue[]): Touchpoint[] {
  const file = 'touchpoints.json';
  if (!Array.isArray(input)) {
    issues.push({ file, pointer: '', message: 'must be an array of touchpoints' });
    return [];
  }
  const codes = new Set<string>();
  const names = new Set<string>();
  input.forEach((t, i) => {
    const tp = isJsonObject(t) ? t : {};
    if (typeof tp.code !== 'string' || !TOUCHPOINT_CODE.test(tp.code)) issues.push({ file, pointer: pointer(i, 'code'), message: 'must be a code like TP-001' });
    else if (codes.has(tp.code)) issues.push({ file, pointer: pointer(i, 'code'), message: `${tp.code} is listed twice` });
    codes.add(String(tp.code));
    for (const f of ['name', 'stage', 'place']) if (!nonEmpty(tp[f])) issues.push({ file, pointer: pointer(i, f), message: 'must be a non-empty string' });
    if (nonEmpty(tp.name) && names.has(tp.name)) issues.push({ file, pointer: pointer(i, 'name'), message: `the name "${tp.name}" is used twice` });
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
  for (const name of pkg.history.keys()) {
    if (!editions.slice(0, -1).some((e) => e.name === name)) issues.push({ file: `history/${name}`, pointer: '', message: `no earlier edition is named ${name}` });
  }
  return result;
}

/** Checks that each edition's listed changes are exactly the differences from the edition before. */
function checkChanges(prev: CheckedEdition, cur: CheckedEdition, index: number, issues: LibraryIssue[]): void {
  const before = new Map(prev.documents.map((d) => [d.code, d]));
  const after = new Map(cur.documents.map((d) => [d.code, d]));
  const listed = new Map<string, EditionChange>();
  cur.manifest.changes.forEach((c, j) => {
    const at = pointer('editions', index, 'changes', j);
    if (listed.has(c.code)) issues.push({ file: 'editions.json', pointer: at, message: `${c.code} is listed twice` });
    listed.set(c.code, c);
    const ok = c.change === 'introduced' ? !before.has(c.code) && after.has(c.code)
      : c.change === 'retired' ? before.has(c.code) && !after.has(c.code)
        : before.has(c.code) && after.has(c.code) && !jsonEqual(before.get(c.code)!.schema, after.get(c.code)!.schema);
    if (!ok) issues.push({ file: 'editions.json', pointer: at, message: `${c.code} is listed as ${c.change} in ${cur.manifest.name}, but the documents do not show that` });
  });
  for (const [code, doc] of after) {
    const old = before.get(code);
    if (!listed.has(code) && (!old || !jsonEqual(old.schema, doc.schema))) issues.push({ file: doc.file, pointer: '', message: `${code} changed in ${cur.manifest.name} but editions.json does not say who changed it and why` });
  }
  for (const code of before.keys()) if (!after.has(code) && !listed.has(code)) issues.push({ file: 'editions.json', pointer: pointer('editions', index, 'changes'), message: `${code} is missing from ${cur.manifest.name} without being retired` });
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
  if (issues.length > 0) throw new LibraryError('editions.json is not valid', issues);
  const editions: CheckedEdition[] = [];
  editionFiles(pkg, manifests, issues).forEach((files, i) => {
    try {
      editions[i] = { manifest: manifests[i], documents: checkLibrary(files, new Set(), limits) };
    } catch (error) {
      if (!(error instanceof LibraryError)) throw error;
      issues.push(...error.fileIssues.map((x) => ({ ...x, message: `${manifests[i].name}: ${x.message}` })));
    }
  });
  if (issues.length > 0) throw new LibraryError(`The library has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  for (let i = 1; i < editions.length; i++) checkChanges(editions[i - 1], editions[i], i, issues);

  const newest = editions[editions.length - 1].documents;
  const touchpoints = parseTouchpoints(pkg.touchpoints, issues);
  const known = new Set(touchpoints.map((t) => t.code));
  const used = new Set<string>();
  for (const { doc, key, touchpoints: tps } of checkItems(newest)) {
    if (tps.length === 0) issues.push({ file: doc.file, pointer: pointer('properties', key, 'x-check', 'touchpoints'), message: 'every check item names at least one touchpoint' });
    for (const tp of tps) {
      used.add(tp);
      if (!known.has(tp)) issues.push({ file: doc.file, pointer: pointer('properties', key, 'x-check', 'touchpoints'), message: `touchpoint ${tp} is not in touchpoints.json` });
    }
  }
  for (const tp of touchpoints) if (!used.has(tp.code)) issues.push({ file: 'touchpoints.json', pointer: '', message: `touchpoint ${tp.code} (${tp.name}) is not named by any check item` });

  const variants: Variant[] = [];
  const byCode = new Map(newest.map((d) => [d.code, d]));
  for (const { file, schema } of pkg.variants) {
    try {
      const variant = parseVariant(schema);
      variant.overlays.forEach((overlay, i) => {
        const base = byCode.get(overlay.code);
        if (!base) return void issues.push({ file, pointer: pointer('overlays', i, 'code'), message: `${overlay.code} is not in the newest edition` });
        try {
          const result = applyOverlay(base.schema, overlay, limits);
          const tps = checkItems([{ ...base, schema: result }]).flatMap((x) => x.touchpoints);
          for (const tp of tps) if (!known.has(tp)) issues.push({ file, pointer: pointer('overlays', i, 'patch'), message: `touchpoint ${tp} is not in touchpoints.json` });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          issues.push(...error.issues.map((x) => ({ file, pointer: pointer('overlays', i, 'patch') + x.pointer, message: `${overlay.code}: ${x.message}` })));
        }
      });
      variants.push(variant);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues.map((x) => ({ file, ...x })));
    }
  }
  if (issues.length > 0) throw new LibraryError(`The library has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return { editions, touchpoints, variants };
}
