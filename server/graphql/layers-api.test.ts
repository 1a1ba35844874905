import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { createLayerOrganisation, LAYER_DEMO } from '../seed/layers.ts';
import { forkFor } from '../db/orm.ts';
import { organisationActor } from '../../domain/shared/access.ts';

/**
 * Standards in layers over GraphQL, with two organisations: the first maintains the shared baseline;
 * the second (京华物业, prefix JINGHUA) overlays it, adds its own instruction and pins both in its
 * editions. Each organisation's checklists and judging see only its own layer.
 */
let t: TestApp;
let tokens: Record<string, string>;
let projects: { a: number; b: number; bPlatinum: number };
let organisationB: number;

const CODE = 'M03.P01.W002';
const ITEM = 'cleaningsPerDay';
const ADDITION = 'JINGHUA-M03.P01.W101';
const INSPECTED_ON = todayInChina(new Date(Date.now() - 3 * 86_400_000));

const CHECKLIST = `query ($projectId: Int!, $scope: String, $edition: String) {
  checklist(projectId: $projectId, tier: daily, scope: $scope, edition: $edition) {
    __typename ... on Checklist { id edition organisationEdition organisationOverlays organisationAdditions itemCount
      items { id code key title layer criterion { zh en } evidence input options schema } }
    ... on Error { code message } } }`;
const SAVE = `mutation ($code: String!, $patch: JSON!, $note: String!) { saveOverlayDraft(code: $code, patch: $patch, note: $note) {
  __typename ... on OrganisationOverlay { code version status baseVersion }
  ... on ValidationError { code message issues { pointer message } } ... on Error { code message } } }`;
const PUBLISH = `mutation ($code: String!) { publishOverlay(code: $code, note: "执行") {
  __typename ... on OrganisationOverlay { code version status publishedBy } ... on Error { code message } } }`;
const SUBMIT = `mutation ($checklistId: String!, $id: String!, $answers: [AnswerInput!]!, $on: String) {
  submitInspection(checklistId: $checklistId, clientSubmissionId: $id, answers: $answers, inspectedOn: $on) {
    __typename ... on SubmitInspectionSuccess { inspection { findingCount findings { itemId expectedZh } } }
    ... on ValidationError { issues { pointer message } } ... on Error { code message } } }`;

async function gql(user: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await t.gql(query, variables, tokens[user]);
  expect(result.errors).toBeUndefined();
  return result.data as any;
}

async function checklist(user: string, projectId: number, scope: string | null = CODE, edition: string | null = null) {
  const result = (await gql(user, CHECKLIST, { projectId, scope, edition })).checklist;
  expect(result.__typename).toBe('Checklist');
  return result as { id: string; edition: string; organisationEdition: string | null; organisationOverlays: string[]; organisationAdditions: string[]; items: (ChecklistItem & { layer: string })[] };
}

const itemOf = (c: { items: (ChecklistItem & { layer: string })[] }, key = ITEM) => c.items.find((i) => i.key === key)!;

/** A small PNG uploaded by `user` (photo-required items need one of their organisation). */
async function photo(user: string): Promise<string> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadPhoto(file: $f) { ... on Photo { sha256 } ... on Error { message } } }', variables: { f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), `layers ${user}`]), 'p.png');
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { authorization: `Bearer ${tokens[user]}` }, body: form });
  return ((await response.json()) as any).data.uploadPhoto.sha256;
}

/** Submits the checklist with every item passing except the lift-car cleanings, answered `cleanings`. */
async function judge(user: string, list: { id: string; items: (ChecklistItem & { layer: string })[] }, cleanings: number) {
  const sha = await photo(user);
  // a failed item may need a photo as evidence: give the cleanings answer one either way
  const answers = passingAnswers(list.items, [sha]).map((a) => (a.itemId === itemOf(list).id ? { itemId: a.itemId, value: cleanings, photos: [sha] } : a));
  const result = (await gql(user, SUBMIT, { checklistId: list.id, id: `layers-${user}-${list.id.slice(0, 8)}-${cleanings}`, answers, on: INSPECTED_ON })).submitInspection;
  expect(result).toMatchObject({ __typename: 'SubmitInspectionSuccess' });
  return result.inspection as { findingCount: number; findings: { itemId: string; expectedZh: string }[] };
}

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  const organisation = await createLayerOrganisation(t.em(), { overlay: false });
  const users = ['manager', 'reviewer', 'inspector', ...Object.values(LAYER_DEMO.users)];
  tokens = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await t.login(u)])));
  const ids = async (user: string) => Object.fromEntries(((await gql(user, '{ projects { ... on ProjectConnection { nodes { id code } } } }')).projects.nodes as { id: number; code: string }[]).map((p) => [p.code, p.id]));
  const [a, b] = [await ids('manager'), await ids(LAYER_DEMO.users.manager)];
  projects = { a: a.HD01, b: b.JH01, bPlatinum: b.JH02 };
  organisationB = organisation.id;
  expect(organisation.id).toBeGreaterThan(1);
  expect(Object.keys(b).sort()).toEqual(['JH01', 'JH02']);
}, 600_000);
afterAll(() => t?.close());

