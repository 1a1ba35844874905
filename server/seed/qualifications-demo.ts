import { forkEm } from '../db/orm.ts';
import type { App } from '../app.ts';
import { organisationActor, type Actor } from '../../domain/shared/access.ts';
import { uploadPhoto } from '../../domain/photos/photo.service.ts';
import { listProjects } from '../../domain/projects/project.service.ts';
import { recordCoaching } from '../../domain/coaching/coaching.service.ts';
import { coachingRepository } from '../../domain/coaching/coaching.repository.ts';
import { addRequirement, setCertificates } from '../../domain/qualifications/qualification.service.ts';
import { addDays } from '../../domain/qualifications/certificates.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { solidPng } from './png.ts';

/** The demo's coaching visits: project, work instruction, days ago, coach's notes, photos (colours), people coached. */
const VISITS: { project: string; code: string; daysAgo: number; notes: string; photos: [number, number, number][]; people: string[] }[] = [
  { project: 'HD01', code: 'M03.P06.W025', daysAgo: 12, notes: '现场示范余氯与酸碱度检测：取样位置距池壁30厘米、水下30厘米；检测记录当场填写，不得补记。', photos: [[60, 150, 200], [90, 170, 210]], people: ['保洁员 王芳', '保洁员 刘涛'] },
  { project: 'HD01', code: 'M03.P06.W024', daysAgo: 5, notes: '景观水池清捞频次调整为每日两次，落叶季加一次；示范了吸污机的操作和停机检查。', photos: [[80, 140, 90]], people: ['保洁领班 陈霞'] },
  { project: 'HN02', code: 'M01.P01.W001', daysAgo: 8, notes: '前台接待礼仪复训：起身迎候、首问负责；演练了访客登记与电话转接的话术。', photos: [], people: ['客服 周婷', '客服 吴磊'] },
  { project: 'HD03', code: 'M03.P06.W026', daysAgo: 3, notes: '公共卫生间巡检表逐项讲解，补充了高峰时段每小时巡查一次的要求。', photos: [[200, 200, 190]], people: ['保洁员 郑梅'] },
];

/**
 * On-site coaching records at the demo projects (some with photos), the pool-water requirement on
 * inspections of M03.P06 (the demo inspector holds its certificate), and the inspector's 内审员证
 * expiring in 20 days, so the expiry warnings show on the first start. Skipped when coaching exists.
 */
export async function seedQualificationsDemo(app: App, log: (line: string) => void): Promise<number> {
  const em = forkEm(app.orm);
  if (await coachingRepository.any(em)) return 0;
  const manager: Actor = organisationActor('manager', ['quality_manager']);
  const inspector: Actor = organisationActor('inspector', ['inspector']);
  const context = (actor: Actor) => ({ ...app.context(actor), photos: app.photos });
  const projects = new Map((await listProjects(context(manager))).map((p) => [p.code, p.id]));
  const today = todayInChina();
  for (const [i, visit] of VISITS.entries()) {
    const photos: string[] = [];
    for (const [j, rgb] of visit.photos.entries()) {
      photos.push((await uploadPhoto(context(inspector), new File([new Uint8Array(solidPng(96, 72, rgb))], `coaching-${i + 1}-${j + 1}.png`, { type: 'image/png' }))).sha256);
    }
    await recordCoaching(context(inspector), { projectId: projects.get(visit.project)!, code: visit.code, coachedOn: addDays(today, -visit.daysAgo), notes: visit.notes, photos, people: visit.people });
  }
  await addRequirement(context(manager), { subject: 'document', target: 'M03.P06', certificate: '泳池水质管理培训证明' });
  await setCertificates(context(manager), 'inspector', [
    { certificate: '泳池水质管理培训证明', number: 'YC-2025-0417', expiresOn: addDays(today, 700) },
    { certificate: '内审员证', number: 'NS-2023-0088', expiresOn: addDays(today, 20) },
  ]);
  await setCertificates(context(manager), 'pm', [{ certificate: '物业经理证', number: 'WY-2024-1203', expiresOn: addDays(today, 500) }]);
  log(`seeded ${VISITS.length} coaching records, 1 qualification requirement and demo certificates (inspector's 内审员证 expires in 20 days)`);
  return VISITS.length;
}
