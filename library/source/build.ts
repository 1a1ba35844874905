/**
 * `npm run library:build` — writes the shipped library (`library/shipped/`) from the source
 * tables: the newest edition's documents, `history/`, `editions.json`, `touchpoints.json` and
 * `variants/`. Files the build no longer produces are removed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildLibraryFiles } from './build-library.ts';
import { loadModules } from './modules.ts';

export const LIBRARY_DIR = new URL('../shipped/', import.meta.url).pathname;

function existing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

const files = buildLibraryFiles(await loadModules(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07']));
for (const file of existing(LIBRARY_DIR)) if (!files.has(file)) rmSync(join(LIBRARY_DIR, file));
for (const [file, json] of files) {
  mkdirSync(dirname(join(LIBRARY_DIR, file)), { recursive: true });
  writeFileSync(join(LIBRARY_DIR, file), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`wrote ${files.size} files to ${LIBRARY_DIR}`);
