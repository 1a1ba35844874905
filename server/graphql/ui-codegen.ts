import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The admin UI's generated types: gql.tada's introspection of the committed SDL, from which every
 * `graphql()` document of the UI gets its result and variable types. The chain is code → SDL
 * (`npm run schema:print`, checked by schema-sdl.test.ts) → `admin-ui/src/graphql-env.d.ts`
 * (`npm run codegen:ui`, checked here) → the UI's documents and code (`gql.tada check`, `tsc`).
 */
export const UI_TYPES_PATH = new URL('../../admin-ui/src/graphql-env.d.ts', import.meta.url).pathname;
/** admin-ui/tsconfig.json names the SDL (`schema`) and the output (`tadaOutputLocation`). */
const TSCONFIG = new URL('../../admin-ui/tsconfig.json', import.meta.url).pathname;
const CLI = join(dirname(createRequire(import.meta.url).resolve('gql.tada/package.json')), 'bin', 'cli.js');

const gqlTada = (args: string[]) => execFileSync(process.execPath, [CLI, ...args, '--tsconfig', TSCONFIG], { encoding: 'utf8', stdio: 'pipe' });

/** Writes the generated types for the committed SDL to `output` (the committed file by default). */
export function generateUiTypes(output: string = UI_TYPES_PATH): void {
  gqlTada(['generate-output', '--output', output]);
}

/** The generated types as the committed SDL makes them now, beside the committed file. */
export function uiTypesFreshAndCommitted(): { fresh: string; committed: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pinzhi-ui-types-'));
  try {
    const output = join(dir, 'graphql-env.d.ts');
    generateUiTypes(output);
    return { fresh: readFileSync(output, 'utf8'), committed: readFileSync(UI_TYPES_PATH, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks every `graphql()` document of the admin UI against the SDL; the problems found, or null. */
export function checkUiDocuments(): string | null {
  try {
    gqlTada(['check']);
    return null;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`.trim() || String(error);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  if (process.argv.includes('--check')) {
    const { fresh, committed } = uiTypesFreshAndCommitted();
    if (fresh !== committed) {
      console.error(`${UI_TYPES_PATH} is stale: it does not match schema/graphql/schema.graphql. Run \`npm run codegen:ui\` and commit it.`);
      process.exit(1);
    }
    console.log('admin UI types match the SDL');
  } else {
    generateUiTypes();
    console.log(`wrote ${UI_TYPES_PATH}`);
  }
}
