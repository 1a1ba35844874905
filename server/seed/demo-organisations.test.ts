import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { INSPECTOR_PROJECTS, SECOND_PROJECTS } from './demo-organisations.ts';

/** The first start's two organisations: names, regions, projects, people at their levels, schedules; a second start changes nothing. */
let t: TestApp;
const ME = '{ me { roles organisation { code name } memberships { role level region { code } project { code } } } }';
const ORGANISATION = '{ organisation { ... on Organisation { code name regions { code name projectCount } } ... on Error { message } } }';
const SCHEDULES = '{ schedules { ... on ScheduleConnection { nodes { inspector tier project { code } } } ... on Error { message } } }';

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
}, 300_000);
afterAll(() => t.close());

describe('the demo organisations of a first start', () => {
  it('names the pilot company and keeps its office roles on the whole organisation', async () => {
    const admin = await t.login('admin');
    expect((await t.gql(ORGANISATION, {}, admin)).data.organisation).toEqual({
      code: 'jinhua', name: '锦华物业', regions: [{ code: 'R01', name: '华东区域', projectCount: 6 }, { code: 'R02', name: '华南区域', projectCount: 6 }, { code: 'R03', name: '华北区域', projectCount: 6 }],
    });
    for (const username of ['admin', 'manager', 'reviewer', 'pm', 'auditor', 'committee', 'frontline']) {
      const me = (await t.gql(ME, {}, await t.login(username))).data.me;
      expect([username, me.memberships.map((m: { level: string }) => m.level)]).toEqual([username, ['organisation']]);
    }
  });

  it('puts the inspector on the projects of their schedules only, and a second project manager on HD01', async () => {
    const inspector = (await t.gql(ME, {}, await t.login('inspector'))).data.me;
    expect(inspector.memberships.map((m: { role: string; level: string; project: { code: string } }) => `${m.role}@${m.level}:${m.project.code}`).sort()).toEqual(INSPECTOR_PROJECTS.map((c) => `inspector@project:${c}`).sort());
    const scheduled = (await t.gql(SCHEDULES, {}, await t.login('admin'))).data.schedules.nodes.filter((s: { inspector: string }) => s.inspector === 'inspector');
    expect(scheduled.map((s: { project: { code: string } }) => s.project.code).sort()).toEqual([...INSPECTOR_PROJECTS].sort());
    expect((await t.gql(ME, {}, await t.login('pm2'))).data.me).toEqual({ roles: ['project_manager'], organisation: { code: 'jinhua', name: '锦华物业' }, memberships: [{ role: 'project_manager', level: 'project', region: null, project: { code: 'HD01' } }] });
  });

  it('creates the second company with two regions, four projects, its people and a schedule', async () => {
    const admin = await t.login('yj-admin');
    expect((await t.gql(ORGANISATION, {}, admin)).data.organisation).toEqual({ code: 'yueju', name: '悦居物业', regions: [{ code: 'HZ', name: '华中区域', projectCount: 2 }, { code: 'XN', name: '西南区域', projectCount: 2 }] });
    const projects = (await t.gql('{ projects { ... on ProjectConnection { nodes { code places { kind } } } } }', {}, admin)).data.projects.nodes;
    expect(projects.map((p: { code: string }) => p.code)).toEqual(SECOND_PROJECTS.map((p) => p.code));
    expect(projects.every((p: { places: unknown[] }) => p.places.length > 5)).toBe(true);
    const inspector = (await t.gql(ME, {}, await t.login('yj-inspector'))).data.me;
    expect(inspector.memberships.map((m: { project: { code: string } }) => m.project.code)).toEqual(['CD01', 'WH01']);
    expect((await t.gql(SCHEDULES, {}, admin)).data.schedules.nodes).toEqual([{ inspector: 'yj-inspector', tier: 'daily', project: { code: 'CD01' } }, { inspector: 'yj-inspector', tier: 'monthly', project: { code: 'WH01' } }]);
  });

  it('changes nothing on a second start', async () => {
    const count = async () => (await t.em().execute<{ n: string }[]>('select (select count(*) from membership) + (select count(*) from app_user) + (select count(*) from project) + (select count(*) from schedule) + (select count(*) from region) + (select count(*) from organisation) as n'))[0].n;
    const before = await count();
    await seed(t.app, () => {});
    expect(await count()).toBe(before);
  });
});