const B = LAYER_DEMO.users;

describe('the baseline is read by everyone and edited by its maintaining organisation only', () => {
  it('refuses the second organisation a change to a baseline document, saying to make an overlay', async () => {
    const draft = (await gql(B.manager, `mutation { createDraft(code: "${CODE}") { __typename ... on Error { code message } } }`)).createDraft;
    expect(draft).toMatchObject({ __typename: 'ForbiddenError', code: 'ownership.baseline_read_only' });
    expect(draft.message).toMatch(/organisation overlay of M03\.P01\.W002/);
    const edition = (await gql(B.manager, 'mutation { publishEdition(name: "JH-X") { __typename ... on Error { code } } }')).publishEdition;
    expect(edition).toMatchObject({ __typename: 'ForbiddenError', code: 'ownership.baseline_editions' });
    // nothing changed: the baseline document has no open version
    const versions = (await gql('manager', `{ standard(code: "${CODE}") { ... on Standard { latestVersion publishedVersion } } }`)).standard;
    expect(versions.latestVersion).toBe(versions.publishedVersion);
  });

  it('refuses a new baseline code or another organisation\'s namespace', async () => {
    const schema = { $id: 'urn:pinzhi:std:M03.P01.W099' };
    const baseline = (await gql(B.manager, 'mutation ($s: JSON) { createDraft(code: "M03.P01.W099", schema: $s) { __typename ... on Error { code message } } }', { s: schema })).createDraft;
    expect(baseline).toMatchObject({ __typename: 'ForbiddenError', code: 'ownership.baseline_new' });
    expect(baseline.message).toContain('JINGHUA-M03.P01.W099');
    const foreign = (await gql('manager', `mutation ($s: JSON) { createDraft(code: "${ADDITION}", schema: $s) { __typename ... on Error { code } } }`, { s: schema })).createDraft;
    expect(foreign).toMatchObject({ __typename: 'ForbiddenError', code: 'ownership.foreign_namespace' });
  });
});

