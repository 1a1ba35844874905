import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LibraryFile } from './library.ts';
import { fileIssue, LibraryError, type LibraryIssue } from './library.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { editionMessage } from './edition.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import type { EditionManifest, LibraryPackage } from './library-package.ts';

const STANDARD_FILE = /^M\d{2}(\.P\d{2}(\.W\d{3})?)?\.json$/;

/**
 * Reads every standard file (`<code>.json`) under a folder, recursively. Other JSON files (such
 * as touchpoints.json) are not standards and are left alone. Unparsable JSON is a LibraryError.
 */
export function readLibraryDir(dir: string, options: { skip?: string[] } = {}): LibraryFile[] {
  const files: LibraryFile[] = [];
  const problems: LibraryIssue[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!(options.skip ?? []).includes(relative(dir, path))) walk(path);
      }
      else if (STANDARD_FILE.test(entry.name)) {
        const file = relative(dir, path);
        try {
          files.push({ file, schema: readJson(path) });
        } catch (error) {
          problems.push(fileIssue(file, '', sharedMessage('value.not_json', { detail: (error as Error).message })));
        }
      }
    }
  };
  walk(dir);
  if (problems.length > 0) throw new LibraryError(editionMessage('library.files_not_json', { count: problems.length }), problems);
  return files;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Whether a folder is a library with history (it has `editions.json`), not just documents. */
export function isLibraryPackage(dir: string): boolean {
  return existsSync(join(dir, 'editions.json'));
}

/**
 * Reads a shipped library: the newest edition's documents (everything outside `history/` and
 * `variants/`), each earlier edition's differing documents under `history/<edition>/` (and the
 * variants it pinned under `history/<edition>/variants/`), `editions.json`, `touchpoints.json` and
 * `variants/*.json`.
 */
export function readLibraryPackage(dir: string): LibraryPackage {
  const problems: LibraryIssue[] = [];
  const json = (file: string, fallback: unknown): unknown => {
    if (!existsSync(join(dir, file))) return fallback;
    try {
      return readJson(join(dir, file));
    } catch (error) {
      problems.push(fileIssue(file, '', sharedMessage('value.not_json', { detail: (error as Error).message })));
      return fallback;
    }
  };
  const manifest = json('editions.json', {}) as { editions?: EditionManifest[] };
  const touchpoints = json('touchpoints.json', []);
  const variantFiles = (folder: string): LibraryFile[] => (existsSync(join(dir, folder))
    ? readdirSync(join(dir, folder)).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: `${folder}/${f}`, schema: json(`${folder}/${f}`, null) }))
    : []);
  const history = new Map<string, LibraryFile[]>();
  const variantHistory = new Map<string, LibraryFile[]>();
  const historyDir = join(dir, 'history');
  if (existsSync(historyDir)) {
    for (const entry of readdirSync(historyDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      history.set(entry.name, readLibraryDir(join(historyDir, entry.name), { skip: ['variants'] }).map((f) => ({ ...f, file: `history/${entry.name}/${f.file}` })));
      const pinned = variantFiles(`history/${entry.name}/variants`);
      if (pinned.length > 0) variantHistory.set(entry.name, pinned);
    }
  }
  const variants = variantFiles('variants');
  if (problems.length > 0) throw new LibraryError(editionMessage('library.files_not_json', { count: problems.length }), problems);
  return {
    editions: Array.isArray(manifest.editions) ? manifest.editions : [],
    documents: readLibraryDir(dir, { skip: ['history', 'variants'] }),
    history,
    touchpoints,
    variants,
    variantHistory,
  };
}

/** Writes documents as `<dir>/<module>/<code>.json`, two-space indented, keys in stored order. */
export function writeLibraryDir(dir: string, docs: { code: string; schema: JsonObject }[]): number {
  for (const doc of docs) {
    const folder = join(dir, doc.code.slice(0, 3));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${doc.code}.json`), `${JSON.stringify(doc.schema, null, 2)}\n`);
  }
  return docs.length;
}
