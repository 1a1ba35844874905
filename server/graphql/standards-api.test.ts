import { startTestApp, type TestApp } from '../../test/harness.ts';
import { instruction, moduleDoc, procedure } from '../../test/fixtures.ts';
import { applyPatch } from '../../domain/standards/diff/json-patch.ts';

const VERSION = `... on StandardVersion { code version status revision contentHash author title schema note publishNote }
  ... on Error { __typename message } ... on ValidationError { issues { pointer message } } ... on ConflictError { currentRevision }`;
const CREATE = `mutation($code: String!, $schema: JSON, $note: String) { createDraft(code: $code, schema: $schema, note: $note) { __typename ${VERSION} } }`;
const UPDATE = `mutation($code: String!, $schema: JSON!, $rev: Int!) { updateDraft(code: $code, schema: $schema, expectedRevision: $rev) { __typename ${VERSION} } }`;
const SUBMIT = `mutation($code: String!) { submitForReview(code: $code) { __typename ${VERSION} } }`;
const PUBLISH = `mutation($code: String!, $note: String) { publish(code: $code, note: $note) { __typename ${VERSION} } }`;
const RETIRE = `mutation($code: String!, $note: String!) { retire(code: $code, note: $note) { __typename ${VERSION} } }`;
const EDITION = `mutation($name: String!) { publishEdition(name: $name) { __typename ... on Edition { name documentCount } ... on Error { message } } }`;

let t: TestApp;
let manager: string;
let auditor: string;
let inspector: string;
let admin: string;
// a second quality manager: separation of duties has someone other than the author publish
let reviewer: string;

beforeAll(async () => {
  t = await startTestApp();
  [manager, auditor, inspector, admin, reviewer] = await Promise.all([t.login('manager'), t.login('auditor'), t.login('inspector'), t.login('admin'), t.login('reviewer')]);
});
afterAll(() => t.close());

async function publishNew(code: string, schema: object, token = manager, approver = reviewer) {
  expect((await t.gql(CREATE, { code, schema }, token)).data.createDraft.__typename).toBe('StandardVersion');
  expect((await t.gql(SUBMIT, { code }, token)).data.submitForReview.status).toBe('in_review');
  const published = (await t.gql(PUBLISH, { code, note: 'first release' }, approver)).data.publish;
  expect(published.__typename).toBe('StandardVersion');
  return published;
}

describe('login', () => {
  it('gives a bearer token for the right password and a typed error otherwise', async () => {
    // given / when
    const bad = await t.gql(`mutation { login(username: "manager", password: "nope") { __typename ... on Error { message } } }`);
    const me = await t.gql(`{ me { username roles } }`, {}, manager);
    const pm = await t.gql(`{ me { displayName qualifications { certificate expiresOn } } }`, {}, await t.login('pm'));
    expect(pm.data.me).toEqual({ displayName: '项目经理 张伟', qualifications: [{ certificate: '物业经理证', expiresOn: '2028-06-30' }] });
    // then
    expect(bad.data.login).toEqual({ __typename: 'InvalidCredentialsError', message: 'Wrong username or password' });
    expect(me.data.me).toEqual({ username: 'manager', roles: ['quality_manager'] });
  });

  it('tells a client what the signed-in user may do', async () => {
    const of = async (token: string) => (await t.gql('{ me { permissions } }', {}, token)).data.me.permissions as string[];
    expect(await of(manager)).toEqual(expect.arrayContaining(['readStandards', 'editStandards', 'publishStandards', 'manageWorkflows', 'readAuditTrail']));
    expect(await of(manager)).not.toContain('verifyAuditChain');
    expect(await of(auditor)).toEqual(['readStandards', 'readAuditTrail', 'readInspections', 'readAllProjects', 'workOnTasks', 'readFlyingInspections', 'readFeedback', 'readSurveyResults', 'readTraining', 'takeQuizzes']);
    expect(await of(await t.login('pm'))).toEqual(expect.arrayContaining(['uploadPhotos', 'workOnTasks']));
  });

  it('refuses a child whose parent does not exist', async () => {
    const orphan = (await t.gql(CREATE, { code: 'M08.P01.W001', schema: instruction('M08.P01.W001') }, manager)).data.createDraft;
    expect(orphan).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/x-standard/parent', message: 'no standard M08.P01' }] });
  });

  it('refuses reads without a token and forged tokens', async () => {
    const anonymous = await t.gql(`{ standard(code: "M09") { __typename ... on ForbiddenError { message requiredRoles } } }`);
    expect(anonymous.data.standard.__typename).toBe('ForbiddenError');
    const forged = await t.gql(`{ me { username } }`, {}, `${manager.split('.')[0]}.AAAA`);
    expect(forged.data.me).toBeNull();
  });
});

