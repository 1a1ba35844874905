import { strFromU8, unzipSync } from 'fflate';
import { serveHttp, startTestApp, type TestApp } from '../../test/harness.ts';
import { passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { seed } from '../bootstrap.ts';
import { Finding } from '../../domain/findings/finding.entity.ts';
import { Inspection } from '../../domain/inspections/inspection.entity.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { PLACE_KINDS } from '../../domain/standards/place-kinds.ts';

/** A day `n` days before today (China Standard Time): inspections are recorded within the last year. */
const daysAgo = (n: number) => todayInChina(new Date(Date.now() - n * 86_400_000));
const INSPECTED_ON = daysAgo(13);
/** Days around the audit of INSPECTED_ON: the next day, its quarter, the next quarter, and days inside the next two quarters. */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const quarterOf = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const from = `${y}-${String(first).padStart(2, '0')}-01`;
  const next = first + 3 > 12 ? `${y + 1}-01-01` : `${y}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1), next };
};
const NEXT_DAY = addDays(INSPECTED_ON, 1);
const HN02_FROM = addDays(INSPECTED_ON, -19);
const Q = quarterOf(INSPECTED_ON);
const NQ = quarterOf(Q.next);
const IN_NEXT_QUARTER = addDays(Q.next, 4);
const IN_QUARTER_AFTER = addDays(NQ.next, 1);

let t: TestApp;
let inspector: string;
let manager: string;
let http: Awaited<ReturnType<typeof serveHttp>>;
let base: string;
const projects: Record<string, number> = {};
const photos: string[] = [];

const ITEM_FIELDS = 'id code version key module title criterion { zh en } input unit options evidence severity weight tiers touchpoints place rectifyWithinHours schema';
const CHECKLIST = `query ($projectId: Int!, $tier: Tier!, $scope: String, $edition: String, $date: String) {
  checklist(projectId: $projectId, tier: $tier, scope: $scope, edition: $edition, date: $date) {
    __typename ... on Checklist { id tier scope edition period variantProfile variantVersion itemCount items { ${ITEM_FIELDS} } answerSchema }
    ... on Error { message } } }`;
const SUBMIT = `mutation ($checklistId: String!, $clientSubmissionId: String!, $answers: [AnswerInput!]!, $placeId: Int, $inspectedOn: String) {
  submitInspection(checklistId: $checklistId, clientSubmissionId: $clientSubmissionId, answers: $answers, placeId: $placeId, inspectedOn: $inspectedOn) {
    __typename ... on SubmitInspectionSuccess { replayed inspection { id applicable passed score executionRate findingCount edition
      findings { itemId code version title severity expectedZh actual reasons touchpoints status rectifyDueAt } } }
    ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;

async function checklist(vars: Record<string, unknown>) {
  const result = await t.gql(CHECKLIST, vars, inspector);
  expect(result.errors).toBeUndefined();
  return result.data.checklist as { __typename: string; id: string; itemCount: number; items: ChecklistItem[]; period: string | null; variantProfile: string | null; message?: string };
}
const submit = async (vars: Record<string, unknown>) => (await t.gql(SUBMIT, vars, inspector)).data.submitInspection;

/** A small PNG: the signature, then some bytes that make each photo distinct. */
const png = (text: string) => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), text]);

/** Uploads a file with the GraphQL multipart request spec. */
async function upload(file: Blob, name = 'photo.png', token = inspector, takenAt: string | null = null) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: 'mutation ($f: File!, $t: DateTime) { uploadPhoto(file: $f, takenAt: $t) { __typename ... on Photo { sha256 mime bytes takenAt } ... on ValidationError { message issues { pointer message } } ... on Error { message } } }', variables: { f: null, t: takenAt } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', file, name);
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' }, body: form });
  return ((await response.json()) as { data: { uploadPhoto: { __typename: string; sha256: string; mime: string; bytes: number; takenAt?: string | null; issues?: { pointer: string; message: string }[] } } }).data.uploadPhoto;
}

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  inspector = await t.login('inspector');
  manager = await t.login('manager');
  const result = await t.gql('{ projects { ... on ProjectConnection { nodes { id code name type region profile places { id name } } } } }', {}, manager);
  for (const p of result.data.projects.nodes) projects[p.code] = p.id;
  // the demo inspector holds the role on the projects of their schedules; this file also inspects three more
  const admin = await t.login('admin');
  for (const code of ['HD02', 'HB04', 'HB05']) {
    const granted = await t.gql('mutation ($u: String!, $p: Int!) { grantRole(username: $u, role: "inspector", projectId: $p) { __typename } }', { u: 'inspector', p: projects[code] }, admin);
    expect(JSON.stringify(granted)).not.toContain('Error');
  }
  for (let i = 0; i < 10; i++) photos.push((await upload(png(`现场照片${i}`))).sha256);
  http = await serveHttp(() => t.app, { maxBodyBytes: 1024 * 1024, responseCacheTtlMs: 0 });
  base = http.base;
}, 300_000); // the shipped library's three editions imported, beside other test files on two cores
afterAll(async () => {
  await http.close();
  await t.close();
});