describe("an organisation's overlay", () => {
  it('is refused when its result is not a valid standard or changes the identity, naming the place', async () => {
    const bad = (await gql(B.manager, SAVE, { code: CODE, patch: { properties: { [ITEM]: { minimum: 'four' } } }, note: '加严' })).saveOverlayDraft;
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues.map((i: { pointer: string }) => i.pointer)).toContain(`/patch/properties/${ITEM}/minimum`);
    const identity = (await gql(B.manager, SAVE, { code: CODE, patch: { $id: 'urn:pinzhi:std:M03.P01.W003' }, note: '改名' })).saveOverlayDraft;
    expect(identity.__typename).toBe('ValidationError');
    const noNote = (await gql(B.manager, SAVE, { code: CODE, patch: {}, note: ' ' })).saveOverlayDraft;
    expect(noNote.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/note']);
    expect((await gql(B.manager, '{ organisationOverlays { code } }')).organisationOverlays).toEqual([]);
  });

  it("tightens the second organisation's checklist and judging, and not the first's", async () => {
    // given a published overlay: at least 4 cleanings a day instead of 3
    const draft = (await gql(B.manager, SAVE, { code: CODE, patch: { properties: { [ITEM]: { minimum: 4 } } }, note: '本公司要求每日至少清洁4次' })).saveOverlayDraft;
    expect(draft).toMatchObject({ __typename: 'OrganisationOverlay', code: CODE, version: 1, status: 'draft' });
    const before = itemOf(await checklist(B.inspector, projects.b));
    expect(before).toMatchObject({ layer: 'baseline', criterion: { en: '≥ 3 times/day' } }); // a draft changes nothing yet
    expect((await gql(B.reviewer, PUBLISH, { code: CODE })).publishOverlay).toMatchObject({ status: 'published', publishedBy: B.reviewer });

    // when each organisation reads its project's checklist
    const listB = await checklist(B.inspector, projects.b);
    const listA = await checklist('inspector', projects.a);

    // then B's item is ≥ 4 from its organisation's layer, the others the baseline's; A's is unchanged
    expect(itemOf(listB)).toMatchObject({ layer: 'organisation', criterion: { zh: '≥ 4 次/日', en: '≥ 4 times/day' } });
    expect(listB.items.filter((i) => i.key !== ITEM).every((i) => i.layer === 'baseline')).toBe(true);
    expect(listB.organisationOverlays).toEqual([`${CODE}@1`]);
    expect(itemOf(listA)).toMatchObject({ layer: 'baseline', criterion: { en: '≥ 3 times/day' } });
    expect(listA.organisationOverlays).toEqual([]);

    // and 3 cleanings is a finding for B, a pass for A
    const judgedB = await judge(B.inspector, listB, 3);
    expect(judgedB.findings.map((f) => f.itemId)).toEqual([itemOf(listB).id]);
    expect(judgedB.findings[0].expectedZh).toBe('≥ 4 次/日');
    expect((await judge('inspector', listA, 3)).findingCount).toBe(0);
  });

  it('lies under the project profile: a platinum project of the organisation gets the variant on top', async () => {
    const list = await checklist(B.inspector, projects.bPlatinum);
    expect(itemOf(list)).toMatchObject({ layer: 'profile', criterion: { en: '≥ 6 times/day' } });
    const layered = (await gql(B.manager, `{ layeredStandard(code: "${CODE}", profile: "platinum") { ... on LayeredStandard { owner appliedOverlay
      items { key layer criterionEn baselineCriterionEn } changes { layer kind item before after } } } }`)).layeredStandard;
    expect(layered.owner).toBe('baseline');
    expect(layered.appliedOverlay).toBe(1);
    expect(layered.items.find((i: { key: string }) => i.key === ITEM)).toEqual({ key: ITEM, layer: 'profile', criterionEn: '≥ 6 times/day', baselineCriterionEn: '≥ 3 times/day' });
    const mine = layered.changes.filter((c: { item: string }) => c.item === ITEM);
    expect(mine).toEqual(expect.arrayContaining([
      expect.objectContaining({ layer: 'organisation', kind: 'constraint-tightened', before: 3, after: 4 }),
      expect.objectContaining({ layer: 'profile', kind: 'constraint-tightened', before: 4, after: 6 }),
    ]));
  });

  it('is invisible to the first organisation and leaves its layered read at the baseline', async () => {
    expect((await gql('manager', '{ organisationOverlays { code } }')).organisationOverlays).toEqual([]);
    const layered = (await gql('manager', `{ layeredStandard(code: "${CODE}") { ... on LayeredStandard { appliedOverlay items { key layer criterionEn } } } }`)).layeredStandard;
    expect(layered.appliedOverlay).toBeNull();
    expect(layered.items.find((i: { key: string }) => i.key === ITEM)).toMatchObject({ layer: 'baseline', criterionEn: '≥ 3 times/day' });
  });

  it('keeps published overlays immutable in the database', async () => {
    await expect(t.em().execute(`update organisation_overlay set patch_json = '{}' where status = 'published'`)).rejects.toThrow(/cannot change/);
    await expect(t.em().execute(`delete from organisation_overlay where status = 'published'`)).rejects.toThrow(/cannot be deleted/);
  });
});

