import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';
import { SECOND_PROJECTS } from '../../server/seed/demo-organisations.ts';

/**
 * Two organisations in the real server process (`npm start`'s command on a fresh store, over HTTP):
 * the second company's administrator signs in and sees only its own regions and projects; what they
 * grant and revoke holds from the person's next request.
 */
let store: Store;
let server: ServerProcess;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  // a first start imports the library and plays the demo activity: slow on a busy machine
  await server.ready(400_000);
}, 420_000);

afterAll(() => tearDown(server, store));

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

const PROJECTS = '{ projects(first: 100) { ... on ProjectConnection { totalCount nodes { id code } } ... on Error { message } } }';
const ORGANISATION = '{ me { organisation { code name } } organisation { ... on Organisation { regions { code name projectCount } } ... on Error { code } } }';

describe(`two organisations in the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('shows the second company\'s administrator only its own regions and projects', async () => {
    // given the demo's first start, with both companies
    const first = await as('admin');
    const second = await as('yj-admin');
    // when each administrator asks for their organisation and projects over HTTP
    const mine = (await second.gql(ORGANISATION)).data;
    const theirs = (await first.gql(ORGANISATION)).data;
    const secondProjects = (await second.gql(PROJECTS)).data.projects;
    const firstProjects = (await first.gql(PROJECTS)).data.projects;
    // then each sees only its own
    expect(mine).toEqual({ me: { organisation: { code: 'yueju', name: '悦居物业' } }, organisation: { regions: [{ code: 'HZ', name: '华中区域', projectCount: 2 }, { code: 'XN', name: '西南区域', projectCount: 2 }] } });
    expect(theirs.me.organisation).toEqual({ code: 'jinhua', name: '锦华物业' });
    expect(secondProjects.nodes.map((p: { code: string }) => p.code)).toEqual(SECOND_PROJECTS.map((p) => p.code));
    expect(secondProjects.totalCount).toBe(4);
    expect(firstProjects.totalCount).toBe(18);
    expect(firstProjects.nodes.some((p: { code: string }) => p.code.startsWith('CD'))).toBe(false);
    // and a project of the first company, asked for by id, is not found for the second
    const hd01 = firstProjects.nodes.find((p: { code: string }) => p.code === 'HD01');
    expect((await second.gql(`{ project(id: ${hd01.id}) { __typename ... on Error { code } } }`)).data.project).toEqual({ __typename: 'NotFoundError', code: 'project.not_found' });
  });

  it('lets the second company\'s administrator add a person and grant and revoke a role, effective on the next request', async () => {
    const admin = await as('yj-admin');
    const cd02 = (await admin.gql(PROJECTS)).data.projects.nodes.find((p: { code: string }) => p.code === 'CD02');
    // when they create a person holding 品控员 on CD02
    const created = (await admin.gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { __typename ... on Person { memberships { id level project { code } } } ... on Error { message } } }`,
      { i: { username: 'yj-new', displayName: '悦居 品控员 新人', password: 'pinzhi-demo', role: 'inspector', projectId: cd02.id } })).data.createUser;
    expect(created).toEqual({ __typename: 'Person', memberships: [{ id: expect.any(Number), level: 'project', project: { code: 'CD02' } }] });
    // then that person signs in holding it
    const person = await as('yj-new');
    expect((await person.gql('{ me { roles organisation { code } } }')).data.me).toEqual({ roles: ['inspector'], organisation: { code: 'yueju' } });
    // when the administrator revokes it, the person's next request is refused with the clear message
    const revoked = (await admin.gql(`mutation { revokeRole(membershipId: ${created.memberships[0].id}) { __typename ... on Person { memberships { id } } } }`)).data.revokeRole;
    expect(revoked).toEqual({ __typename: 'Person', memberships: [] });
    expect((await person.gql('{ organisation { __typename ... on Error { code message } } }')).data.organisation).toEqual({
      __typename: 'ForbiddenError', code: 'auth.no_membership', message: 'yj-new 尚未在任何组织、区域或项目中担任角色：请联系本组织管理员为您分配',
    });
    // and the first company's administrator does not see that person at all
    const firstPeople = (await (await as('admin')).gql('{ people(first: 100) { ... on PersonConnection { nodes { username } } } }')).data.people.nodes.map((p: { username: string }) => p.username);
    expect(firstPeople).toEqual(expect.arrayContaining(['admin', 'inspector', 'pm2']));
    expect(firstPeople.filter((u: string) => u.startsWith('yj-'))).toEqual([]);
  });
});