describe('projects', () => {
  it('ships 18 sample projects in 3 regions, the commercial complexes on the platinum profile, each with places', async () => {
    const { data } = await t.gql('{ projects { ... on ProjectConnection { totalCount nodes { code type region profile places { name kind } } } } }', {}, manager);
    const list = data.projects.nodes;
    expect(data.projects.totalCount).toBe(18);
    expect(list).toHaveLength(18);
    expect(new Set(list.map((p: { region: string }) => p.region)).size).toBe(3);
    const platinum = list.filter((p: { profile: string }) => p.profile === 'platinum');
    expect(platinum.length).toBeGreaterThanOrEqual(4);
    expect(list.filter((p: { type: string }) => p.type === 'commercial').every((p: { profile: string }) => p.profile === 'platinum')).toBe(true);
    expect(list[0].places.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['1号楼', '地下车库 B1']));
  });
});

describe('checklists', () => {
  it('gives the quarterly audit every item, with the same id each time, served by id with long cache headers', async () => {
    const first = await checklist({ projectId: projects.HD01, tier: 'quarterly' });
    const again = await checklist({ projectId: projects.HD01, tier: 'quarterly', date: '2027-01-05' });
    expect(first.itemCount).toBeGreaterThan(1200);
    expect(again.id).toBe(first.id);
    // the newest edition, 2027-Q1, holds the second version of every instruction
    expect(first.items[0].id).toMatch(/^M01\.P01\.W001@2#\/properties\//);
    expect(JSON.stringify(first)).not.toContain('"default"');
    const byId = await t.gql(`query ($id: String!) { checklistById(id: $id) { ... on Checklist { id itemCount } } }`, { id: first.id }, inspector);
    expect(byId.data.checklistById).toEqual({ id: first.id, itemCount: first.itemCount });

    const url = `${base}/checklists/${first.id}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${inspector}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${first.id}"`);
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(((await response.json()) as { itemCount: number }).itemCount).toBe(first.itemCount);
    expect((await fetch(url, { headers: { authorization: `Bearer ${inspector}`, 'if-none-match': `"${first.id}"` } })).status).toBe(304);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${base}/checklists/${'0'.repeat(64)}`, { headers: { authorization: `Bearer ${inspector}` } })).status).toBe(404);
  });

  it('draws the monthly sample per project and month, reproducibly', async () => {
    const a = await checklist({ projectId: projects.HD01, tier: 'monthly', date: '2026-11-03' });
    const b = await checklist({ projectId: projects.HD01, tier: 'monthly', date: '2026-11-28' });
    const c = await checklist({ projectId: projects.HD01, tier: 'monthly', date: '2026-12-01' });
    expect(a.period).toBe('2026-11');
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(new Set(a.items.map((i) => i.module)).size).toBe(7);
  });

  it('says where each item is checked, and names the kinds of place in Chinese and English', async () => {
    // given the lift-car cleaning instruction and the whole library's quarterly audit
    const liftCar = await checklist({ projectId: projects.HD01, tier: 'quarterly', scope: 'M03.P01.W002' });
    const all = await checklist({ projectId: projects.HD03, tier: 'quarterly' });
    const { data } = await t.gql('{ placeKinds { kind zh en } }', {}, inspector);
    // then every item names one of the kinds the API lists, the lift-car items the lift
    expect(data.placeKinds).toEqual(PLACE_KINDS.map(({ kind, zh, en }) => ({ kind, zh, en })));
    expect(data.placeKinds).toContainEqual({ kind: 'car-park', zh: '停车场', en: 'Car park' });
    expect(new Set(liftCar.items.map((i) => i.place))).toEqual(new Set(['lift']));
    const kinds = new Set(data.placeKinds.map((p: { kind: string }) => p.kind));
    expect(all.items.filter((i) => !kinds.has(i.place))).toEqual([]);
    expect(new Set(all.items.map((i) => i.place)).size).toBe(kinds.size);
    // and the list needs a signed-in caller, like every read
    expect((await t.gql('{ placeKinds { kind } }', {})).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('applies the platinum overlays for a platinum project, and narrows to a scope', async () => {
    const standard = await checklist({ projectId: projects.HD01, tier: 'quarterly', scope: 'M03.P01.W002' });
    const platinum = await checklist({ projectId: projects.HD03, tier: 'quarterly', scope: 'M03.P01.W002' });
    const criterion = (c: typeof standard) => c.items.find((i) => i.key === 'cleaningsPerDay')!.criterion;
    expect(criterion(standard)).toEqual({ zh: '≥ 3 次/日', en: '≥ 3 times/day' });
    expect(criterion(platinum)).toEqual({ zh: '≥ 6 次/日', en: '≥ 6 times/day' });
    expect(platinum.variantProfile).toBe('platinum');
    expect(new Set(standard.items.map((i) => i.code))).toEqual(new Set(['M03.P01.W002']));
  });

  it('refuses a bad request with a typed error', async () => {
    expect((await checklist({ projectId: 99999, tier: 'daily' })).__typename).toBe('NotFoundError');
    expect((await checklist({ projectId: projects.HD01, tier: 'daily', scope: 'M09' })).__typename).toBe('NotFoundError');
    expect((await checklist({ projectId: projects.HD01, tier: 'daily', scope: 'lobby' })).__typename).toBe('ValidationError');
    expect((await checklist({ projectId: projects.HD01, tier: 'daily', date: '2026-13-45' })).__typename).toBe('ValidationError');
    expect((await checklist({ projectId: projects.HD01, tier: 'daily', edition: '2031-Q1' })).__typename).toBe('NotFoundError');
  });
});

describe('photos', () => {
  it('stores an image once under its sha256 and serves it; refuses a file that is not an image or is too large', async () => {
    const first = await upload(png('地坎槽'));
    expect(first).toMatchObject({ __typename: 'Photo', mime: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await upload(png('地坎槽'))).sha256).toBe(first.sha256);
    const served = await fetch(`${base}/photos/${first.sha256}`, { headers: { authorization: `Bearer ${inspector}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(first.bytes);
    expect((await fetch(`${base}/photos/${first.sha256}`)).status).toBe(401);
    const text = await upload(new Blob(['这不是照片，是一段文字']), 'fake.jpg');
    expect(text).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/file', message: 'not a JPEG, PNG, WebP or HEIC image' }] });
    const big = await upload(png('x'.repeat(300 * 1024)));
    expect(big).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/file', message: expect.stringContaining('too large') }] });
    expect((await upload(png('审核员'), 'p.png', await t.login('auditor'))).__typename).toBe('ForbiddenError');
    // a project manager proves a rectification with photos; auditors only read
    expect((await upload(png('整改后'), 'after.png', await t.login('pm'))).__typename).toBe('Photo');
    // the phone says when it took the photo; a time after now is a wrong clock
    expect((await upload(png('拍摄时间'), 'taken.png', inspector, '2026-11-30T08:15:00.000Z')).takenAt).toBe('2026-11-30T08:15:00.000Z');
    const future = await upload(png('未来'), 'future.png', inspector, new Date(Date.now() + 86_400_000).toISOString());
    expect(future).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/takenAt', message: 'when the photo was taken, not later than now' }] });
  });
});

