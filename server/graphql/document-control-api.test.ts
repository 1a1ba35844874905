import { startTestApp, type TestApp } from '../../test/harness.ts';
import { instruction, moduleDoc, procedure } from '../../test/fixtures.ts';

// Document control over GraphQL: separation of duties, notes kept per step, discarding a draft,
// reading any version, and the audit trail that records it all.
const VERSION = `... on StandardVersion { code version status author editedBy note submittedBy submitNote returnedBy returnNote publishedBy publishNote mayPublish }
  ... on Error { __typename code message }`;
const CREATE = `mutation($code: String!, $schema: JSON, $note: String) { createDraft(code: $code, schema: $schema, note: $note) { __typename ${VERSION} } }`;
const UPDATE = `mutation($code: String!, $schema: JSON!, $rev: Int!) { updateDraft(code: $code, schema: $schema, expectedRevision: $rev) { __typename ${VERSION} } }`;
const SUBMIT = `mutation($code: String!, $note: String) { submitForReview(code: $code, note: $note) { __typename ${VERSION} } }`;
const RETURN = `mutation($code: String!, $note: String) { returnToDraft(code: $code, note: $note) { __typename ${VERSION} } }`;
const PUBLISH = `mutation($code: String!, $note: String) { publish(code: $code, note: $note) { __typename ${VERSION} } }`;
const DISCARD = `mutation($code: String!, $note: String) { discardDraft(code: $code, note: $note) { __typename ... on DiscardedDraft { code version documentRemoved } ... on Error { code message } } }`;
const SETTING = `mutation($on: Boolean!) { setDocumentControl(fourEyes: $on) { __typename ... on DocumentControl { fourEyes } ... on Error { code message } } }`;
const STANDARD = `query($code: String!) { standard(code: $code) { __typename ... on Standard { latestVersion publishedVersion draft { version status submitNote mayPublish } versions { version status note submitNote returnNote publishNote } } ... on Error { code } } }`;
const TRAIL = `query($code: String!) { auditTrail(code: $code) { ... on AuditEventConnection { nodes { id actor action version note } } } }`;

let t: TestApp;
let manager: string;
let reviewer: string;
let admin: string;
let inspector: string;

beforeAll(async () => {
  t = await startTestApp();
  [manager, reviewer, admin, inspector] = await Promise.all(['manager', 'reviewer', 'admin', 'inspector'].map((u) => t.login(u)));
  // the parents the instructions below live under (drafts are enough)
  expect((await t.gql(CREATE, { code: 'M09', schema: moduleDoc('M09', []) }, admin)).data.createDraft.__typename).toBe('StandardVersion');
  expect((await t.gql(CREATE, { code: 'M09.P01', schema: procedure('M09.P01', []) }, admin)).data.createDraft.__typename).toBe('StandardVersion');
});
afterAll(() => t.close());

const trail = async (code: string) => (await t.gql(TRAIL, { code }, admin)).data.auditTrail.nodes as { id: number; actor: string; action: string; version: number | null; note: string | null }[];
const standard = async (code: string, token = admin) => (await t.gql(STANDARD, { code }, token)).data.standard;
const chainOk = async () => (await t.gql('{ verifyAuditChain { ... on AuditChainReport { ok } } }', {}, admin)).data.verifyAuditChain.ok;

