import { inTransaction, type EntityManager } from '../../domain/shared/persistence.ts';
import { organisationActor, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { DEFAULT_LIMITS } from '../../domain/shared/limits.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { organisationRepository } from '../../domain/organisations/organisation.repository.ts';
import type { IOrganisation } from '../../domain/organisations/organisation.entity.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { userRepository } from '../../domain/users/user.repository.ts';
import { listOverlays, publishOverlay, saveOverlayDraft } from '../../domain/layers/overlay.service.ts';

/** The demo's second organisation: its code (its additions' prefix is JINGHUA), people and projects. */
export const LAYER_DEMO = {
  code: 'jinghua',
  name: '京华物业',
  nameEn: 'Jinghua Property',
  users: { manager: 'jh-manager', reviewer: 'jh-reviewer', inspector: 'jh-inspector' },
  projects: [
    { code: 'JH01', name: '锦华翠苑', type: 'residential', region: '西南区域', profile: 'standard', address: '成都市高新区天府大道中段666号', buildings: 6, basements: 1 },
    { code: 'JH02', name: '锦华中心', type: 'commercial', region: '西南区域', profile: 'platinum', address: '成都市锦江区红星路三段1号', buildings: 1, basements: 2 },
  ],
} as const;

/**
 * Creates the demo's second organisation (京华物业) when it does not exist yet: two projects in its
 * own region, a quality manager, a second one who approves, and an inspector (password
 * `pinzhi-demo`), then gives it its demo overlay unless told not to. Returns the organisation.
 */
export async function createLayerOrganisation(em: EntityManager, options: { overlay?: boolean } = {}): Promise<IOrganisation> {
  let organisation = await organisationRepository.findByCode(em, LAYER_DEMO.code);
  if (!organisation) {
    organisation = await inTransaction(em, async (tx) => organisationRepository.insert(tx, { code: LAYER_DEMO.code, name: LAYER_DEMO.name, nameEn: LAYER_DEMO.nameEn, createdAt: new Date() }));
  }
  await ensureSampleProjects(em, organisation.id, LAYER_DEMO.projects);
  const roles = { manager: 'quality_manager', reviewer: 'quality_manager', inspector: 'inspector' } as const;
  for (const [key, username] of Object.entries(LAYER_DEMO.users) as [keyof typeof roles, string][]) {
    if (await userRepository.find(em, username)) continue;
    await createUser(em, SYSTEM_ACTOR, { username, password: DEMO_PASSWORD, roles: [roles[key]], organisationId: organisation.id });
  }
  if (options.overlay !== false) await seedDemoOverlay(em, organisation.id);
  return organisation;
}

/**
 * Gives an organisation the demo's overlay when it has none yet: its lift cars are cleaned at least
 * 4 times a day where the baseline asks for 3 (轿厢每日清洁次数), drafted by its quality manager and
 * published. Other seeds may call it for any organisation other than the baseline owner.
 */
export async function seedDemoOverlay(em: EntityManager, organisationId: number, username: string = LAYER_DEMO.users.manager): Promise<boolean> {
  const ctx = { em, actor: organisationActor(username, ['quality_manager'], organisationId), limits: DEFAULT_LIMITS };
  if ((await listOverlays(ctx)).length > 0) return false;
  await saveOverlayDraft(ctx, { code: 'M03.P01.W002', patch: { properties: { cleaningsPerDay: { minimum: 4 } } }, note: '本公司电梯轿厢每日至少清洁4次（高于基线的3次）' });
  await publishOverlay(ctx, 'M03.P01.W002', '自本月起执行');
  return true;
}