describe('submitting an inspection', () => {
  it('judges the answers, stores one finding per failed item, and answers a retry with the first result', async () => {
    const list = await checklist({ projectId: projects.HD01, tier: 'quarterly', scope: 'M03.P01.W002' });
    const answers = passingAnswers(list.items, photos).map((a) => (a.itemId.endsWith('/cleaningsPerDay') ? { ...a, value: 2, photos: undefined } : a));
    // a failed item with evidence photo-on-fail needs a photo
    const photo = (await upload(png('轿厢记录表'))).sha256;
    const withPhoto = answers.map((a) => (a.itemId.endsWith('/cleaningsPerDay') ? { ...a, photos: [photo] } : a));
    const vars = { checklistId: list.id, clientSubmissionId: 'phone-7-0001', answers: withPhoto, inspectedOn: INSPECTED_ON };
    const first = await submit(vars);
    expect(first.__typename).toBe('SubmitInspectionSuccess');
    expect(first.replayed).toBe(false);
    expect(first.inspection).toMatchObject({ applicable: list.itemCount, passed: list.itemCount - 1, findingCount: 1, edition: '2027-Q1' });
    expect(first.inspection.executionRate).toBeCloseTo((list.itemCount - 1) / list.itemCount, 4);
    expect(first.inspection.findings).toEqual([expect.objectContaining({
      itemId: expect.stringMatching(/^M03\.P01\.W002@2#\/properties\/cleaningsPerDay$/), code: 'M03.P01.W002', version: 2,
      expectedZh: '≥ 3 次/日', actual: 2, reasons: ['expected ≥ 3 times/day'], status: 'open', touchpoints: expect.arrayContaining([expect.stringMatching(/^TP-/)]),
    })]);
    const retry = await submit(vars);
    expect(retry).toMatchObject({ replayed: true, inspection: { id: first.inspection.id } });
    // the reasons are stored as messages and read in the reader's language
    const zh = await t.gql(`query ($id: Int!) { inspection(id: $id) { ... on Inspection { findings { reasons reasonCodes } } } }`, { id: first.inspection.id }, inspector, 'zh-CN');
    expect(zh.data.inspection.findings).toEqual([{ reasons: ['应为 ≥ 3 次/日'], reasonCodes: ['answers.reason_expected'] }]);
    // findings judged before reasons were messages hold English text, shown as it was recorded
    const [{ reasons_json: stored }] = await t.em().execute<{ reasons_json: string }[]>('select reasons_json from finding where inspection_id = ?', [first.inspection.id]);
    await t.em().execute('update finding set reasons_json = ? where inspection_id = ?', ['["expected at least 3"]', first.inspection.id]);
    const legacy = await t.gql(`query ($id: Int!) { inspection(id: $id) { ... on Inspection { findings { reasons reasonCodes } } } }`, { id: first.inspection.id }, inspector, 'zh-CN');
    expect(legacy.data.inspection.findings).toEqual([{ reasons: ['expected at least 3（英文原文）'], reasonCodes: ['answers.reason_recorded'] }]);
    await t.em().execute('update finding set reasons_json = ? where inspection_id = ?', [stored, first.inspection.id]);
    const conflict = await submit({ ...vars, answers: passingAnswers(list.items, photos) });
    expect(conflict.__typename).toBe('ConflictError');
    expect(await t.em().count(Inspection, { clientSubmissionId: 'phone-7-0001' })).toBe(1);
  });

  it('stores nothing for answers of the wrong type, unknown items, an unknown checklist or a missing photo', async () => {
    const list = await checklist({ projectId: projects.HD02, tier: 'quarterly', scope: 'M03.P01' });
    const good = passingAnswers(list.items, photos);
    const before = [await t.em().count(Inspection), await t.em().count(Finding)];
    const wrongType = await submit({ checklistId: list.id, clientSubmissionId: 'bad-1', answers: good.map((a, i) => (i === 0 ? { ...a, value: { nested: true } } : a)) });
    expect(wrongType.__typename).toBe('ValidationError');
    expect(wrongType.issues[0].pointer).toBe('/answers/0/value');
    const unknown = await submit({ checklistId: list.id, clientSubmissionId: 'bad-2', answers: [...good, { itemId: 'M09.P09.W999@1#/properties/x', value: true }] });
    expect(unknown.issues).toEqual([{ pointer: `/answers/${good.length}/itemId`, message: expect.stringContaining('is not an item of checklist') }]);
    expect((await submit({ checklistId: 'f'.repeat(64), clientSubmissionId: 'bad-3', answers: good })).__typename).toBe('NotFoundError');
    const photoItem = list.items.find((i) => i.evidence === 'photo-required' || i.input === 'photos')!;
    const unknownPhoto = await submit({ checklistId: list.id, clientSubmissionId: 'bad-4', answers: good.map((a) => (a.itemId === photoItem.id ? { ...a, photos: ['c'.repeat(64)], value: photoItem.input === 'photos' ? ['c'.repeat(64)] : a.value } : a)) });
    expect(unknownPhoto.__typename).toBe('ValidationError');
    expect(unknownPhoto.issues[0].message).toContain('has not been uploaded');
    expect([await t.em().count(Inspection), await t.em().count(Finding)]).toEqual(before);
  });

  it('refuses a submission against a retired edition', async () => {
    const old = await checklist({ projectId: projects.HD02, tier: 'quarterly', scope: 'M01.P01.W001', edition: '2026-Q3' });
    // taken on the older edition while it was current, an inspection stays pinned to it
    const pinned = await submit({ checklistId: old.id, clientSubmissionId: 'old-edition-0', answers: passingAnswers(old.items, photos), inspectedOn: daysAgo(49) });
    expect(pinned.inspection.edition).toBe('2026-Q3');
    const retired = await t.gql('mutation { retireEdition(name: "2026-Q3", note: "2026-Q4 已全面执行") { __typename ... on Edition { name retired { retiredBy note } } ... on Error { message } } }', {}, manager);
    expect(retired.data.retireEdition).toEqual({ __typename: 'Edition', name: '2026-Q3', retired: { retiredBy: 'manager', note: '2026-Q4 已全面执行' } });
    const result = await submit({ checklistId: old.id, clientSubmissionId: 'old-edition-1', answers: passingAnswers(old.items, photos) });
    expect(result.__typename).toBe('ConflictError');
    expect(result.message).toContain('2026-Q3 was retired');
    expect((await checklist({ projectId: projects.HD02, tier: 'quarterly', scope: 'M01.P01.W002', edition: '2026-Q3' })).__typename).toBe('ConflictError');
    const newest = await t.gql('mutation { retireEdition(name: "2027-Q1", note: "x") { __typename } }', {}, manager);
    expect(newest.data.retireEdition.__typename).toBe('ConflictError');
  });
});

describe('reading inspections back', () => {
  it('filters findings, rates execution by project, module and month, maps findings by touchpoint × project, and finds inspections by document version', async () => {
    const findings = await t.gql('query ($p: Int, $from: String, $to: String) { findings(projectId: $p, module: "M03", severity: "minor", from: $from, to: $to) { ... on FindingConnection { totalCount nodes { code title } } } }', { p: projects.HD01, from: `${INSPECTED_ON.slice(0, 7)}-01`, to: INSPECTED_ON }, inspector);
    expect(findings.data.findings).toEqual({ totalCount: 1, nodes: [{ code: 'M03.P01.W002', title: '轿厢每日清洁次数' }] });
    const rates = await t.gql('query ($p: Int) { byModule: executionRates(groupBy: module, projectId: $p) { key applicable passed rate } byMonth: executionRates(groupBy: month) { key inspections } byProject: executionRates(groupBy: project) { key } }', { p: projects.HD01 }, inspector);
    const m03 = rates.data.byModule.find((r: { key: string }) => r.key === 'M03');
    expect(m03.rate).toBeCloseTo((m03.applicable - 1) / m03.applicable, 4);
    expect(rates.data.byMonth).toEqual([{ key: daysAgo(49).slice(0, 7), inspections: 1 }, { key: INSPECTED_ON.slice(0, 7), inspections: 1 }]);
    expect(rates.data.byProject).toEqual([{ key: 'HD01' }, { key: 'HD02' }]);
    const heat = await t.gql('{ findingHeatMap { touchpoint projectId count } }', {}, inspector);
    expect(heat.data.findingHeatMap.length).toBeGreaterThan(0);
    expect(heat.data.findingHeatMap.every((c: { projectId: number; count: number }) => c.projectId === projects.HD01 && c.count === 1)).toBe(true);
    const under = await t.gql('{ inspectionsUnder(code: "M03.P01.W002", version: 2) { ... on InspectionConnection { totalCount nodes { id inspectedOn } } } other: inspectionsUnder(code: "M03.P01.W002", version: 1) { ... on InspectionConnection { totalCount nodes { id } } } }', {}, inspector);
    expect(under.data.inspectionsUnder).toEqual({ totalCount: 1, nodes: [{ id: expect.any(Number), inspectedOn: INSPECTED_ON }] });
    expect(under.data.other).toEqual({ totalCount: 0, nodes: [] });
  });

  it('lists inspections newest first, by project, a page at a time', async () => {
    const all = (await t.gql('{ inspections { ... on InspectionConnection { totalCount nodes { id inspectedOn project { code } } } } }', {}, inspector)).data.inspections;
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    expect(all.nodes.map((i: { id: number }) => i.id)).toEqual([...all.nodes.map((i: { id: number }) => i.id)].sort((a, b) => b - a));
    const one = (await t.gql('query ($p: Int) { inspections(projectId: $p, first: 1) { ... on InspectionConnection { totalCount nodes { project { code } } } } }', { p: projects.HD02 }, inspector)).data.inspections;
    expect(one.nodes).toEqual([{ project: { code: 'HD02' } }]);
    const head = (await t.gql('{ inspections(first: 1) { ... on InspectionConnection { pageInfo { endCursor } } } }', {}, inspector)).data.inspections;
    const second = (await t.gql('query ($a: String) { inspections(first: 1, after: $a) { ... on InspectionConnection { nodes { id } } } }', { a: head.pageInfo.endCursor }, inspector)).data.inspections.nodes;
    expect(second).toEqual([{ id: all.nodes[1].id }]);
    const bad = await t.gql('{ inspections(from: "2026-02-30") { __typename ... on ValidationError { issues { pointer } } } }', {}, inspector);
    expect(bad.data.inspections).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '/from' }] });
  });

  it('exports a checklist and an inspection report as .xlsx workbooks, one row per item, in Chinese', async () => {
    const list = await checklist({ projectId: projects.HD01, tier: 'quarterly', scope: 'M03.P01.W002' });
    const auth = { headers: { authorization: `Bearer ${inspector}` } };
    const sheetOf = async (path: string) => {
      const response = await fetch(`${base}${path}`, auth);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
      const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
      return { xml, rows: xml.match(/<row /g)!.length };
    };
    const sheet = await sheetOf(`/checklists/${list.id}.xlsx`);
    expect(sheet.rows).toBe(2 + 1 + list.itemCount); // title and info lines, the header, one row per item
    expect(sheet.xml).toContain(`<row r="${4 + list.itemCount}">`);
    expect(sheet.xml).toContain('轿厢每日清洁次数');
    expect(sheet.xml).toContain('≥ 3 次/日');
    // the place of each item, in Chinese, beside its title
    expect(sheet.xml).toMatch(/>地点</);
    expect(sheet.xml.match(/>电梯</g)).toHaveLength(list.itemCount);
    const { data } = await t.gql('{ findings(module: "M03") { ... on FindingConnection { nodes { inspectionId } } } }', {}, inspector);
    const report = await sheetOf(`/inspections/${data.findings.nodes[0].inspectionId}.xlsx`);
    expect(report.xml).toContain('不合格');
    expect(report.xml).toContain('合格');
    expect((await fetch(`${base}/inspections/999999.xlsx`, auth)).status).toBe(404);
    expect((await fetch(`${base}/checklists/${list.id}.xlsx`)).status).toBe(401);
  });

  it('lists schedules whose last period passed without an inspection', async () => {
    const save = (p: number, tier: string, startsOn: string) => t.gql(`mutation ($p: Int!, $s: String) { scheduleInspections(projectId: $p, tier: ${tier}, inspector: "inspector", startsOn: $s) { __typename ... on Schedule { tier startsOn } } }`, { p, s: startsOn }, manager);
    expect((await save(projects.HN02, 'daily', HN02_FROM)).data.scheduleInspections).toEqual({ __typename: 'Schedule', tier: 'daily', startsOn: HN02_FROM });
    await save(projects.HD01, 'quarterly', Q.from);
    // only the two schedules this test controls (the seed schedules the demo inspector from the day it runs)
    const mine = (o: { schedule: { project: { code: string }; tier: string } }) => `${o.schedule.project.code}/${o.schedule.tier}` === 'HN02/daily' || `${o.schedule.project.code}/${o.schedule.tier}` === 'HD01/quarterly';
    const overdue = async (asOf: string) => (await t.gql('query ($d: String) { overdueInspections(asOf: $d) { ... on OverdueInspectionConnection { nodes { schedule { project { code } tier } periodFrom periodTo lastInspectedOn } } } }', { d: asOf }, inspector)).data.overdueInspections.nodes.filter(mine);
    // HN02 had no daily patrol on the audit day; HD01's quarter had not ended by then
    expect(await overdue(NEXT_DAY)).toEqual([{ schedule: { project: { code: 'HN02' }, tier: 'daily' }, periodFrom: INSPECTED_ON, periodTo: INSPECTED_ON, lastInspectedOn: null }]);
    // HD01's audit covers its quarter; nothing covers the next
    expect((await overdue(IN_NEXT_QUARTER)).map((o: { schedule: { project: { code: string } } }) => o.schedule.project.code)).toEqual(['HN02']);
    expect(await overdue(IN_QUARTER_AFTER)).toEqual(expect.arrayContaining([{ schedule: { project: { code: 'HD01' }, tier: 'quarterly' }, periodFrom: NQ.from, periodTo: NQ.to, lastInspectedOn: INSPECTED_ON }]));
    const forbidden = await t.gql('mutation { scheduleInspections(projectId: 1, tier: daily, inspector: "x") { __typename } }', {}, inspector);
    expect(forbidden.data.scheduleInspections.__typename).toBe('ForbiddenError');
  });

  it('gives an inspector their day: rounds missed last period first, then open, then done; and only the projects of their schedules', async () => {
    const DAY = `query ($d: String) { inspectorDay(asOf: $d) { __typename ... on InspectorDay { date rounds { project { code } tier period { from to } done lastInspectedOn missed { from to } } projects { code } } ... on Error { code } } }`;
    // the schedules: the seed's four (from today) and the two of the test above (HN02 daily from 11-01, HD01 quarterly from 10-01)
    const day = (await t.gql(DAY, { d: NEXT_DAY }, inspector)).data.inspectorDay;
    expect(day.date).toBe(NEXT_DAY);
    const byKey = new Map(day.rounds.map((r: { project: { code: string }; tier: string }) => [`${r.project.code}/${r.tier}`, r]));
    // HN02 had no patrol on 11-20 (missed) nor on 11-21 (open); HD01's quarter was audited on 11-20 (done)
    expect(byKey.get('HN02/daily')).toEqual({ project: { code: 'HN02' }, tier: 'daily', period: { from: NEXT_DAY, to: NEXT_DAY }, done: false, lastInspectedOn: null, missed: { from: INSPECTED_ON, to: INSPECTED_ON } });
    expect(byKey.get('HD01/quarterly')).toEqual({ project: { code: 'HD01' }, tier: 'quarterly', period: { from: Q.from, to: Q.to }, done: true, lastInspectedOn: INSPECTED_ON, missed: null });
    expect(day.rounds[0]).toEqual(byKey.get('HN02/daily'));
    expect(day.rounds[day.rounds.length - 1].done).toBe(true);
    // the inspector's projects are those they hold the role on, in `inspectorDay` and in `projects` alike
    const scheduled = new Set(['HD01', 'HN02', 'HD03', 'HB01', 'HD02', 'HB04', 'HB05']);
    expect(new Set(day.projects.map((p: { code: string }) => p.code))).toEqual(scheduled);
    const listed = (await t.gql('{ projects { ... on ProjectConnection { totalCount nodes { code } } } }', {}, inspector)).data.projects;
    expect(listed.totalCount).toBe(scheduled.size);
    expect(new Set(listed.nodes.map((p: { code: string }) => p.code))).toEqual(scheduled);
    // the manager oversees every project and inspects on no schedule
    const managerDay = (await t.gql(DAY, { d: '2026-11-21' }, manager)).data.inspectorDay;
    expect(managerDay.rounds).toEqual([]);
    expect(managerDay.projects).toHaveLength(18);
    // a project manager does not inspect; a bad date is refused with its name
    expect((await t.gql(DAY, {}, await t.login('pm'))).data.inspectorDay).toEqual({ __typename: 'ForbiddenError', code: 'auth.forbidden' });
    expect((await t.gql(DAY, { d: '2026-02-30' }, inspector)).data.inspectorDay).toEqual({ __typename: 'ValidationError', code: 'value.not_dates' });
  });
});