describe("an organisation's additions", () => {
  it('are its own documents under its prefix, in its checklists, invisible to others', async () => {
    // given an instruction of its own under the baseline procedure M03.P01
    const base = (await gql(B.manager, `{ standard(code: "${CODE}") { ... on Standard { current { schema } } } }`)).standard.current.schema;
    const schema = { ...base, $id: `urn:pinzhi:std:${ADDITION}`, title: '大堂香氛每日巡查作业指导书', 'x-standard': { ...base['x-standard'], code: ADDITION, parent: 'M03.P01' } };
    const created = (await gql(B.manager, 'mutation ($c: String!, $s: JSON) { createDraft(code: $c, schema: $s, note: "本公司新增") { __typename ... on Error { code message } } }', { c: ADDITION, s: schema })).createDraft;
    expect(created.__typename).toBe('StandardVersion');
    expect((await gql(B.manager, `mutation { submitForReview(code: "${ADDITION}") { __typename } }`)).submitForReview.__typename).toBe('StandardVersion');
    expect((await gql(B.reviewer, `mutation { publish(code: "${ADDITION}") { __typename ... on Error { message } } }`)).publish.__typename).toBe('StandardVersion');

    // then its checklist of the procedure has the addition's items, labelled as the organisation's
    const list = await checklist(B.inspector, projects.b, 'M03.P01');
    expect(list.organisationAdditions).toEqual([`${ADDITION}@1`]);
    const added = list.items.filter((i) => i.code === ADDITION);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((i) => i.layer === 'organisation')).toBe(true);

    // and the first organisation neither reads it nor gets it in its checklists
    const read = (await gql('manager', `{ standard(code: "${ADDITION}") { __typename } }`)).standard;
    expect(read.__typename).toBe('NotFoundError');
    const listA = await checklist('inspector', projects.a, 'M03.P01');
    expect(listA.items.some((i) => i.code === ADDITION)).toBe(false);
    const codesA = (await gql('manager', '{ standards(parent: "M03.P01", workingCopy: true, first: 100) { ... on StandardConnection { nodes { code } } } }')).standards.nodes.map((n: { code: string }) => n.code);
    expect(codesA).not.toContain(ADDITION);
    expect(codesA).toContain(CODE);
    // nor can the baseline owner edit it
    const edit = (await gql('manager', `mutation { createDraft(code: "${ADDITION}") { __typename } }`)).createDraft;
    expect(['NotFoundError', 'ForbiddenError']).toContain(edit.__typename);
  });

  it('take the organisation\'s prefix when created from the template without a code', async () => {
    const proposed = (await gql(B.manager, '{ nextStandardCode(parent: "M03.P01") }')).nextStandardCode;
    expect(proposed).toMatch(/^JINGHUA-M03\.P01\.W\d{3}$/);
    const created = (await gql(B.manager, 'mutation { createStandard(parent: "M03.P01", title: "地下车库香氛巡查作业指导书") { __typename ... on StandardVersion { code } ... on Error { message } } }')).createStandard;
    expect(created).toEqual({ __typename: 'StandardVersion', code: proposed });
    expect((await gql('manager', '{ nextStandardCode(parent: "M03.P01") }')).nextStandardCode).toMatch(/^M03\.P01\.W\d{3}$/);
    expect((await gql(B.manager, `mutation { discardDraft(code: "${proposed}") { __typename } }`)).discardDraft.__typename).toBe('DiscardedDraft');
  });

  it('are kept apart by the database too (row-level security under the application role)', async () => {
    const asB = forkFor(t.app.orm, organisationActor(B.manager, ['quality_manager'], organisationB));
    const asA = forkFor(t.app.orm, organisationActor('manager', ['quality_manager'], 1));
    // B's session changes no baseline row and cannot write one; A's session does not see B's addition
    await asB.transactional(async (tx) => {
      expect(await tx.execute(`update standard_document set title = title where code = '${CODE}' returning code`)).toEqual([]);
      expect(await tx.execute(`select code from standard_document where code = '${ADDITION}'`)).toEqual([{ code: ADDITION }]);
    });
    await expect(asB.transactional((tx) => tx.execute(`insert into edition (name, seq, created_by, created_at, document_count) values ('JH-bad', 999, 'x', now(), 0)`))).rejects.toThrow(/row-level security/);
    await asA.transactional(async (tx) => {
      expect(await tx.execute(`select code from standard_document where code = '${ADDITION}'`)).toEqual([]);
      expect(await tx.execute(`select code from standard_version where code = '${ADDITION}'`)).toEqual([]);
      expect(await tx.execute(`select code from organisation_overlay`)).toEqual([]);
    });
  });

  it('stay out of the baseline editions the baseline owner publishes', async () => {
    const published = (await gql('manager', 'mutation { publishEdition(name: "2027-Q1-layers", note: "t") { __typename ... on Edition { name documentCount } ... on Error { message } } }')).publishEdition;
    expect(published.__typename).toBe('Edition');
    const [{ n }] = await t.em().execute<{ n: string }[]>(`select count(*) as n from edition_entry where edition_name = '2027-Q1-layers' and code like 'JINGHUA-%'`);
    expect(Number(n)).toBe(0);
  });
});

