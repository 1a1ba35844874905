import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed, SHIPPED_LIBRARY } from '../../server/bootstrap.ts';
import { readLibraryDir, readLibraryPackage, writeLibraryDir } from './library-files.ts';
import { exportLibrary, importLibrary, importLibraryPackage, storeFollowsPackage } from './library.service.ts';
import { createDraft, publish, submitForReview } from '../standards/standard.service.ts';
import { SYSTEM_ACTOR, organisationActor } from '../shared/access.ts';
import { LibraryError } from './library.ts';
import { instruction } from '../../test/fixtures.ts';
import { StandardDocument } from '../standards/standard-document.entity.ts';
import { StandardVersion } from '../standards/standard-version.entity.ts';

let t: TestApp;
let token: string;
const lines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  // given a fresh store / when the server seeds it twice
  await seed(t.app, (l) => lines.push(l));
  await seed(t.app, (l) => lines.push(l));
  token = await t.login('auditor');
}, 300_000); // the shipped library's three editions imported, beside other test files on two cores
afterAll(() => t.close());

describe('the shipped library on first start', () => {
  it('imports every edition with its history, once', async () => {
    // then the second seed does nothing
    expect(lines).toEqual([
      'created 8 demo users (password "pinzhi-demo")',
      'imported edition 2026-Q3: 237 new, 0 revised, 0 retired standards',
      expect.stringMatching(/^imported edition 2026-Q4: 2 new, 1[2-9] revised, 1 retired standards$/),
      'imported edition 2027-Q1: 0 new, 189 revised, 0 retired standards',
      'imported 215 touchpoints and variants platinum@1, platinum@2',
      'created 18 sample projects with their places, and 4 inspection schedules for "inspector"',
      '"inspector" holds the inspector role on HD01, HN02, HD03, HB01 only, "pm2" project_manager on HD01',
      'created organisation yueju (悦居物业) with 4 projects and users yj-admin, yj-manager, yj-inspector, yj-pm',
      expect.stringMatching(/^created the regional supervisor "supervisor" \(华东区域\) and drew \d{4}-\d{2}'s flying inspections: \d+ projects$/),
      expect.stringMatching(/^seeded \d{4} demo feedback items over 90 days in \d+ ms$/),
      'created the questionnaire SV-ANNUAL (v1, v2 published) and the wave "2026年度满意度调查"',
      expect.stringMatching(/^demo survey responses: \d{5} for wave \d+ in \d+ ms$/),
      'opened the training of M01.P02.W006 v2 with 2 sessions, attendance and 2 quiz scores',
      'seeded 4 coaching records, 1 qualification requirement and demo certificates (inspector\'s 内审员证 expires in 20 days)',
    ]);
    const result = await t.gql(`{ editions { ... on EditionConnection { nodes { name documentCount createdBy } } }
      q3: edition(name: "2026-Q3") { ... on Edition { documents(kind: "instruction") { code } } }
      q4: edition(name: "2026-Q4") { ... on Edition { documents(kind: "instruction") { code } } }
      q1: edition(name: "2027-Q1") { ... on Edition { documents(kind: "instruction") { code version } } } }`, {}, token);
    expect(result.data.editions.nodes).toEqual([
      { name: '2027-Q1', documentCount: 238, createdBy: '刘建国（品质部经理）' },
      { name: '2026-Q4', documentCount: 238, createdBy: '刘建国（品质部经理）' },
      { name: '2026-Q3', documentCount: 237, createdBy: '刘建国（品质部经理）' },
    ]);
    expect(result.data.q3.documents).toHaveLength(188);
    expect(result.data.q4.documents).toHaveLength(189);
    expect(result.data.q1.documents.map((d: { code: string }) => d.code)).toEqual(result.data.q4.documents.map((d: { code: string }) => d.code));
    // every instruction got a new version in 2027-Q1: the one after its 2026-Q4 version
    expect(result.data.q1.documents.every((d: { version: number }) => d.version >= 2)).toBe(true);
  });

  it('shows auditors what changed from 2026-Q3 to 2026-Q4, by whom and why', async () => {
    const result = await t.gql(`{ editionDiff(from: "2026-Q3", to: "2026-Q4") { ... on EditionDiff {
      added { code title author note } removed { code title author note }
      changed { code title fromVersion toVersion author note changes { kind summaryZh } } } } }`, {}, token);
    const diff = result.data.editionDiff;
    expect(diff.added.map((d: { title: string }) => d.title)).toEqual(expect.arrayContaining([expect.stringMatching(/充电桩巡查/), expect.stringMatching(/应急/)]));
    expect(diff.removed).toHaveLength(1);
    expect(diff.removed[0].author).toMatch(/[\u4e00-\u9fa5]/);
    expect(diff.removed[0].note.length).toBeGreaterThan(10);
    const instructions = diff.changed.filter((d: { code: string }) => d.code.split('.').length === 3);
    expect(instructions.length).toBeGreaterThanOrEqual(12);
    for (const d of diff.changed) {
      expect(d).toMatchObject({ fromVersion: 1, toVersion: 2, author: expect.stringMatching(/[\u4e00-\u9fa5]/), note: expect.any(String) });
      expect(d.changes.length).toBeGreaterThan(0);
    }
    const kinds = new Set(instructions.flatMap((d: { changes: { kind: string }[] }) => d.changes.map((c) => c.kind)));
    expect([...kinds]).toEqual(expect.arrayContaining(['constraint-tightened', 'item-added', 'text-changed']));
  });

  it('shows auditors that 2027-Q1 gave every check item its place, in words, by the quality manager', async () => {
    // when an auditor compares the two newest editions
    const result = await t.gql(`{ editionDiff(from: "2026-Q4", to: "2027-Q1") { ... on EditionDiff {
      added { code } removed { code }
      changed { code fromVersion toVersion author note changes { kind item field after summary summaryZh } } } } }`, {}, token);
    const diff = result.data.editionDiff;
    // then every instruction is changed, and only by the places of its items
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(189);
    for (const d of diff.changed) {
      expect(d).toMatchObject({ toVersion: d.fromVersion + 1, author: '刘建国（品质部经理）', note: expect.stringMatching(/^检查项标注检查地点，便于按地点巡检：/) });
      for (const c of d.changes) expect(c).toMatchObject({ kind: 'check-changed', field: 'x-check/place', summaryZh: expect.stringMatching(/：检查地点 无 → \S+$/), summary: expect.stringMatching(/: place none → .+$/) });
    }
    const w002 = diff.changed.find((d: { code: string }) => d.code === 'M03.P01.W002');
    expect(w002.changes).toContainEqual({ kind: 'check-changed', item: 'cleaningsPerDay', field: 'x-check/place', after: 'lift', summary: 'Check item "轿厢每日清洁次数": place none → Lift', summaryZh: '检查项「轿厢每日清洁次数」：检查地点 无 → 电梯' });
    expect(diff.changed.reduce((n: number, d: { changes: unknown[] }) => n + d.changes.length, 0)).toBe(1286);
  });

  it('keeps each version with its author and note, and the retired instruction readable', async () => {
    const retired = await t.em().findOneOrFail(StandardDocument, { retired: true });
    const result = await t.gql(`query ($code: String!) { standard(code: $code, edition: "2026-Q3") { ... on Standard { title versions { version status author statusChangedBy statusNote } } } }`, { code: retired.code }, token);
    expect(result.data.standard.versions).toEqual([{ version: 1, status: 'retired', author: '刘建国（品质部经理）', statusChangedBy: expect.stringMatching(/[\u4e00-\u9fa5]/), statusNote: expect.any(String) }]);
    expect(await t.em().count(StandardVersion, { status: 'superseded' })).toBeGreaterThanOrEqual(12);
  });

  it('keeps the editions\' own dates and people on imported versions, not the import\'s time and "system"', async () => {
    // given the shipped editions.json: M01.P02.W006 revised in 2026-Q4 by 陈静, and again in 2027-Q1
    const editions = readLibraryPackage(SHIPPED_LIBRARY).editions;
    const q4 = editions.find((e) => e.name === '2026-Q4')!;
    const change = q4.changes.find((c) => c.code === 'M01.P02.W006')!;
    // when an auditor reads its versions
    const result = await t.gql(`{ standard(code: "M01.P02.W006") { ... on Standard { versions { version status author note createdAt submittedBy publishedBy publishedAt statusChangedBy statusChangedAt } } } }`, {}, token);
    const [v1, v2] = result.data.standard.versions;
    // then each carries the date and people of its edition
    expect(v1).toMatchObject({ version: 1, author: editions[0].publishedBy, createdAt: '2026-07-01T00:00:00.000Z', publishedAt: '2026-07-01T00:00:00.000Z', publishedBy: editions[0].publishedBy, status: 'superseded', statusChangedBy: q4.publishedBy, statusChangedAt: '2026-10-09T00:00:00.000Z' });
    expect(v2).toMatchObject({ version: 2, author: change.author, note: change.note, submittedBy: change.author, createdAt: '2026-10-09T00:00:00.000Z', publishedAt: '2026-10-09T00:00:00.000Z', publishedBy: q4.publishedBy });
    const everyone = (await t.em().execute<{ n: string }[]>(`select count(*) as n from standard_version where published_by = 'system' or author = 'system'`))[0];
    expect(Number(everyone.n)).toBe(0);
  });

  it('serves the touchpoints and the platinum variant with the changes each overlay makes', async () => {
    const result = await t.gql(`{ touchpoints(first: 500) { ... on TouchpointConnection { totalCount nodes { code name stage place } } } parking: touchpoints(stage: "出行停车") { ... on TouchpointConnection { nodes { code } } }
      variantProfiles
      variant(profile: "platinum") { ... on Variant { edition version overlayCount overlays { code title note baseVersion changes { kind } schema } } }
      q4: variant(profile: "platinum", edition: "2026-Q4") { ... on Variant { edition version overlays { schema } } }
      q3: variant(profile: "platinum", edition: "2026-Q3") { __typename ... on Error { message } } }`, {}, token);
    expect(result.data.touchpoints.totalCount).toBe(215);
    expect(result.data.touchpoints.nodes).toHaveLength(215);
    expect(result.data.parking.nodes.length).toBeGreaterThan(5);
    expect(result.data.variantProfiles).toEqual(['platinum']);
    const v = result.data.variant;
    expect(v).toMatchObject({ edition: '2027-Q1', version: 2 });
    // 2026-Q4 still pins the variant it was published with, whose added items name no place
    expect(result.data.q4).toMatchObject({ edition: '2026-Q4', version: 1 });
    expect(JSON.stringify(result.data.q4.overlays)).not.toContain('"place"');
    expect(JSON.stringify(v.overlays)).toContain('"place":"lobby"');
    expect(v.overlayCount).toBeGreaterThanOrEqual(25);
    for (const o of v.overlays) expect(o.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(v.overlays)).toContain('香氛');
    expect(result.data.q3).toEqual({ __typename: 'NotFoundError', message: 'Edition 2026-Q3 has no platinum variant' });
  });

  it('exports the newest edition to files identical to the shipped ones, 2026-Q4 to its history, and importing the library again changes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pinzhi-export-'));
    writeLibraryDir(out, await exportLibrary(t.em()));
    const shipped = readLibraryPackage(SHIPPED_LIBRARY).documents;
    expect(readLibraryDir(out).map((f) => f.file)).toEqual(shipped.map((f) => f.file));
    for (const file of shipped) expect(readFileSync(join(out, file.file), 'utf8')).toBe(readFileSync(join(SHIPPED_LIBRARY, file.file), 'utf8'));
    // 2026-Q4 reads as it did before 2027-Q1: its history where 2027-Q1 revised a document, else the document itself
    const q4 = mkdtempSync(join(tmpdir(), 'pinzhi-export-q4-'));
    writeLibraryDir(q4, await exportLibrary(t.em(), '2026-Q4'));
    for (const file of shipped) {
      const history = join(SHIPPED_LIBRARY, 'history', '2026-Q4', file.file.slice(4));
      expect({ file: file.file, text: readFileSync(join(q4, file.file), 'utf8') }).toEqual({ file: file.file, text: readFileSync(existsSync(history) ? history : join(SHIPPED_LIBRARY, file.file), 'utf8') });
    }
    expect(await importLibraryPackage(t.em(), SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY))).toEqual({ editions: [], touchpoints: 0, variants: [] });
    const again = await importLibrary(t.em(), SYSTEM_ACTOR, readLibraryDir(out));
    expect(again).toMatchObject({ created: [], revised: [], edition: null });
    expect(again.unchanged).toHaveLength(238);
  });

  it('lets a store take later shipped editions only while nobody has changed its standards', async () => {
    // given the store as the shipped library left it, and a library with one more edition
    const pkg = readLibraryPackage(SHIPPED_LIBRARY);
    const later = { ...pkg, editions: [...pkg.editions, { name: '2027-Q2', date: '2027-03-01', publishedBy: '刘建国（品质部经理）', note: '季度评审', changes: [] }] };
    expect(await storeFollowsPackage(t.em(), later)).toBe(true);
    // a library the store is ahead of is not followed
    expect(await storeFollowsPackage(t.em(), { ...pkg, editions: pkg.editions.slice(0, 2) })).toBe(false);
    // when someone opens a draft, or publishes a version after the newest edition, the later editions wait for an explicit import
    const ctx = t.app.context(SYSTEM_ACTOR);
    await createDraft(ctx, { code: 'M03.P01.W004', note: '修订中' });
    expect(await storeFollowsPackage(t.em(), later)).toBe(false);
    await submitForReview(ctx, 'M03.P01.W004');
    // (a second person approves: the one who opened and submitted it may not publish it)
    await publish(t.app.context(organisationActor('reviewer', ['quality_manager'])), 'M03.P01.W004', '提前发布');
    expect(await storeFollowsPackage(t.em(), later)).toBe(false);
  });

  it('stores nothing when one file of an import is invalid', async () => {
    const good = { file: 'M09/M09.P01.W001.json', schema: instruction('M09.P01.W001') };
    const bad = { file: 'M03/M03.P01.W002.json', schema: { ...instruction('M03.P01.W002'), title: 7 } };
    await expect(importLibrary(t.em(), SYSTEM_ACTOR, [good, bad])).rejects.toThrow(LibraryError);
    expect(await t.em().count(StandardDocument, { code: 'M09.P01.W001' })).toBe(0);
  });
});

