import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR, systemFor } from '../../domain/shared/access.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SAMPLE_PROJECTS } from '../../domain/projects/sample-projects.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';

/**
 * Managing people and their roles at each level over GraphQL: an administrator grants and revokes
 * within their own organisation only; a change takes effect on the person's next request; a person
 * without any role gets the clear message.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};

const PERSON = 'username displayName active memberships { id role level region { code name } project { id code name } }';
const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { pointer message } }`;
const GRANT = `mutation ($u: String!, $r: String!, $region: Int, $project: Int) { grantRole(username: $u, role: $r, regionId: $region, projectId: $project) { ${RESULT} ... on Membership { id role level region { code } project { code name } } } }`;
const REVOKE = `mutation ($id: Int!) { revokeRole(membershipId: $id) { ${RESULT} ... on Person { ${PERSON} } } }`;
const CREATE = `mutation ($i: CreateUserInput!) { createUser(input: $i) { ${RESULT} ... on Person { ${PERSON} } } }`;
const ACTIVE = `mutation ($u: String!, $a: Boolean!) { setUserActive(username: $u, active: $a) { ${RESULT} ... on Person { ${PERSON} } } }`;
const PEOPLE = `query ($after: String) { people(first: 3, after: $after) { ${RESULT} ... on PersonConnection { totalCount pageInfo { hasNextPage endCursor } nodes { ${PERSON} } } } }`;
const ORGANISATION = `{ organisation { ${RESULT} ... on Organisation { code name regions { id code name projectCount projects { code } } } } }`;
const AUDIT_TRAIL = `query ($c: String!) { auditTrail(code: $c) { ${RESULT} ... on AuditEventConnection { nodes { actor action } } } }`;

const grant = async (who: string, vars: Record<string, unknown>) => (await t.gql(GRANT, vars, tokens[who])).data.grantRole;
const create = async (who: string, input: Record<string, unknown>) => (await t.gql(CREATE, { i: { password: DEMO_PASSWORD, ...input } }, tokens[who])).data.createUser;

beforeAll(async () => {
  t = await startTestApp();
  await ensureSampleProjects(t.em());
  // a second organisation with one region of two projects and its own administrator
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await ensureSampleProjects(t.em(), other.id, [{ ...SAMPLE_PROJECTS[0], code: 'YJ01', name: '悦居花园', region: '西南区域' }, { ...SAMPLE_PROJECTS[1], code: 'YJ02', name: '悦居府', region: '西南区域' }]);
  await createUser(t.em(), systemFor(other.id), { username: 'yj-admin', password: DEMO_PASSWORD, roles: ['admin'] });
  const rows = await t.em().execute<{ code: string; id: number; organisation_id: number }[]>('select code, id, organisation_id from project');
  for (const r of rows) ids[r.code] = r.id;
  ids.org2 = other.id;
  for (const u of ['admin', 'pm', 'yj-admin']) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

describe('the organisation and its people', () => {
  it('shows the caller their organisation with its regions and project counts', async () => {
    // when the first organisation's admin and the second's ask
    const mine = (await t.gql(ORGANISATION, {}, tokens.admin)).data.organisation;
    const theirs = (await t.gql(ORGANISATION, {}, tokens['yj-admin'])).data.organisation;
    // then each sees their own
    expect(mine.regions.map((r: { name: string; projectCount: number }) => [r.name, r.projectCount])).toEqual([['华东区域', 6], ['华南区域', 6], ['华北区域', 6]]);
    expect(theirs).toMatchObject({ __typename: 'Organisation', code: 'yueju', name: '悦居物业', regions: [{ name: '西南区域', projectCount: 2, projects: [{ code: 'YJ01' }, { code: 'YJ02' }] }] });
  });

  it('lists people with their memberships a page at a time, to administrators only', async () => {
    // when the admin walks the people three at a time
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(PEOPLE, { after }, tokens.admin)).data.people;
      expect(page.__typename).toBe('PersonConnection');
      seen.push(...page.nodes.map((p: { username: string }) => p.username));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // then every person of the organisation appears once, in order, and none of the other's
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['admin', 'inspector', 'pm']));
    expect(seen).not.toContain('yj-admin');
    const pm = (await t.gql(PEOPLE, {}, tokens.admin)).data.people;
    expect(pm.totalCount).toBe(seen.length);
    // and a project manager is refused
    expect((await t.gql(PEOPLE, {}, tokens.pm)).data.people.__typename).toBe('ForbiddenError');
  });
});

describe('granting roles at a level', () => {
  it('grants a project manager one project, shown with its level and name, and audits it', async () => {
    // given a new person with no role yet
    expect(await create('admin', { username: 'pm2', displayName: '项目经理 周涛' })).toMatchObject({ __typename: 'Person', memberships: [] });
    // when the admin grants project_manager on HD01
    const granted = await grant('admin', { u: 'pm2', r: 'project_manager', project: ids.HD01 });
    // then it is held on that project
    expect(granted).toMatchObject({ __typename: 'Membership', role: 'project_manager', level: 'project', project: { code: 'HD01', name: '锦绣江南花园' }, region: null });
    const token = await t.login('pm2');
    const me = (await t.gql('{ me { roles organisation { code name } memberships { role level project { code } } } }', {}, token)).data.me;
    expect(me).toEqual({ roles: ['project_manager'], organisation: { code: 'default', name: '默认组织' }, memberships: [{ role: 'project_manager', level: 'project', project: { code: 'HD01' } }] });
    const trail = (await t.gql(AUDIT_TRAIL, { c: 'pm2' }, tokens.admin)).data.auditTrail.nodes;
    expect(trail.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['user.created', 'admin'], ['membership.granted', 'admin']]);
  });

  it('grants a role on a region', async () => {
    const region = (await t.gql(ORGANISATION, {}, tokens.admin)).data.organisation.regions.find((r: { name: string }) => r.name === '华南区域');
    expect(await grant('admin', { u: 'pm2', r: 'inspector', region: region.id })).toMatchObject({ __typename: 'Membership', level: 'region', region: { code: region.code } });
  });

  it('answers a project or person of another organisation as not found, exactly like a missing id', async () => {
    // when the second organisation's admin names a project of the first, and a project that does not exist
    const foreign = await grant('yj-admin', { u: 'yj-admin', r: 'inspector', project: ids.HD01 });
    const missing = await grant('yj-admin', { u: 'yj-admin', r: 'inspector', project: 999_999 });
    // then both are NotFoundError with the same words
    expect(foreign).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found', message: `No project with id ${ids.HD01}` });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found', message: 'No project with id 999999' });
    // and a person of the first organisation is as unknown to them as a stranger
    expect(await grant('yj-admin', { u: 'pm', r: 'inspector' })).toMatchObject({ __typename: 'NotFoundError', code: 'person.not_found' });
    expect(await grant('yj-admin', { u: 'nobody', r: 'inspector' })).toMatchObject({ __typename: 'NotFoundError', code: 'person.not_found' });
    // and the first admin cannot grant on the second's project either
    expect(await grant('admin', { u: 'pm2', r: 'inspector', project: ids.YJ01 })).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found' });
  });

  it.each([
    ['an unknown role', { r: 'owner' }, '/role'],
    ['a region and a project at once', { r: 'inspector', region: 1, project: 1 }, '/projectId'],
    ['admin on a single project', { r: 'admin', project: 1 }, '/role'],
  ])('refuses %s, naming the field', async (_case, vars, pointer) => {
    const refused = await grant('admin', { u: 'pm2', ...vars });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.issues.map((i: { pointer: string }) => i.pointer)).toEqual([pointer]);
  });

  it('refuses a role already held at the same place, and a grant by someone who is no administrator', async () => {
    expect(await grant('admin', { u: 'pm2', r: 'project_manager', project: ids.HD01 })).toMatchObject({ __typename: 'ConflictError', code: 'membership.exists' });
    expect(await grant('pm', { u: 'pm', r: 'admin' })).toMatchObject({ __typename: 'ForbiddenError' });
  });
});

describe('changes take effect on the next request', () => {
  it('stops a revoked role at once, and then says clearly that the person holds no role', async () => {
    // given an auditor who reads the audit trail
    const created = await create('admin', { username: 'wu', role: 'auditor' });
    expect(created.memberships).toEqual([expect.objectContaining({ role: 'auditor', level: 'organisation' })]);
    const token = await t.login('wu');
    expect((await t.gql(AUDIT_TRAIL, { c: 'M03.P01.W002' }, token)).data.auditTrail.__typename).toBe('AuditEventConnection');
    // when the admin revokes the role
    const revoked = (await t.gql(REVOKE, { id: created.memberships[0].id }, tokens.admin)).data.revokeRole;
    expect(revoked).toMatchObject({ __typename: 'Person', username: 'wu', memberships: [] });
    // then the same token is refused on its next request, with the clear message
    const refused = (await t.gql(AUDIT_TRAIL, { c: 'M03.P01.W002' }, token)).data.auditTrail;
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', code: 'auth.no_membership' });
    expect(refused.message).toBe("wu holds no role in any organisation, region or project yet: ask your organisation's administrator to add you");
    const zh = (await t.gql(ORGANISATION, {}, token, 'zh-CN')).data.organisation;
    expect(zh).toMatchObject({ __typename: 'ForbiddenError', message: 'wu 尚未在任何组织、区域或项目中担任角色：请联系本组织管理员为您分配' });
    // yet they still see who they are and where they work
    expect((await t.gql('{ me { roles memberships { id } organisation { code } } }', {}, token)).data.me).toEqual({ roles: [], memberships: [], organisation: { code: 'default' } });
  });

  it('signs a deactivated person out on their next request, and lets them back when reactivated', async () => {
    await create('admin', { username: 'zheng', role: 'quality_manager' });
    const token = await t.login('zheng');
    expect((await t.gql(ACTIVE, { u: 'zheng', a: false }, tokens.admin)).data.setUserActive).toMatchObject({ __typename: 'Person', active: false });
    expect((await t.gql('{ me { username } }', {}, token)).data.me).toBeNull();
    expect((await t.gql(ACTIVE, { u: 'zheng', a: true }, tokens.admin)).data.setUserActive).toMatchObject({ active: true });
    expect((await t.gql('{ me { username } }', {}, token)).data.me).toEqual({ username: 'zheng' });
  });

  it('keeps the organisation manageable: no one deactivates themselves, and the last admin stays', async () => {
    expect((await t.gql(ACTIVE, { u: 'yj-admin', a: false }, tokens['yj-admin'])).data.setUserActive).toMatchObject({ __typename: 'ConflictError', code: 'person.not_self' });
    const people = (await t.gql(PEOPLE, {}, tokens['yj-admin'])).data.people.nodes;
    const admin = people.find((p: { username: string }) => p.username === 'yj-admin').memberships[0];
    expect((await t.gql(REVOKE, { id: admin.id }, tokens['yj-admin'])).data.revokeRole).toMatchObject({ __typename: 'ConflictError', code: 'membership.last_admin' });
    // and a membership of another organisation is not found
    const pm = (await t.gql(PEOPLE, { after: null }, tokens.admin)).data.people.nodes.find((p: { username: string }) => p.username === 'admin');
    expect((await t.gql(REVOKE, { id: pm.memberships[0].id }, tokens['yj-admin'])).data.revokeRole).toMatchObject({ __typename: 'NotFoundError', code: 'membership.not_found' });
  });

  it('creates a region in the caller\'s organisation only', async () => {
    const created = (await t.gql('mutation { createRegion(code: "XN", name: "西南二区") { __typename ... on Region { code name projectCount } ... on Error { code } } }', {}, tokens['yj-admin'])).data.createRegion;
    expect(created).toEqual({ __typename: 'Region', code: 'XN', name: '西南二区', projectCount: 0 });
    const regions = async (who: string) => (await t.gql(ORGANISATION, {}, tokens[who])).data.organisation.regions.map((r: { code: string }) => r.code);
    expect(await regions('yj-admin')).toContain('XN');
    expect(await regions('admin')).not.toContain('XN');
    expect((await t.gql('mutation { createRegion(code: "XN", name: "另一个") { __typename ... on Error { code } } }', {}, tokens['yj-admin'])).data.createRegion).toEqual({ __typename: 'ConflictError', code: 'region.exists' });
  });
});