describe('versions', () => {
  it('runs draft → in_review → published, records the hash and author, and supersedes the old version', async () => {
    // given the tree is drafted top-down: M09 → M09.P01 → M09.P01.W001
    expect((await t.gql(CREATE, { code: 'M09', schema: moduleDoc('M09', ['M09.P01']) }, manager)).data.createDraft.status).toBe('draft');
    expect((await t.gql(CREATE, { code: 'M09.P01', schema: procedure('M09.P01', ['M09.P01.W001']) }, manager)).data.createDraft.status).toBe('draft');
    const v1 = await publishNew('M09.P01.W001', instruction('M09.P01.W001'));
    // the publisher's note is kept beside the author's (which publishing does not overwrite)
    expect(v1).toMatchObject({ version: 1, status: 'published', author: 'manager', note: null, publishNote: 'first release' });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // when a second version is drafted from the first and published
    const draft = (await t.gql(CREATE, { code: 'M09.P01.W001' }, manager)).data.createDraft;
    expect(draft).toMatchObject({ version: 2, status: 'draft', revision: 1 });
    const tightened = instruction('M09.P01.W001');
    (tightened.properties as any).cleaningsPerDay.minimum = 4;
    const updated = (await t.gql(UPDATE, { code: 'M09.P01.W001', schema: tightened, rev: 1 }, manager)).data.updateDraft;
    expect(updated).toMatchObject({ revision: 2, status: 'draft' });
    await t.gql(SUBMIT, { code: 'M09.P01.W001' }, manager);
    await t.gql(PUBLISH, { code: 'M09.P01.W001' }, reviewer);
    // then
    const read = await t.gql(`{ standard(code: "M09.P01.W001") { ... on Standard { publishedVersion latestVersion versions { version status } } } }`, {}, auditor);
    expect(read.data.standard).toEqual({ publishedVersion: 2, latestVersion: 2, versions: [{ version: 1, status: 'superseded' }, { version: 2, status: 'published' }] });
  });

  it('allows one draft per document', async () => {
    await t.gql(CREATE, { code: 'M09.P01.W001' }, manager);
    const second = (await t.gql(CREATE, { code: 'M09.P01.W001' }, manager)).data.createDraft;
    expect(second.__typename).toBe('ConflictError');
  });

  it('rejects a stale expectedRevision with a typed conflict and keeps the newer draft', async () => {
    // given the draft at revision 1, saved by someone else to revision 2
    const mine = instruction('M09.P01.W001', { title: '电梯轿厢清洁作业指导书（我的修改）' });
    const theirs = instruction('M09.P01.W001', { title: '电梯轿厢清洁作业指导书（同事的修改）' });
    const saved = (await t.gql(UPDATE, { code: 'M09.P01.W001', schema: theirs, rev: 1 }, manager)).data.updateDraft;
    expect(saved.revision).toBe(2);
    // when I save on top of revision 1
    const stale = (await t.gql(UPDATE, { code: 'M09.P01.W001', schema: mine, rev: 1 }, manager)).data.updateDraft;
    // then
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentRevision: 2 });
    expect(stale.message).toMatch(/revision 1.*current one is 2/);
    const draft = await t.gql(`{ standard(code: "M09.P01.W001") { ... on Standard { draft { title revision } } } }`, {}, manager);
    expect(draft.data.standard.draft).toEqual({ title: '电梯轿厢清洁作业指导书（同事的修改）', revision: 2 });
  });

  it('refuses to publish while a $ref does not resolve to a published standard', async () => {
    // given a procedure that refers to an instruction that exists only as a draft
    await t.gql(CREATE, { code: 'M09.P01.W002', schema: instruction('M09.P01.W002') }, manager);
    await t.gql(UPDATE, { code: 'M09.P01', schema: procedure('M09.P01', ['M09.P01.W001', 'M09.P01.W002']), rev: 1 }, manager);
    await t.gql(SUBMIT, { code: 'M09.P01' }, manager);
    // when
    const result = (await t.gql(PUBLISH, { code: 'M09.P01' }, reviewer)).data.publish;
    // then
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues).toEqual([{ pointer: '/properties/M09.P01.W002/$ref', message: '$ref to M09.P01.W002, which has no published version' }]);
    const status = await t.gql(`{ standard(code: "M09.P01") { ... on Standard { publishedVersion draft { status } } } }`, {}, manager);
    expect(status.data.standard).toEqual({ publishedVersion: null, draft: { status: 'in_review' } });
  });

  it('answers a 10 MB document with a typed error and stores nothing', async () => {
    const huge = instruction('M09.P01.W009', { description: '很'.repeat(3_500_000) });
    const result = (await t.gql(CREATE, { code: 'M09.P01.W009', schema: huge }, manager)).data.createDraft;
    expect(result).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '', message: expect.stringContaining('document too large') }] });
    const none = await t.gql(`{ standard(code: "M09.P01.W009") { __typename } }`, {}, manager);
    expect(none.data.standard.__typename).toBe('NotFoundError');
  });

  it('rejects a $ref cycle between documents', async () => {
    // given M09.P01 (in review) refers to M09.P01.W002; W002's draft now refers back
    const cyclic = instruction('M09.P01.W002');
    (cyclic.properties as any).procedure = { $ref: 'urn:pinzhi:std:M09.P01', 'x-check': { tiers: ['daily'], severity: 'minor', weight: 1, method: '目视' } };
    const result = (await t.gql(UPDATE, { code: 'M09.P01.W002', schema: cyclic, rev: 1 }, manager)).data.updateDraft;
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues[0]).toEqual({ pointer: '/properties/procedure/$ref', message: expect.stringContaining('$ref cycle') });
  });

  it('publishes once every ref resolves', async () => {
    await t.gql(SUBMIT, { code: 'M09.P01.W002' }, manager);
    expect((await t.gql(PUBLISH, { code: 'M09.P01.W002' }, reviewer)).data.publish.status).toBe('published');
    expect((await t.gql(PUBLISH, { code: 'M09.P01' }, reviewer)).data.publish.status).toBe('published');
    await t.gql(SUBMIT, { code: 'M09' }, manager);
    expect((await t.gql(PUBLISH, { code: 'M09' }, reviewer)).data.publish.status).toBe('published');
  });

  it('keeps published versions immutable in the database itself', async () => {
    const em = t.em();
    await expect(em.execute(`update standard_version set schema_json = '{}' where code = 'M09.P01.W002' and version = 1`)).rejects.toThrow(/immutable/);
    await expect(em.execute(`delete from standard_version where code = 'M09.P01.W002' and version = 1`)).rejects.toThrow(/cannot be deleted/);
    await expect(em.execute(`update standard_version set status = 'draft' where code = 'M09.P01.W002' and version = 1`)).rejects.toThrow(/immutable/);
  });
});

