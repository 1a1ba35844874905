/**
 * The demo's two organisations: the first (the pilot company of the 18 projects) gets its real name
 * and people holding roles lower down — the inspector on the projects of their schedules, a second
 * project manager on one project — and a second company, 悦居物业, gets two regions, four projects,
 * its own people and a schedule, so the UI shows that each company sees only its own.
 * Each step runs only while its part is missing, so a start cut short is finished by the next.
 */
import { organisationActor, systemFor, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { seedDemoOverlay } from './layers.ts';
import type { ProjectSeed } from '../../domain/projects/sample-projects.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { scheduleInspections, listSchedules } from '../../domain/inspections/schedule.service.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { createOrganisation, createRegion, renameOrganisation } from '../../domain/people/organisation.service.ts';
import { grantRole, person, revokeRole } from '../../domain/people/people.service.ts';
import { organisationRepository } from '../../domain/organisations/organisation.repository.ts';
import { peopleRepository } from '../../domain/people/people.repository.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { userRepository } from '../../domain/users/user.repository.ts';
import { forkEm } from '../db/orm.ts';
import type { App } from '../app.ts';

/** The first organisation's name in the demo (the migration calls it `default`). */
export const FIRST_ORGANISATION = { code: 'jinhua', name: '锦华物业', nameEn: 'Jinhua Property Services' };
export const SECOND_ORGANISATION = { code: 'yueju', name: '悦居物业', nameEn: 'Yueju Property Services' };

/** The projects the demo inspector is scheduled on, and holds the inspector role on. */
export const INSPECTOR_PROJECTS = ['HD01', 'HN02', 'HD03', 'HB01'];

const SECOND_REGIONS = [{ code: 'XN', name: '西南区域' }, { code: 'HZ', name: '华中区域' }];
export const SECOND_PROJECTS: ProjectSeed[] = [
  { code: 'CD01', name: '锦江悦府', type: 'residential', region: '西南区域', profile: 'standard', address: '成都市锦江区东大街下东大街段199号', buildings: 8, basements: 2 },
  { code: 'CD02', name: '天府悦汇中心', type: 'commercial', region: '西南区域', profile: 'platinum', address: '成都市高新区天府大道北段1700号', basements: 3 },
  { code: 'WH01', name: '光谷悦湖苑', type: 'residential', region: '华中区域', profile: 'standard', address: '武汉市东湖高新区关山大道355号', buildings: 10, basements: 1 },
  { code: 'WH02', name: '楚河悦江大厦', type: 'office', region: '华中区域', profile: 'standard', address: '武汉市武昌区中北路109号', basements: 3 },
];

/** The second organisation's demo people (password `pinzhi-demo`): [username, name, role, projects it is held on (none: the whole organisation)]. */
export const SECOND_USERS: [string, string, 'admin' | 'quality_manager' | 'inspector' | 'project_manager', string[]][] = [
  ['yj-admin', '悦居 系统管理员', 'admin', []],
  ['yj-manager', '悦居 品质经理 何芳', 'quality_manager', []],
  ['yj-inspector', '悦居 品控员 唐军', 'inspector', ['CD01', 'WH01']],
  ['yj-pm', '悦居 项目经理 罗斌', 'project_manager', ['CD01']],
];

/** Sets up both demo organisations; logs what it made. */
export async function seedDemoOrganisations(app: App, log: (line: string) => void): Promise<void> {
  await nameFirstOrganisation(app);
  const first = (await organisationRepository.find(forkEm(app.orm), 1))!;
  if (await narrowFirstOrganisation(app, first.id)) log(`"inspector" holds the inspector role on ${INSPECTOR_PROJECTS.join(', ')} only, "pm2" project_manager on HD01`);
  if (await seedSecondOrganisation(app)) log(`created organisation ${SECOND_ORGANISATION.code} (${SECOND_ORGANISATION.name}) with ${SECOND_PROJECTS.length} projects and users ${SECOND_USERS.map((u) => u[0]).join(', ')}`);
}

async function nameFirstOrganisation(app: App): Promise<void> {
  const em = forkEm(app.orm);
  if ((await organisationRepository.find(em, 1))?.code === 'default') await renameOrganisation(em, SYSTEM_ACTOR, 'default', FIRST_ORGANISATION);
}

/** The pilot company's inspector on their scheduled projects only, and a second project manager on one project. */
async function narrowFirstOrganisation(app: App, organisationId: number): Promise<boolean> {
  const ctx = app.context(systemFor(organisationId));
  const byCode = new Map((await peopleRepository.projects(ctx.em, organisationId)).map((p) => [p.code, p.id]));
  if (!INSPECTOR_PROJECTS.every((code) => byCode.has(code)) || !(await userRepository.find(ctx.em, 'inspector'))) return false;
  const inspector = await person(ctx, 'inspector');
  const broad = inspector.memberships.find((m) => m.role === 'inspector' && m.level === 'organisation');
  if (!broad || inspector.memberships.some((m) => m.level !== 'organisation')) return false;
  for (const code of INSPECTOR_PROJECTS) await grantRole(ctx, { username: 'inspector', role: 'inspector', projectId: byCode.get(code)! });
  await revokeRole(ctx, broad.id);
  if (!(await userRepository.find(ctx.em, 'pm2'))) {
    await createUser(ctx.em, ctx.actor!, { username: 'pm2', displayName: '项目经理 周涛', password: DEMO_PASSWORD, roles: [], rolesLater: true, qualifications: [{ certificate: '物业经理证', number: 'WY-2025-0342', expiresOn: '2029-03-31' }] });
    await grantRole(ctx, { username: 'pm2', role: 'project_manager', projectId: byCode.get('HD01')! });
  }
  return true;
}

async function seedSecondOrganisation(app: App): Promise<boolean> {
  const em = forkEm(app.orm);
  const existing = await organisationRepository.findByCode(em, SECOND_ORGANISATION.code);
  const organisation = existing ?? (await createOrganisation(em, SYSTEM_ACTOR, SECOND_ORGANISATION));
  const ctx = app.context(systemFor(organisation.id));
  const regions = await organisationRepository.regions(ctx.em, organisation.id);
  for (const r of SECOND_REGIONS) if (!regions.some((x) => x.code === r.code)) await createRegion(ctx, r);
  const created = await ensureSampleProjects(forkEm(app.orm), organisation.id, SECOND_PROJECTS);
  const byCode = new Map((await peopleRepository.projects(ctx.em, organisation.id)).map((p) => [p.code, p.id]));
  for (const [username, displayName, role, projects] of SECOND_USERS) {
    if (await userRepository.find(ctx.em, username)) continue;
    await createUser(ctx.em, ctx.actor!, { username, displayName, password: DEMO_PASSWORD, roles: projects.length ? [] : [role], rolesLater: true });
    for (const code of projects) await grantRole(ctx, { username, role, projectId: byCode.get(code)! });
  }
  if ((await listSchedules(ctx, byCode.get('CD01'), { first: 1 })).items.length === 0) {
    await scheduleInspections(ctx, { projectId: byCode.get('CD01')!, tier: 'daily', inspector: 'yj-inspector', startsOn: todayInChina() });
    await scheduleInspections(ctx, { projectId: byCode.get('WH01')!, tier: 'monthly', inspector: 'yj-inspector', startsOn: todayInChina() });
  }
  // its own reading of the shared baseline: lift cars cleaned at least 4 times a day instead of 3
  const overlaid = await seedDemoOverlay(app.context(organisationActor('yj-manager', ['quality_manager'], organisation.id)).em, organisation.id, 'yj-manager');
  return !existing || created > 0 || overlaid;
}
