import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LibraryFile } from '../standards/library.ts';
import { LibraryError, type LibraryIssue } from '../standards/library.ts';
import type { JsonObject } from '../standards/json.ts';

const STANDARD_FILE = /^M\d{2}(\.P\d{2}(\.W\d{3})?)?\.json$/;

/**
 * Reads every standard file (`<code>.json`) under a folder, recursively. Other JSON files (such
 * as touchpoints.json) are not standards and are left alone. Unparsable JSON is a LibraryError.
 */
export function readLibraryDir(dir: string): LibraryFile[] {
  const files: LibraryFile[] = [];
  const problems: LibraryIssue[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (STANDARD_FILE.test(entry.name)) {
        const file = relative(dir, path);
        try {
          files.push({ file, schema: JSON.parse(readFileSync(path, 'utf8')) });
        } catch (error) {
          problems.push({ file, pointer: '', message: `not valid JSON: ${(error as Error).message}` });
        }
      }
    }
  };
  walk(dir);
  if (problems.length > 0) throw new LibraryError(`${problems.length} file(s) are not valid JSON`, problems);
  return files;
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