describe('roles', () => {
  it('lets auditors and inspectors read but not change anything', async () => {
    for (const token of [auditor, inspector]) {
      const create = (await t.gql(CREATE, { code: 'M09.P01.W003', schema: instruction('M09.P01.W003') }, token)).data.createDraft;
      expect(create.__typename).toBe('ForbiddenError');
      expect((await t.gql(EDITION, { name: 'nope' }, token)).data.publishEdition.__typename).toBe('ForbiddenError');
    }
    const read = await t.gql(`{ standard(code: "M09") { __typename } }`, {}, auditor);
    expect(read.data.standard.__typename).toBe('Standard');
    const none = await t.gql(`{ standard(code: "M99") { __typename ... on NotFoundError { subject } } }`, {}, auditor);
    expect(none.data.standard).toEqual({ __typename: 'NotFoundError', subject: 'M99' });
  });
});

describe('editions and diffs', () => {
  it('snapshots editions, reads the newest by default and any edition whole', async () => {
    // given edition A, then a tightened W002 published, then edition B
    expect((await t.gql(EDITION, { name: '2026-Q3' }, manager)).data.publishEdition).toEqual({ __typename: 'Edition', name: '2026-Q3', documentCount: 4 });
    const next = instruction('M09.P01.W002');
    (next.properties as any).cleaningsPerDay.minimum = 5;
    (next.properties as any).floorCondition.enum = ['优'];
    await t.gql(CREATE, { code: 'M09.P01.W002', schema: next }, manager);
    await t.gql(SUBMIT, { code: 'M09.P01.W002' }, manager);
    await t.gql(PUBLISH, { code: 'M09.P01.W002' }, reviewer);
    await t.gql(EDITION, { name: '2026-Q4' }, manager);
    // when
    const newest = await t.gql(`{ standard(code: "M09.P01.W002") { ... on Standard { edition current { version } } } }`, {}, inspector);
    const old = await t.gql(`{ standard(code: "M09.P01.W002", edition: "2026-Q3") { ... on Standard { edition current { version } } } }`, {}, inspector);
    const whole = await t.gql(`{ edition(name: "2026-Q3") { ... on Edition { name documents { code version } } } editions { ... on EditionConnection { nodes { name } } } }`, {}, auditor);
    const duplicate = (await t.gql(EDITION, { name: '2026-Q4' }, manager)).data.publishEdition;
    // then
    expect(newest.data.standard).toEqual({ edition: '2026-Q4', current: { version: 2 } });
    expect(old.data.standard).toEqual({ edition: '2026-Q3', current: { version: 1 } });
    expect(whole.data.edition.documents).toEqual([
      { code: 'M09', version: 1 }, { code: 'M09.P01', version: 1 }, { code: 'M09.P01.W001', version: 2 }, { code: 'M09.P01.W002', version: 1 },
    ]);
    expect(whole.data.editions.nodes.map((e: { name: string }) => e.name)).toEqual(['2026-Q4', '2026-Q3']);
    expect(duplicate.__typename).toBe('ConflictError');
  });

  it('diffs two versions: a patch that reproduces the target and readable changes', async () => {
    const result = await t.gql(`{ diff(code: "M09.P01.W002", from: 1, to: 2) { ... on DocumentDiff { patch { op path from value } changes { kind item field before after summaryZh } } }
      v1: standard(code: "M09.P01.W002") { ... on Standard { version(number: 1) { schema } version2: version(number: 2) { schema } } } }`, {}, auditor);
    const { patch, changes } = result.data.diff;
    const { version, version2 } = result.data.v1;
    const ops = patch.map((o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)));
    expect(applyPatch(version.schema, ops)).toEqual(version2.schema);
    expect(changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'constraint-tightened', item: 'cleaningsPerDay', field: 'minimum', before: 3, after: 5 }),
      expect.objectContaining({ kind: 'constraint-tightened', item: 'floorCondition', field: 'enum' }),
    ]));
  });

  it('lists documents changed between editions with their changes', async () => {
    const result = await t.gql(`{ editionDiff(from: "2026-Q3", to: "2026-Q4") { ... on EditionDiff { added { code } removed { code } changed { code fromVersion toVersion changes { kind } } } } }`, {}, auditor);
    expect(result.data.editionDiff.added).toEqual([]);
    expect(result.data.editionDiff.removed).toEqual([]);
    expect(result.data.editionDiff.changed).toEqual([
      { code: 'M09.P01.W002', fromVersion: 1, toVersion: 2, changes: expect.arrayContaining([{ kind: 'constraint-tightened' }]) },
    ]);
  });

  it('lists standards a page at a time with a total count', async () => {
    const first = await t.gql(`{ standards(first: 2) { ... on StandardConnection { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } }`, {}, inspector);
    const conn = first.data.standards;
    expect(conn.totalCount).toBe(4);
    expect(conn.edges.map((e: any) => e.node.code)).toEqual(['M09', 'M09.P01']);
    const second = await t.gql(`query($after: String) { standards(first: 2, after: $after) { ... on StandardConnection { pageInfo { hasNextPage } edges { node { code } } } } }`, { after: conn.pageInfo.endCursor }, inspector);
    expect(second.data.standards.edges.map((e: any) => e.node.code)).toEqual(['M09.P01.W001', 'M09.P01.W002']);
    expect(second.data.standards.pageInfo.hasNextPage).toBe(false);
    const byKind = await t.gql(`{ standards(kind: instruction, parent: "M09.P01") { ... on StandardConnection { totalCount } } }`, {}, inspector);
    expect(byKind.data.standards.totalCount).toBe(2);
  });

  it('refuses to retire a standard that a published one still refers to, and retires a leaf', async () => {
    const refused = (await t.gql(RETIRE, { code: 'M09.P01.W002', note: '合并到 W001' }, manager)).data.retire;
    expect(refused).toMatchObject({ __typename: 'ConflictError' });
    expect(refused.message).toContain('M09.P01');
    await publishNew('M09.P01.W003', instruction('M09.P01.W003'));
    const retired = (await t.gql(RETIRE, { code: 'M09.P01.W003', note: '作业内容并入 W001' }, manager)).data.retire;
    expect(retired).toMatchObject({ status: 'retired' });
  });
});

