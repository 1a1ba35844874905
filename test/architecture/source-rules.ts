/**
 * Reading TypeScript sources for the layout's rules, by pattern (the code base keeps one import or
 * declaration per statement, so patterns are enough and need no compiler).
 */

/**
 * The persistence files: entities, repositories, the seam that names the ORM's types and
 * transactions (`domain/shared/persistence.ts`) and the job queue's adapter (pg-boss writes its
 * jobs on the caller's transaction).
 */
export const PERSISTENCE_FILE = /(\.entity|\.repository)\.ts$|^domain\/shared\/persistence\.ts$|^server\/job-queue\.ts$/;

/**
 * Pure rules: every domain file but services, persistence files and the service context. They must
 * not reach a service or the database.
 */
export const PURE_RULE_FILE = /^domain\/(?!shared\/(persistence|service-context)\.ts$)(?!.*\.(service|repository|entity|test)\.ts$).*\.ts$/;

export interface ImportRef {
  spec: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The modules a source imports or re-exports, statically or dynamically. */
export function importsOf(source: string): ImportRef[] {
  const found: ImportRef[] = [];
  for (const m of source.matchAll(IMPORT)) found.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  for (const m of source.matchAll(DYNAMIC)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

/** Every cycle of a directed graph, each once, starting at its smallest node and closed. */
export function importCycles(edges: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = path.slice(path.indexOf(next));
        const start = loop.indexOf([...loop].sort()[0]);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.set(rotated.join(' → '), [...rotated, rotated[0]]);
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const SQL = /^\s*(select\s[\s\S]*?(\sfrom\s|\w+\()|insert into\s|update\s+"?\w+"?\s+set\s|delete from\s|with\s+\w+\s+as\s*\(|create (table|index|trigger)\s|lock table\s)/;

/** String literals that hold SQL (written in lower case, as this code base writes SQL). */
export function sqlStrings(source: string): string[] {
  return [...source.matchAll(STRING)].map((m) => m[0].slice(1, -1)).filter((s) => SQL.test(s)).map((s) => s.replace(/\s+/g, ' ').slice(0, 60));
}

/** The unit of work's query and write API, as called on an entity manager (`em`, `tx`, `ctx.em`, `forkOf(em)` …). */
const ORM_CALL = /(?:\b(?:\w+\.)*(?:em|tx|\w+Em)\b|forkOf\([^)]*\))\.(find|findOne|findOneOrFail|findAll|findAndCount|findByCursor|count|create|persist|flush|nativeUpdate|nativeDelete|execute|refresh|upsert|upsertMany|insert|insertMany|remove|getReference|map|populate|merge|assign|createQueryBuilder|qb|getConnection|getKysely)\(/g;

/** Calls of the entity manager's queries and writes: only repositories make them. */
export function ormCalls(source: string): string[] {
  return source.split('\n').flatMap((line) => [...line.matchAll(ORM_CALL)].map((m) => m[0].slice(0, -1)));
}

const TOP_LEVEL_LET = /^(?:export\s+)?(?:let|var)\s+(\w+)/;
const TOP_LEVEL_CONTAINER = /^(?:export\s+)?const\s+(\w+)\s*(?::[^=]+)?=\s*(new\s+(?:Map|Set|WeakMap|WeakSet)\b|\[\s*\]|\{\s*\})/;

/**
 * Module-level mutable state: top-level `let`/`var`, and top-level containers (Map, Set, empty
 * array or object) not named as constants (UPPER_CASE). Allowed when the comment just above says it
 * is a cache.
 */
export function moduleState(source: string): string[] {
  const lines = source.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    const m = TOP_LEVEL_LET.exec(line) ?? TOP_LEVEL_CONTAINER.exec(line);
    if (!m || /^[A-Z][A-Z0-9_]*$/.test(m[1])) return;
    let j = i - 1;
    const comment: string[] = [];
    while (j >= 0 && /^\s*(\/\*\*?|\*|\/\/)/.test(lines[j])) comment.push(lines[j--]);
    if (!/\bcache\b/i.test(comment.join(' '))) found.push(m[1]);
  });
  return found;
}
