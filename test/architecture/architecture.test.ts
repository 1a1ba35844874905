import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PERSISTENCE_FILE, PURE_RULE_FILE, importsOf, importCycles, moduleState, ormCalls, sqlStrings } from './source-rules.ts';

/**
 * The layout's rules, checked on the sources (README, "Architecture"): no import cycles; the domain
 * imports neither GraphQL nor the ORM outside its persistence files; SQL is written, and the
 * entity manager queried, only in persistence files and migrations; pure rules stay free of services and persistence; module-level
 * mutable state is a documented cache.
 */
const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = ['domain', 'server', 'library/source', 'admin-ui/src', 'test', 'bench'].flatMap(sources);
const code = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
const production = files.filter((f) => !/\.test\.tsx?$/.test(f) && !f.startsWith('test/') && !f.startsWith('bench/'));

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(from), spec));
}

const graph = new Map(files.map((f) => [f, importsOf(code.get(f)!).map((i) => ({ ...i, target: resolveImport(f, i.spec) }))]));

describe('the layout', () => {
  it('has no import cycle (type-only imports included)', () => {
    const edges = new Map([...graph].map(([f, imports]) => [f, imports.flatMap((i) => (i.target && code.has(i.target) ? [i.target] : []))]));
    expect(importCycles(edges)).toEqual([]);
  });

  it('has no cycle between the concept folders of the domain', () => {
    const folderOf = (f: string) => f.split('/').slice(0, 2).join('/');
    const edges = new Map<string, string[]>();
    for (const [f, imports] of graph) {
      if (!f.startsWith('domain/') || /\.test\.ts$/.test(f)) continue;
      const targets = imports.flatMap((i) => (i.target?.startsWith('domain/') && folderOf(i.target) !== folderOf(f) ? [folderOf(i.target)] : []));
      edges.set(folderOf(f), [...new Set([...(edges.get(folderOf(f)) ?? []), ...targets])]);
    }
    expect(importCycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('keeps GraphQL, the ORM and database drivers out of the domain except its persistence files', () => {
    const outside = production.filter((f) => f.startsWith('domain/') && !PERSISTENCE_FILE.test(f)).flatMap((f) =>
      graph.get(f)!.filter((i) => /^(@mikro-orm\/|graphql|@pothos\/|pg$|pg-boss|@electric-sql\/)/.test(i.spec)).map((i) => `${f} imports ${i.spec}`));
    expect(outside).toEqual([]);
  });

  it('keeps the transport out of the domain', () => {
    const upward = production.filter((f) => f.startsWith('domain/')).flatMap((f) =>
      graph.get(f)!.filter((i) => i.target?.startsWith('server/')).map((i) => `${f} imports ${i.target}`));
    expect(upward).toEqual([]);
  });

  it('writes SQL only in persistence files and migrations', () => {
    const misplaced = production.filter((f) => !PERSISTENCE_FILE.test(f) && !f.startsWith('server/db/')).flatMap((f) => sqlStrings(code.get(f)!).map((s) => `${f}: ${s}`));
    expect(misplaced).toEqual([]);
  });

  it('queries and writes through the entity manager only in persistence files (services call repositories)', () => {
    const misplaced = production.filter((f) => (f.startsWith('domain/') || f.startsWith('server/')) && !PERSISTENCE_FILE.test(f) && !f.startsWith('server/db/'))
      .flatMap((f) => ormCalls(code.get(f)!).map((call) => `${f}: ${call}`));
    expect(misplaced).toEqual([]);
  });

  it('keeps pure rules free of services and persistence (they may name an entity\'s row type or the unit of work\'s)', () => {
    const impure = production.filter((f) => PURE_RULE_FILE.test(f)).flatMap((f) =>
      graph.get(f)!.filter((i) => i.target && (/\.(service|repository)\.ts$/.test(i.target) || ((i.target === 'domain/shared/persistence.ts' || /\.entity\.ts$/.test(i.target)) && !i.typeOnly))).map((i) => `${f} imports ${i.target}`));
    expect(impure).toEqual([]);
  });

  it('holds no module-level mutable state but documented caches', () => {
    const state = production.filter((f) => !f.startsWith('admin-ui/')).flatMap((f) => moduleState(code.get(f)!).map((s) => `${f}: ${s}`));
    expect(state).toEqual([]);
  });
});

describe('the rules themselves', () => {
  it('find SQL in string literals and not in prose', () => {
    expect(sqlStrings("const a = 'select id from finding where id = ?'; const b = `update workflow_task set status = 'x'`; const c = 'Select a module';")).toEqual(['select id from finding where id = ?', "update workflow_task set status = 'x'"]);
  });

  it('find calls of the entity manager and not of arrays or other objects', () => {
    expect(ormCalls('await em.find(Project, {});\nctx.em.count(X);\ntx.create(Y, {});\nawait forkOf(ctx.em).findOne(Z, {});\nrows.map((r) => r.id);\nitems.find((i) => i.ok);\nsystem.count(1);')).toEqual([
      'em.find', 'ctx.em.count', 'tx.create', 'forkOf(ctx.em).findOne',
    ]);
  });

  it('find module-level state unless documented as a cache or named as a constant', () => {
    expect(moduleState('let count = 0;\nconst seen = new Map();\n/** Cache of parsed schemas. */\nconst parsed = new Map();\nconst KINDS = new Set();')).toEqual(['count', 'seen']);
  });

  it('read static, type-only and dynamic imports', () => {
    expect(importsOf("import { a } from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c.ts';\nconst d = await import('./d.ts');")).toEqual([
      { spec: './a.ts', typeOnly: false }, { spec: '../b.ts', typeOnly: true }, { spec: './c.ts', typeOnly: false }, { spec: './d.ts', typeOnly: false },
    ]);
  });
});