describe('a store that imported the library before 2027-Q1', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await startTestApp({ demoUsers: false });
  });
  afterAll(() => u.close());

  it('takes 2027-Q1 at the next start, with its variant, when nobody has changed its standards', async () => {
    // given a store that imported the library as it shipped with editions 2026-Q3 and 2026-Q4
    const full = readLibraryPackage(SHIPPED_LIBRARY);
    const q4Files = new Map(full.history.get('2026-Q4')!.map((f) => [f.file.split('/').at(-1), f.schema]));
    const older = {
      ...full,
      editions: full.editions.slice(0, 2),
      documents: full.documents.map((f) => ({ file: f.file, schema: q4Files.get(f.file.split('/').at(-1)) ?? f.schema })),
      history: new Map([['2026-Q3', full.history.get('2026-Q3')!]]),
      variants: full.variantHistory!.get('2026-Q4')!.map((f) => ({ file: 'variants/platinum.json', schema: f.schema })),
      variantHistory: new Map(),
    };
    expect((await importLibraryPackage(u.em(), SYSTEM_ACTOR, older)).variants).toEqual(['platinum@1']);
    expect(await storeFollowsPackage(u.em(), full)).toBe(true);
    // when the server starts with the newer library
    const lines: string[] = [];
    await seed(u.app, (l) => lines.push(l));
    // then the store gets 2027-Q1 and the platinum variant it pins, and 2026-Q4 reads as before
    expect(lines).toEqual(expect.arrayContaining(['imported edition 2027-Q1: 0 new, 189 revised, 0 retired standards', 'imported 0 touchpoints and variants platinum@2']));
    const token = await u.login('auditor');
    const result = await u.gql(`{ editions { ... on EditionConnection { nodes { name } } } variant(profile: "platinum") { ... on Variant { edition version } }
      q4: standard(code: "M03.P01.W002", edition: "2026-Q4") { ... on Standard { current { version schema } } } }`, {}, token);
    expect(result.data.editions.nodes.map((e: { name: string }) => e.name)).toEqual(['2027-Q1', '2026-Q4', '2026-Q3']);
    expect(result.data.variant).toEqual({ edition: '2027-Q1', version: 2 });
    expect(result.data.q4.current).toEqual({ version: 1, schema: q4Files.get('M03.P01.W002.json') });
  }, 180_000); // two editions imported, then a start that imports the third
});
