import { organisationActor, systemFor } from '../../domain/shared/access.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { inTransaction } from '../../domain/shared/persistence.ts';
import { appendAudit } from '../../domain/audit/audit.service.ts';
import { organisationRepository } from '../../domain/organisations/organisation.repository.ts';
import { userRepository } from '../../domain/users/user.repository.ts';
import { hashPassword } from '../../domain/users/password.ts';
import { DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { drawFlyingInspections } from '../../domain/inspections/flying.service.ts';
import { flyingRepository } from '../../domain/inspections/flying.repository.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import type { DocumentLimits } from '../../domain/shared/limits.ts';

/** The demo's regional supervisor (区域品质督导): inspector on one region of the first organisation. */
export const DEMO_SUPERVISOR = { username: 'supervisor', displayName: '区域督导 吴刚', region: '华东区域', organisationId: 1 } as const;

/**
 * First start, once the sample projects exist: the demo supervisor holding `inspector` on the
 * 华东区域 region, and this month's flying inspections drawn for every region of the organisation
 * by the demo quality manager. Does nothing when the supervisor already exists.
 */
export async function seedFlyingDemo(em: EntityManager, limits: DocumentLimits, log: (line: string) => void): Promise<void> {
  const { username, displayName, organisationId } = DEMO_SUPERVISOR;
  if (await userRepository.find(em, username)) return;
  const region = await organisationRepository.findRegion(em, organisationId, { name: DEMO_SUPERVISOR.region });
  if (!region) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(em, async (tx) => {
    const now = new Date();
    await flyingRepository.insertSupervisor(tx, { username, displayName, passwordHash, organisationId, qualifications: [], active: true, createdAt: now }, region.id, 'system');
    await appendAudit(tx, systemFor(organisationId), { action: 'user.created', subjectType: 'user', subjectKey: username, detail: { roles: ['inspector'], regionId: region.id } });
  });
  const ctx = { em, actor: organisationActor('manager', ['quality_manager'], organisationId), limits };
  const month = todayInChina().slice(0, 7);
  let sampled = 0;
  for (const r of await organisationRepository.regions(em, organisationId)) sampled += (await drawFlyingInspections(ctx, r.id, month)).assignments.length;
  log(`created the regional supervisor "${username}" (${DEMO_SUPERVISOR.region}) and drew ${month}'s flying inspections: ${sampled} projects`);
}