describe('separation of duties', () => {
  it('refuses publication by the author and submitter with a typed error, storing nothing; a second quality manager publishes and both notes are kept', async () => {
    // given a draft the manager wrote and submitted with a note
    expect((await t.gql(CREATE, { code: 'M09.P01.W001', schema: instruction('M09.P01.W001'), note: '新增电梯巡检作业指导书' }, manager)).data.createDraft.status).toBe('draft');
    const submitted = (await t.gql(SUBMIT, { code: 'M09.P01.W001', note: '请重点审核巡检频次' }, manager)).data.submitForReview;
    expect(submitted).toMatchObject({ status: 'in_review', submittedBy: 'manager', submitNote: '请重点审核巡检频次', note: '新增电梯巡检作业指导书', mayPublish: false });
    const eventsBefore = (await trail('M09.P01.W001')).length;

    // when the manager publishes it
    const own = (await t.gql(PUBLISH, { code: 'M09.P01.W001', note: '自己批准' }, manager)).data.publish;

    // then a ForbiddenError says who and why (in the request's language), and nothing changed
    expect(own).toMatchObject({ __typename: 'ForbiddenError', code: 'standard.four_eyes', message: 'manager wrote, edited or submitted M09.P01.W001 version 1; another person must approve its publication (separation of duties)' });
    expect((await t.gql(PUBLISH, { code: 'M09.P01.W001' }, manager, 'zh-CN')).data.publish.message).toBe('manager 编写、修改或提交了 M09.P01.W001 第 1 版，须由另一人批准发布（职责分离）');
    expect(await standard('M09.P01.W001')).toMatchObject({ publishedVersion: null, draft: { version: 1, status: 'in_review' } });
    expect(await trail('M09.P01.W001')).toHaveLength(eventsBefore);

    // the reviewer sees the submitter's note and may publish
    expect((await standard('M09.P01.W001', reviewer)).draft).toEqual({ version: 1, status: 'in_review', submitNote: '请重点审核巡检频次', mayPublish: true });
    const published = (await t.gql(PUBLISH, { code: 'M09.P01.W001', note: '同意发布，频次合理' }, reviewer)).data.publish;
    expect(published).toMatchObject({ status: 'published', publishedBy: 'reviewer', publishNote: '同意发布，频次合理', note: '新增电梯巡检作业指导书', submitNote: '请重点审核巡检频次', mayPublish: false });

    // the audit trail holds each step's note, and the chain still verifies
    expect((await trail('M09.P01.W001')).map((e) => [e.action, e.actor, e.version, e.note])).toEqual([
      ['standard.draft.created', 'manager', 1, null],
      ['standard.submitted', 'manager', 1, '请重点审核巡检频次'],
      ['standard.published', 'reviewer', 1, '同意发布，频次合理'],
    ]);
    expect(await chainOk()).toBe(true);
  });

  it('counts the last editor too, keeps the return note through a resubmission, and lets a third person publish', async () => {
    // given the manager's draft of version 2, saved by the reviewer, submitted by the manager
    await t.gql(CREATE, { code: 'M09.P01.W001', note: '调整巡检频次' }, manager);
    const schema = { ...instruction('M09.P01.W001'), description: '巡检频次调整' };
    expect((await t.gql(UPDATE, { code: 'M09.P01.W001', schema, rev: 1 }, reviewer)).data.updateDraft).toMatchObject({ editedBy: 'reviewer', author: 'manager' });
    await t.gql(SUBMIT, { code: 'M09.P01.W001', note: '第一次提交' }, manager);
    // when the reviewer (last editor) tries to publish, then returns it with a reason
    expect((await t.gql(PUBLISH, { code: 'M09.P01.W001' }, reviewer)).data.publish.code).toBe('standard.four_eyes');
    const returned = (await t.gql(RETURN, { code: 'M09.P01.W001', note: '请补充夜间要求' }, reviewer)).data.returnToDraft;
    expect(returned).toMatchObject({ status: 'draft', returnedBy: 'reviewer', returnNote: '请补充夜间要求', submitNote: '第一次提交' });
    await t.gql(SUBMIT, { code: 'M09.P01.W001', note: '已补充' }, manager);
    // then the admin, who had no hand in it, publishes; every note stays where it was written
    expect((await t.gql(PUBLISH, { code: 'M09.P01.W001', note: '批准' }, admin)).data.publish).toMatchObject({ status: 'published', note: '调整巡检频次', submitNote: '已补充', returnNote: '请补充夜间要求', publishNote: '批准' });
    expect((await trail('M09.P01.W001')).filter((e) => e.version === 2).map((e) => [e.action, e.note])).toEqual([
      ['standard.draft.created', null], ['standard.draft.updated', null], ['standard.submitted', '第一次提交'], ['standard.returned', '请补充夜间要求'], ['standard.submitted', '已补充'], ['standard.published', '批准'],
    ]);
  });

  it('is an administrator\'s setting: others are refused, and with it off the author may publish', async () => {
    // given / when a quality manager tries to turn it off
    expect((await t.gql(SETTING, { on: false }, manager)).data.setDocumentControl).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await t.gql('{ documentControl { ... on DocumentControl { fourEyes } } }', {}, inspector)).data.documentControl).toEqual({ fourEyes: true });
    // when the admin turns it off
    expect((await t.gql(SETTING, { on: false }, admin)).data.setDocumentControl).toEqual({ __typename: 'DocumentControl', fourEyes: false });
    await t.gql(CREATE, { code: 'M09.P01.W001' }, manager);
    await t.gql(SUBMIT, { code: 'M09.P01.W001' }, manager);
    // then the author may publish alone
    expect((await standard('M09.P01.W001', manager)).draft.mayPublish).toBe(true);
    expect((await t.gql(PUBLISH, { code: 'M09.P01.W001' }, manager)).data.publish).toMatchObject({ status: 'published', publishedBy: 'manager' });
    // and back on; each change of the setting is audited
    expect((await t.gql(SETTING, { on: true }, admin)).data.setDocumentControl.fourEyes).toBe(true);
    expect((await trail('standards.fourEyes')).map((e) => e.action)).toEqual(['settings.changed', 'settings.changed']);
    expect(await chainOk()).toBe(true);
  });
});