describe('review cases', () => {
  it('checks photos given as the value of a photos item, replays a retry without a date, and keeps client ids per inspector', async () => {
    const list = await checklist({ projectId: projects.HB04, tier: 'quarterly', scope: 'M03.P01.W002' });
    const photoItem = list.items.find((i) => i.input === 'photos')!;
    const good = passingAnswers(list.items, photos);
    const realPhotos = await Promise.all(Array.from({ length: Number(photoItem.schema.minItems ?? 1) }, (_, i) => upload(png(`轿厢${i}`))));
    const answers = good.map((a) => (a.itemId === photoItem.id ? { itemId: a.itemId, value: realPhotos.map((p) => p.sha256) } : a));
    const fake = await submit({ checklistId: list.id, clientSubmissionId: 'value-photo', answers: answers.map((a) => (a.itemId === photoItem.id ? { itemId: a.itemId, value: ['d'.repeat(64)] } : a)) });
    expect(fake.issues).toEqual([{ pointer: expect.stringMatching(/\/value\/0$/), message: expect.stringContaining('has not been uploaded') }]);
    const first = await submit({ checklistId: list.id, clientSubmissionId: 'no-date-1', answers });
    const retry = await submit({ checklistId: list.id, clientSubmissionId: 'no-date-1', answers });
    expect(retry).toMatchObject({ replayed: true, inspection: { id: first.inspection.id } });
    const other = await t.gql(SUBMIT, { checklistId: list.id, clientSubmissionId: 'no-date-1', answers }, manager);
    expect(other.data.submitInspection).toEqual({ __typename: 'ConflictError', message: 'clientSubmissionId no-date-1 is already taken; choose a new one for a new inspection' });
  });

  it('refuses impossible dates, N/A given with a value, an item answered twice, a blank reason, and a checklist with no items', async () => {
    const list = await checklist({ projectId: projects.HB05, tier: 'quarterly', scope: 'M03.P01.W002' });
    const good = passingAnswers(list.items, photos);
    const bad = await submit({ checklistId: list.id, clientSubmissionId: 'date-1', answers: good, inspectedOn: '2026-02-30' });
    expect(bad).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/inspectedOn', message: '"2026-02-30" is not a date YYYY-MM-DD' }] });
    const both = await submit({ checklistId: list.id, clientSubmissionId: 'both-1', answers: [{ ...good[0], notApplicable: '停用' }, ...good.slice(1)] });
    expect(both.issues).toEqual([{ pointer: '/answers/0', message: expect.stringContaining('not both') }]);
    const twice = await submit({ checklistId: list.id, clientSubmissionId: 'twice-1', answers: [...good, good[0]] });
    expect(twice.issues).toEqual([{ pointer: `/answers/${good.length}/itemId`, message: expect.stringContaining('answered twice') }]);
    const blank = await submit({ checklistId: list.id, clientSubmissionId: 'blank-1', answers: [{ itemId: good[0].itemId, notApplicable: '   ' }, ...good.slice(1)] });
    expect(blank.issues).toEqual([{ pointer: '/answers/0/notApplicable', message: expect.stringContaining('needs the reason') }]);
    const empty = await checklist({ projectId: projects.HB05, tier: 'daily', scope: 'M01.P02.W006' });
    expect(empty.__typename).toBe('NotFoundError');
    const rates = await t.gql('{ executionRates(groupBy: month, to: "2026-13-01") { key } }', {}, inspector);
    expect(rates.errors).toEqual([expect.objectContaining({ message: 'Not a date: to', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('answers an anonymous caller of a list with a typed refusal, not an internal error', async () => {
    const result = await t.gql('{ findings { __typename ... on Error { message } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.findings.__typename).toBe('ForbiddenError');
    expect(result.data.findings.message).toContain('Sign in first');
    const report = await t.gql('{ executionRates(groupBy: month) { key } }');
    expect(report.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });
});