describe("an organisation's editions", () => {
  it('pin the baseline edition, the overlay and the addition versions; later overlays wait for the next edition', async () => {
    // given edition JH-0 on the previous baseline edition, and JH-1 on the newest, of the current layer
    const zero = (await gql(B.manager, 'mutation { publishOrganisationEdition(name: "JH-0", baselineEdition: "2026-Q4") { __typename ... on OrganisationEdition { baselineEdition overlays } } }')).publishOrganisationEdition;
    expect(zero).toEqual({ __typename: 'OrganisationEdition', baselineEdition: '2026-Q4', overlays: [`${CODE}@1`] });
    const first = (await gql(B.manager, 'mutation { publishOrganisationEdition(name: "JH-1", baselineEdition: "2027-Q1", note: "首版") { __typename ... on OrganisationEdition { name baselineEdition overlays additions } ... on Error { message } } }')).publishOrganisationEdition;
    expect(first).toEqual({ __typename: 'OrganisationEdition', name: 'JH-1', baselineEdition: '2027-Q1', overlays: [`${CODE}@1`], additions: [`${ADDITION}@1`] });

    // when the overlay is tightened again to 5
    await gql(B.manager, SAVE, { code: CODE, patch: { properties: { [ITEM]: { minimum: 5 } } }, note: '再加严' });
    expect((await gql(B.reviewer, PUBLISH, { code: CODE })).publishOverlay).toMatchObject({ version: 2, status: 'published' });

    // then checklists read JH-1 (≥ 4) by default, the current layer through the baseline edition by name (≥ 5)
    const pinned = await checklist(B.inspector, projects.b);
    expect(pinned).toMatchObject({ edition: '2027-Q1', organisationEdition: 'JH-1', organisationOverlays: [`${CODE}@1`] });
    expect(itemOf(pinned).criterion.en).toBe('≥ 4 times/day');
    expect(itemOf(await checklist(B.inspector, projects.b, CODE, '2027-Q1')).criterion.en).toBe('≥ 5 times/day');

    // and JH-2 pins version 2; the diff between them names the organisation's layer
    await gql(B.manager, 'mutation { publishOrganisationEdition(name: "JH-2", baselineEdition: "2027-Q1") { __typename } }');
    expect(itemOf(await checklist(B.inspector, projects.b)).criterion.en).toBe('≥ 5 times/day');
    const diff = (await gql(B.manager, '{ organisationEditionDiff(from: "JH-1", to: "JH-2") { ... on EditionDiff { changed { code changes { layer kind item before after } } added { code } } } }')).organisationEditionDiff;
    expect(diff.changed).toEqual([{ code: CODE, changes: [expect.objectContaining({ layer: 'organisation', kind: 'constraint-tightened', item: ITEM, before: 4, after: 5 })] }]);
    expect(diff.added).toEqual([]);

    // the editions are the organisation's own and immutable
    expect((await gql('manager', '{ organisationEditions { name } }')).organisationEditions).toEqual([]);
    const again = (await gql(B.manager, 'mutation { publishOrganisationEdition(name: "JH-1") { __typename } }')).publishOrganisationEdition;
    expect(again.__typename).toBe('ConflictError');
    const baselineName = (await gql(B.manager, 'mutation { publishOrganisationEdition(name: "2027-Q1") { __typename } }')).publishOrganisationEdition;
    expect(baselineName.__typename).toBe('ConflictError'); // a baseline edition's name would be ambiguous
    const badName = (await gql(B.manager, 'mutation { publishOrganisationEdition(name: "版本 1") { __typename ... on ValidationError { issues { pointer } } } }')).publishOrganisationEdition;
    expect(badName).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '/name' }] });
    expect((await gql(B.manager, '{ organisationEditions { name } }')).organisationEditions.map((e: { name: string }) => e.name)).toEqual(['JH-2', 'JH-1', 'JH-0']);
    await expect(t.em().execute(`update organisation_edition set baseline_edition = '2026-Q4'`)).rejects.toThrow();
  });

  it('diff both layers: the baseline edition moved on (2026-Q4 → 2027-Q1) and the overlay tightened', async () => {
    const diff = (await gql(B.manager, '{ organisationEditionDiff(from: "JH-0", to: "JH-2") { ... on EditionDiff { changed { code changes { layer } } added { code } } } }')).organisationEditionDiff;
    const lift = diff.changed.find((d: { code: string }) => d.code === CODE);
    expect(new Set(lift.changes.map((c: { layer: string }) => c.layer))).toEqual(new Set(['baseline', 'organisation']));
    expect(lift.changes.filter((c: { layer: string }) => c.layer === 'organisation')).toHaveLength(1);
    expect(diff.added).toEqual([]); // the addition is pinned by both
    const plain = (await gql('manager', `{ diff(code: "${CODE}", from: 1, to: 2) { ... on DocumentDiff { changes { layer } } } }`)).diff;
    expect(plain.changes.length).toBeGreaterThan(0);
    expect(plain.changes.every((c: { layer: string }) => c.layer === 'baseline')).toBe(true);
    const variant = (await gql('manager', `{ variant(profile: "platinum") { ... on Variant { overlays(code: "${CODE}") { changes { layer } } } } }`)).variant;
    expect(variant.overlays[0].changes.every((c: { layer: string }) => c.layer === 'profile')).toBe(true);
  });
});
