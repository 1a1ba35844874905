import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR, systemFor } from '../../domain/shared/access.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SAMPLE_PROJECTS } from '../../domain/projects/sample-projects.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { grantRole } from '../../domain/people/people.service.ts';
import { SITE_PHOTOS, uploadPhoto } from '../../test/browser/activity.ts';
import { importLibraryPackage } from '../../domain/editions/library.service.ts';
import { readLibraryPackage } from '../../domain/editions/library-files.ts';
import { SHIPPED_LIBRARY } from '../bootstrap.ts';

/**
 * On-site coaching through the API on a real database: recording a visit pinned to the published
 * version of its work instruction, with photos; bad input refused at its pointers with nothing
 * stored; lists by project and instruction, paginated; scoping by project and organisation.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
let code = '';
let version = 0;
const as = (who: string) => (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, tokens[who]);

const ITEM = 'id projectId project { code } code version coachedOn coach notes photos people recordedBy';
const RECORD = `mutation ($i: RecordCoachingInput!) { recordCoaching(input: $i) { __typename ... on Coaching { ${ITEM} } ... on ValidationError { issues { pointer code } } ... on Error { code } } }`;
const LIST = `query ($p: Int, $c: String, $first: Int, $after: String) { coachings(projectId: $p, code: $c, first: $first, after: $after) { __typename ... on CoachingConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id project { code } code notes } } ... on Error { code } } }`;
const ONE = `query ($id: Int!) { coaching(id: $id) { __typename ... on Coaching { id notes photos } ... on Error { code } } }`;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  await importLibraryPackage(t.em(), SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY), t.app.limits);
  await ensureSampleProjects(t.em());
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await ensureSampleProjects(t.em(), other.id, [{ ...SAMPLE_PROJECTS[0], code: 'YJ01', name: '悦居花园', region: '西南区域' }]);
  await createUser(t.em(), systemFor(other.id), { username: 'yj-admin', password: DEMO_PASSWORD, roles: ['admin'] });
  for (const r of await t.em().execute<{ code: string; id: number }[]>('select code, id from project')) ids[r.code] = r.id;
  await createUser(t.em(), systemFor(1), { username: 'site-pm', password: DEMO_PASSWORD, roles: [], rolesLater: true });
  await grantRole(t.app.context(systemFor(1)), { username: 'site-pm', role: 'project_manager', projectId: ids.HD01 });
  [{ code, published_version: version }] = await t.em().execute<{ code: string; published_version: number }[]>(`select code, published_version from standard_document where code like 'M03.P06.W%' and published_version is not null order by code limit 1`);
  for (const u of ['manager', 'inspector', 'site-pm', 'auditor', 'frontline', 'yj-admin']) tokens[u] = await t.login(u);
}, 300_000);
afterAll(() => t?.close());

describe('recording coaching', () => {
  it('stores a visit pinned to the published version, with its photos and the people coached', async () => {
    const photo = await uploadPhoto(t, tokens.inspector, SITE_PHOTOS[0]!);
    const input = { projectId: ids.HD01, code, coachedOn: today(), notes: ' 现场示范泳池水质检测步骤 ', photos: [photo], people: ['保洁员 王芳'] };
    const recorded = (await as('inspector')(RECORD, { i: input })).data.recordCoaching;
    expect(recorded).toMatchObject({ __typename: 'Coaching', project: { code: 'HD01' }, code, version, coachedOn: today(), coach: 'inspector', notes: '现场示范泳池水质检测步骤', photos: [photo], people: ['保洁员 王芳'], recordedBy: 'inspector' });
    expect((await as('auditor')(ONE, { id: recorded.id })).data.coaching).toEqual({ __typename: 'Coaching', id: recorded.id, notes: '现场示范泳池水质检测步骤', photos: [photo] });
  });

  it('refuses bad input at its pointers and stores nothing', async () => {
    const before = (await as('manager')(LIST, {})).data.coachings.totalCount;
    const bad = { projectId: 999_999, code: 'M99.P99.W999', coachedOn: '2099-01-01', notes: '  ', photos: ['f'.repeat(64)], people: [' '] };
    const refused = (await as('manager')(RECORD, { i: bad })).data.recordCoaching;
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.issues).toEqual([
      { pointer: '/notes', code: 'coaching.required' }, { pointer: '/coachedOn', code: 'coaching.in_future' }, { pointer: '/people/0', code: 'coaching.required' },
      { pointer: '/projectId', code: 'coaching.project_unknown' }, { pointer: '/code', code: 'coaching.code_unpublished' }, { pointer: '/photos/0', code: 'coaching.photo_missing' },
    ]);
    expect((await as('manager')(LIST, {})).data.coachings.totalCount).toBe(before);
  });

  it('is refused to roles that do not coach, and at projects outside one\'s roles or organisation', async () => {
    const input = { projectId: ids.HD01, code, coachedOn: today(), notes: '复查' };
    expect((await as('frontline')(RECORD, { i: input })).data.recordCoaching.__typename).toBe('ForbiddenError');
    for (const projectId of [ids.HD02, ids.YJ01]) {
      expect((await as('site-pm')(RECORD, { i: { ...input, projectId } })).data.recordCoaching.issues).toEqual([{ pointer: '/projectId', code: 'coaching.project_unknown' }]);
    }
  });
});

describe('reading coaching', () => {
  it('lists by project and instruction, newest first, a page at a time; scoped by project and organisation', async () => {
    for (const [projectId, notes] of [[ids.HD02, '二号项目指导'], [ids.HD01, '一号项目复查']] as const) {
      expect((await as('manager')(RECORD, { i: { projectId, code, coachedOn: today(), notes } })).data.recordCoaching.__typename).toBe('Coaching');
    }
    const first = (await as('manager')(LIST, { c: code, first: 2 })).data.coachings;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: { notes: string }) => n.notes)).toEqual(['一号项目复查', '二号项目指导']);
    const rest = (await as('manager')(LIST, { c: code, first: 2, after: first.pageInfo.endCursor })).data.coachings;
    expect(rest).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ notes: '现场示范泳池水质检测步骤' }] });
    expect((await as('manager')(LIST, { p: ids.HD02 })).data.coachings.nodes.map((n: { notes: string }) => n.notes)).toEqual(['二号项目指导']);
    // the project manager of HD01 sees HD01's only; another organisation sees none, and one of ours as missing
    expect((await as('site-pm')(LIST, {})).data.coachings.nodes.map((n: { project: { code: string } }) => n.project.code)).toEqual(['HD01', 'HD01']);
    expect((await as('yj-admin')(LIST, {})).data.coachings.totalCount).toBe(0);
    const ours = first.nodes[1].id;
    expect((await as('yj-admin')(ONE, { id: ours })).data.coaching).toEqual({ __typename: 'NotFoundError', code: 'coaching.not_found' });
    expect((await as('site-pm')(ONE, { id: ours })).data.coaching).toEqual({ __typename: 'NotFoundError', code: 'coaching.not_found' });
    expect((await as('manager')(ONE, { id: 987_654 })).data.coaching).toEqual({ __typename: 'NotFoundError', code: 'coaching.not_found' });
  });
});
