import { organisationActor } from '../../domain/shared/access.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import type { DocumentLimits } from '../../domain/shared/limits.ts';
import { standardRepository } from '../../domain/standards/standard.repository.ts';
import { peopleRepository } from '../../domain/people/people.repository.ts';
import { openTraining } from '../../domain/training/training.service.ts';
import { inviteAttendees, recordAttendance, scheduleSession } from '../../domain/training/session.service.ts';
import { submitQuiz } from '../../domain/training/quiz.service.ts';
import { trainingRepository } from '../../domain/training/training.repository.ts';

/** The demo's training: the hotline instruction as the 2026-Q4 edition revised it (its first revision). */
export const DEMO_TRAINING = { code: 'M01.P02.W006', organisationId: 1 } as const;

/**
 * A training of the 2026-Q4 revision of the hotline instruction with two sessions a week before
 * the first start (one at HD01 for its project manager and inspector, one for named people),
 * their attendance and two quiz attempts.
 */
export async function seedTrainingDemo(em: EntityManager, limits: DocumentLimits, log: (line: string) => void): Promise<number | null> {
  const revisions = (await standardRepository.listVersions(em, DEMO_TRAINING.code)).filter((v) => v.publishedAt !== null);
  const hd01 = await peopleRepository.projectByCode(em, DEMO_TRAINING.organisationId, 'HD01');
  if (revisions.length < 2 || !hd01) return null;
  const version = revisions[1].version;
  if (await trainingRepository.trainingOf(em, DEMO_TRAINING.organisationId, DEMO_TRAINING.code, version)) return null;
  const ctx = { em, actor: organisationActor('manager', ['quality_manager'], DEMO_TRAINING.organisationId), limits };
  const { training } = await openTraining(ctx, DEMO_TRAINING.code, version);
  const day = (offset: number, hour: number) => new Date(Date.now() + offset * 86_400_000 - ((Date.now() + 8 * 3_600_000) % 86_400_000) + (hour - 8) * 3_600_000);
  const atProject = await scheduleSession(ctx, training.id, { startsAt: day(-7, 9), place: '华东一号项目 客服中心会议室', trainer: '陈静（品质部客户体验主管）', projectId: hd01.id });
  await inviteAttendees(ctx, atProject.id, { projectId: hd01.id, role: 'project_manager' });
  await inviteAttendees(ctx, atProject.id, { projectId: hd01.id, role: 'inspector' });
  const named = await scheduleSession(ctx, training.id, { startsAt: day(-5, 14), place: '总部 3楼培训室', trainer: '陈静（品质部客户体验主管）' });
  await inviteAttendees(ctx, named.id, { usernames: ['frontline', 'auditor'] });
  for (const [session, username, present] of [[atProject.id, 'pm2', true], [atProject.id, 'inspector', true], [named.id, 'frontline', true], [named.id, 'auditor', false]] as const) {
    await recordAttendance(ctx, session, username, present);
  }
  const right = Object.fromEntries(training.quiz.map((q) => [q.id, q.answer]));
  const oneWrong = { ...right, q1: (training.quiz[0].answer + 1) % training.quiz[0].options.length };
  await submitQuiz({ ...ctx, actor: organisationActor('pm2', ['project_manager'], DEMO_TRAINING.organisationId) }, training.id, version, right);
  await submitQuiz({ ...ctx, actor: organisationActor('inspector', ['inspector'], DEMO_TRAINING.organisationId) }, training.id, version, oneWrong);
  log(`opened the training of ${DEMO_TRAINING.code} v${version} with 2 sessions, attendance and 2 quiz scores`);
  return training.id;
}