describe('discarding a draft', () => {
  it('removes a new standard whose only version is a draft from the lists, with the reason in the audit trail', async () => {
    // given a brand-new standard with only a draft in review
    await t.gql(CREATE, { code: 'M09.P01.W004', schema: instruction('M09.P01.W004') }, manager);
    await t.gql(SUBMIT, { code: 'M09.P01.W004', note: '试行' }, manager);
    // when it is discarded
    const done = (await t.gql(DISCARD, { code: 'M09.P01.W004', note: '与 M09.P01.W001 重复' }, manager)).data.discardDraft;
    // then it is gone from the store and the lists; the trail says who discarded what and why
    expect(done).toEqual({ __typename: 'DiscardedDraft', code: 'M09.P01.W004', version: 1, documentRemoved: true });
    expect((await standard('M09.P01.W004')).__typename).toBe('NotFoundError');
    const list = (await t.gql('{ standards(workingCopy: true, first: 100) { ... on StandardConnection { nodes { code } } } }', {}, admin)).data.standards.nodes.map((n: { code: string }) => n.code);
    expect(list).not.toContain('M09.P01.W004');
    expect((await trail('M09.P01.W004')).at(-1)).toMatchObject({ action: 'standard.draft.discarded', actor: 'manager', version: 1, note: '与 M09.P01.W001 重复' });
    expect(await chainOk()).toBe(true);
    // and the same code drafted again does not take the discarded number
    expect((await t.gql(CREATE, { code: 'M09.P01.W004', schema: instruction('M09.P01.W004') }, manager)).data.createDraft.version).toBe(2);
    expect((await t.gql(DISCARD, { code: 'M09.P01.W004' }, manager)).data.discardDraft).toMatchObject({ version: 2, documentRemoved: true });
  });

  it('discards the next version of a published standard, which then reads as before and can be drafted again', async () => {
    // given M09.P01.W001 published at version 3 and a draft of version 4
    expect(await standard('M09.P01.W001')).toMatchObject({ latestVersion: 3, publishedVersion: 3, draft: null });
    await t.gql(CREATE, { code: 'M09.P01.W001', note: '草拟' }, reviewer);
    // when the draft is discarded
    expect((await t.gql(DISCARD, { code: 'M09.P01.W001' }, manager)).data.discardDraft).toMatchObject({ version: 4, documentRemoved: false });
    // then the standard is as it was, and a new draft takes a new number: the discarded one is never given twice
    expect(await standard('M09.P01.W001')).toMatchObject({ latestVersion: 3, publishedVersion: 3, draft: null });
    expect((await t.gql(CREATE, { code: 'M09.P01.W001' }, manager)).data.createDraft.version).toBe(5);
    expect((await t.gql(DISCARD, { code: 'M09.P01.W001' }, manager)).data.discardDraft.version).toBe(5);
  });

  it('refuses to discard a published version, an unknown standard, or for someone who may not edit, storing nothing', async () => {
    // given a standard with only published versions
    const before = await standard('M09.P01.W001');
    const events = (await trail('M09.P01.W001')).length;
    // when / then
    expect((await t.gql(DISCARD, { code: 'M09.P01.W001' }, manager)).data.discardDraft).toMatchObject({ __typename: 'ConflictError', code: 'standard.discard_published' });
    expect((await t.gql(DISCARD, { code: 'M99.P01.W001' }, manager)).data.discardDraft).toMatchObject({ __typename: 'NotFoundError' });
    await t.gql(CREATE, { code: 'M09.P01.W001' }, manager);
    expect((await t.gql(DISCARD, { code: 'M09.P01.W001' }, inspector)).data.discardDraft).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await standard('M09.P01.W001')).draft).toMatchObject({ version: 6, status: 'draft' });
    await t.gql(DISCARD, { code: 'M09.P01.W001' }, manager);
    expect(await standard('M09.P01.W001')).toEqual(before);
    expect((await trail('M09.P01.W001')).length).toBe(events + 2);
  });
});

describe('reading any version', () => {
  it('gives a past version in full, with its notes', async () => {
    // given / when
    const result = await t.gql(`{ standard(code: "M09.P01.W001") { ... on Standard { version(number: 1) { version status schema note submitNote publishNote } } } }`, {}, inspector);
    // then
    expect(result.data.standard.version).toMatchObject({ version: 1, status: 'superseded', note: '新增电梯巡检作业指导书', submitNote: '请重点审核巡检频次', publishNote: '同意发布，频次合理' });
    expect(result.data.standard.version.schema).toEqual(instruction('M09.P01.W001'));
  });
});