describe('audit trail', () => {
  it('records every change in a hash chain that auditors read and admins verify', async () => {
    const trail = await t.gql(`{ auditTrail(code: "M09.P01.W001") { ... on AuditEventConnection { nodes { action actor prevHash hash } } } }`, {}, auditor);
    const events = trail.data.auditTrail.nodes;
    expect(events.map((e: any) => e.action)).toEqual(expect.arrayContaining(['standard.draft.created', 'standard.draft.updated', 'standard.submitted', 'standard.published']));
    const report = await t.gql(`{ verifyAuditChain { ... on AuditChainReport { ok checked } ... on Error { __typename } } }`, {}, admin);
    expect(report.data.verifyAuditChain.ok).toBe(true);
    expect(report.data.verifyAuditChain.checked).toBeGreaterThan(10);
    const forbidden = await t.gql(`{ verifyAuditChain { __typename } }`, {}, auditor);
    expect(forbidden.data.verifyAuditChain.__typename).toBe('ForbiddenError');
  });

  it('is append-only, and a tampered row is found', async () => {
    const em = t.em();
    await expect(em.execute(`update audit_event set actor = 'mallory' where id = 3`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from audit_event where id = 3`)).rejects.toThrow(/append-only/);
    // An owner with DDL rights can still switch the trigger off: the chain shows it.
    await em.execute('alter table audit_event disable trigger audit_event_append_only');
    await em.execute(`update audit_event set actor = 'mallory' where id = 3`);
    await em.execute('alter table audit_event enable trigger audit_event_append_only');
    const report = await t.gql(`{ verifyAuditChain { ... on AuditChainReport { ok brokenAtId reason } } }`, {}, admin);
    expect(report.data.verifyAuditChain).toEqual({ ok: false, brokenAtId: 3, reason: 'event 3 was altered: its content does not match its hash' });
  });
});

describe('checking a document without storing it', () => {
  const CHECK = 'query ($code: String!, $s: JSON!) { checkStandard(code: $code, schema: $s) { pointer message } }';

  it('gives every problem with its pointer, nothing for a valid document, and stores nothing', async () => {
    const good = instruction('M09.P01.W010');
    expect((await t.gql(CHECK, { code: 'M09.P01.W010', s: good }, manager)).data.checkStandard).toEqual([]);
    const typo = { ...good, properties: { ...(good.properties as object), cleaningsPerDay: { title: '轿厢每日清洁次数', type: 'integer', minimun: 3 } } };
    const issues = (await t.gql(CHECK, { code: 'M09.P01.W010', s: typo }, manager)).data.checkStandard;
    expect(issues).toEqual(expect.arrayContaining([{ pointer: '/properties/cleaningsPerDay/minimun', message: 'unknown or forbidden keyword "minimun"' }]));
    const wrongCode = (await t.gql(CHECK, { code: 'M09.P01.W011', s: good }, manager)).data.checkStandard;
    expect(wrongCode).toEqual([{ pointer: '/x-standard/code', message: 'must be M09.P01.W011' }]);
    expect((await t.gql(CHECK, { code: 'M09.P01.W010', s: 'not a document' }, manager)).data.checkStandard).not.toEqual([]);
    expect((await t.gql('{ standard(code: "M09.P01.W010") { __typename } }', {}, manager)).data.standard.__typename).toBe('NotFoundError');
    // a document keeps its place in the tree, as updateDraft would insist
    const moved = instruction('M09.P01.W001', { 'x-standard': { kind: 'instruction', code: 'M09.P01.W001', parent: 'M09.P02' } });
    expect((await t.gql(CHECK, { code: 'M09.P01.W001', s: moved }, manager)).data.checkStandard).toEqual([{ pointer: '/x-standard/parent', message: 'the parent of M09.P01.W001 is M09.P01' }]);
  });

  it('is for editors only', async () => {
    const refused = await t.gql(CHECK, { code: 'M09.P01.W010', s: instruction('M09.P01.W010') }, auditor);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('may not edit standards'), extensions: { code: 'FORBIDDEN' } });
  });
});
