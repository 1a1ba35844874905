import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { seed, STARTER_LIBRARY } from './bootstrap.ts';
import { readLibraryDir, writeLibraryDir } from './library-files.ts';
import { exportLibrary, importLibrary } from './standards/library.service.ts';
import { SYSTEM_ACTOR } from './auth/roles.ts';
import { checkLibrary, LibraryError } from '../standards/library.ts';
import { instruction } from '../test/fixtures.ts';
import { StandardDocument } from './entities/standard-document.entity.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
});
afterAll(() => t.close());

describe('the starter library', () => {
  it('validates: 1 module, 2 procedures, 5 instructions with real check items', () => {
    const docs = checkLibrary(readLibraryDir(STARTER_LIBRARY));
    expect(docs.map((d) => d.kind).sort()).toEqual(['instruction', 'instruction', 'instruction', 'instruction', 'instruction', 'module', 'procedure', 'procedure']);
    for (const doc of docs.filter((d) => d.kind === 'instruction')) {
      expect(Object.keys(doc.schema.properties as object).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('is imported as edition "initial" with demo users on first start, once', async () => {
    const lines: string[] = [];
    await seed(t.app, (l) => lines.push(l));
    await seed(t.app, (l) => lines.push(l));
    expect(lines).toEqual(['created 6 demo users (password "pinzhi-demo")', 'imported 8 standards as edition "initial"']);
    const token = await t.login('inspector');
    const result = await t.gql(`{ edition(name: "initial") { ... on Edition { documentCount } } standard(code: "M03.P01.W002") { ... on Standard { title current { version status } } } }`, {}, token);
    expect(result.data.edition.documentCount).toBe(8);
    expect(result.data.standard).toEqual({ title: '电梯轿厢清洁作业指导书', current: { version: 1, status: 'published' } });
  });

  it('exports to files identical to the ones imported, and re-importing changes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pinzhi-export-'));
    writeLibraryDir(out, await exportLibrary(t.em(), 'initial'));
    for (const file of readLibraryDir(STARTER_LIBRARY)) {
      expect(readFileSync(join(out, file.file), 'utf8')).toBe(readFileSync(join(STARTER_LIBRARY, file.file), 'utf8'));
    }
    const again = await importLibrary(t.em(), SYSTEM_ACTOR, readLibraryDir(out));
    expect(again).toEqual({ created: [], revised: [], unchanged: expect.any(Array), edition: null });
    expect(again.unchanged).toHaveLength(8);
  });

  it('stores nothing when one file of an import is invalid', async () => {
    const good = { file: 'M07/M07.P01.W001.json', schema: instruction('M07.P01.W001') };
    const bad = { file: 'M03/M03.P01.W002.json', schema: { ...instruction('M03.P01.W002'), title: 7 } };
    await expect(importLibrary(t.em(), SYSTEM_ACTOR, [good, bad])).rejects.toThrow(LibraryError);
    expect(await t.em().count(StandardDocument, { code: 'M07.P01.W001' })).toBe(0);
  });
});
