/**
 * `node library/source/check.ts [M01 …]` — builds the given modules (all that exist by
 * default), validates every generated document and the library as a whole, and applies the
 * editorial rules. Prints each problem; exits 1 if there is any.
 */
import { checkLibraryPackage, type LibraryPackage } from '../../domain/editions/library-package.ts';
import { LibraryError } from '../../domain/editions/library.ts';
import type { JsonValue } from '../../domain/shared/json.ts';
import { buildLibraryFiles } from './build-library.ts';
import { loadModules } from './modules.ts';
import { checkSources, itemsWithoutPlace, TOUCHPOINT_RANGES } from './source-checks.ts';

const only = process.argv.slice(2);
const modules = await loadModules(only.length > 0 ? only : undefined);
const report = checkSources(modules);
const problems = [...report.problems];
const s = report.stats;
const summary = () => {
  console.log(`modules ${s.modules}, procedures ${s.procedures}, instructions ${s.instructions} (2026-Q3: ${s.earlierInstructions}), check items ${s.items}`);
  console.log(`inputs: ${Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}; platinum overlays ${s.platinum}; revised ${s.revised}, introduced ${s.introduced}, retired ${s.retired} (2026-Q4)`);
  console.log(`places: ${Object.entries(s.byPlace).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const p of problems) console.log(`✗ ${p}`);
  console.log(problems.length === 0 ? '✓ no problems' : `${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
};
/** The built files, or null when the build refused the tables (the source checks name why: an item without a place …). */
const build = (): ReturnType<typeof buildLibraryFiles> | null => {
  try {
    return buildLibraryFiles(modules);
  } catch (error) {
    if (!problems.includes((error as Error).message)) problems.push(`build: ${(error as Error).message}`);
    return null;
  }
};
const files = build();
if (!files) {
  summary();
  process.exit();
}
const pkg: LibraryPackage = {
  editions: (files.get('editions.json') as { editions: never }).editions,
  documents: [...files].filter(([f]) => /^M\d\d\//.test(f)).map(([file, schema]) => ({ file, schema })),
  history: new Map(),
  touchpoints: files.get('touchpoints.json'),
  variants: [{ file: 'variants/platinum.json', schema: files.get('variants/platinum.json') as JsonValue }],
  variantHistory: new Map(),
};
for (const [file, schema] of files) {
  const m = /^history\/([^/]+)\/(variants\/)?/.exec(file);
  const into = m?.[2] ? pkg.variantHistory! : pkg.history;
  if (m) into.set(m[1], [...(into.get(m[1]) ?? []), { file, schema }]);
}
const inRange = (tp: string) => modules.some((m) => { const [a, b] = TOUCHPOINT_RANGES[m.code] ?? [0, 0]; const n = Number(tp.slice(3)); return n >= a && n <= b; });
try {
  // every check item of the newest edition, and every item its variants add, names its place
  problems.push(...itemsWithoutPlace(checkLibraryPackage(pkg).editions.at(-1)!));
} catch (error) {
  if (!(error instanceof LibraryError)) throw error;
  for (const issue of error.fileIssues) {
    // With only some modules built, touchpoints owned by the others are not listed yet.
    const tp = issue.code === 'library.touchpoint_unknown' ? String(issue.params.touchpoint) : null;
    if (tp && !inRange(tp) && modules.length < 7) continue;
    problems.push(`${issue.file} ${issue.pointer}: ${issue.message}`);
  }
}
summary();
