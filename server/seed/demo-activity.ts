import { createHash } from 'node:crypto';
import { forkEm } from '../db/orm.ts';
import { settingRepository } from '../../domain/shared/setting.repository.ts';
import { instanceRepository } from '../../domain/workflows/instance.repository.ts';
import { taskRepository } from '../../domain/workflows/task.repository.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { Answer } from '../../domain/checklists/evaluate.ts';
import type { App } from '../app.ts';
import { SYSTEM_ACTOR, type Actor } from '../../domain/shared/access.ts';
import { inspectionRepository } from '../../domain/inspections/inspection.repository.ts';
import { getChecklist, todayInChina } from '../../domain/checklists/checklist.service.ts';
import { submitInspection } from '../../domain/inspections/inspection.service.ts';
import { uploadPhoto } from '../../domain/photos/photo.service.ts';
import { listProjects } from '../../domain/projects/project.service.ts';
import { completeTask } from '../../domain/workflows/task.service.ts';
import { openPendingRectifications } from '../../domain/findings/rectification.service.ts';
import { solidPng } from './png.ts';
import type { JobsContext } from '../../domain/shared/service-context.ts';
import { yieldToEventLoop } from '../../domain/shared/event-loop.ts';

/** The demo activity's progress in the settings table: started, then done. */
const DEMO_STATE = 'seed.demo-activity';

/**
 * Records, on a store no inspection has touched, that the demo activity is due — as soon as the
 * library is in, before anything else of the first start can be cut short — so the next start
 * finishes it even when this one dies before the activity begins.
 */
export async function markDemoActivityDue(app: App): Promise<void> {
  const em = forkEm(app.orm);
  if ((await settingRepository.get(em, DEMO_STATE)) === null && (await inspectionRepository.count(em)) === 0) await settingRepository.putIfAbsent(em, DEMO_STATE, 'started');
}

/** Whether a start was cut short while it recorded the demo activity (the next start finishes it). */
export async function demoActivityUnfinished(em: EntityManager): Promise<boolean> {
  return (await settingRepository.get(em, DEMO_STATE)) === 'started';
}

/** Projects the demo inspector flew into over the last three months. */
const PROJECTS = ['HD01', 'HD02', 'HD03', 'HN02', 'HN05', 'HB01'];
/** The source's story: residents complained that one estate's underground car park was dark. */
const DARK_CAR_PARK = { project: 'HD02', touchpoints: ['TP-050', 'TP-156', 'TP-167', 'TP-168'] };

/** A number in [0, 1) from its parts, the same on every installation. */
function chance(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}

/** The 12th of each of the last `n` months, oldest first (China Standard Time). */
function pastMonths(n: number): string[] {
  const [y, m] = todayInChina().split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - i), 12));
    return d.toISOString().slice(0, 10);
  });
}

const actor = (username: string, role: Actor['roles'][number]): Actor => ({ username, roles: [role] });

/**
 * What a first start on the embedded database shows besides the library: three months of monthly
 * flying inspections on six projects, judged by the real services into findings, and their
 * rectifications worked through to different steps — so the dashboard, the heat map (with the
 * dark car park of the source text) and the inboxes have something in them. Runs on a store no
 * inspection has touched, and again after a start cut short (each step is idempotent: submissions
 * replay by their fixed ids); every answer is drawn from a fixed seed, so each installation gets the same.
 */
export async function seedDemoActivity(app: App, log: (line: string) => void = console.log): Promise<void> {
  const em = forkEm(app.orm);
  const state = await settingRepository.get(em, DEMO_STATE);
  if (state === 'done' || (state === null && (await inspectionRepository.count(em)) > 0)) return;
  await settingRepository.putIfAbsent(em, DEMO_STATE, 'started');
  const context = (who: Actor) => ({ ...app.context(who), photos: app.photos });
  const inspector = actor('inspector', 'inspector');
  const colours: [number, number, number][] = [[96, 125, 139], [121, 85, 72], [84, 110, 122], [141, 110, 99]];
  const photos: string[] = [];
  for (const [i, rgb] of colours.entries()) {
    photos.push((await uploadPhoto(context(inspector), new File([new Uint8Array(solidPng(96, 72, rgb))], `site-${i + 1}.png`, { type: 'image/png' }))).sha256);
  }

  const projects = new Map((await listProjects(context(SYSTEM_ACTOR))).map((p) => [p.code, p.id]));
  const months = pastMonths(3);
  let inspections = 0;
  for (const [m, date] of months.entries()) {
    for (const code of PROJECTS) {
      await yieldToEventLoop();
      const { checklist } = await getChecklist(context(inspector), { projectId: projects.get(code)!, tier: 'monthly', date });
      const answers: Answer[] = checklist.items.map((item) => {
        const dark = code === DARK_CAR_PARK.project && item.touchpoints.some((tp) => DARK_CAR_PARK.touchpoints.includes(tp));
        // most items pass, fewer each month; the dark car park fails until the lighting is fixed in the last month
        const rate = dark && m < 2 ? 0.9 : [0.05, 0.035, 0.025][m];
        const bad = failingValue(item);
        if (bad !== null && chance(code, date, item.id) < rate) return { itemId: item.id, value: bad, photos: [photos[m % photos.length]] };
        return passingAnswers([item], photos)[0];
      });
      await submitInspection(context(inspector), { checklistId: checklist.id, clientSubmissionId: `demo-${code}-${date}`, answers, inspectedOn: date });
      inspections++;
    }
  }
  const opened = await openPendingRectifications(context(SYSTEM_ACTOR), SYSTEM_ACTOR);
  const worked = await workRectifications(context, photos[0]);
  await settingRepository.put(em, DEMO_STATE, 'done');
  log(`demo activity: ${inspections} inspections over ${months[0].slice(0, 7)}…${months.at(-1)!.slice(0, 7)}, ${opened} rectifications opened, ${worked} tasks completed`);
}

/** Takes the rectifications to different steps: most closed, some awaiting verification, the newest still at analysis. */
async function workRectifications(context: (who: Actor) => JobsContext, photo: string): Promise<number> {
  const pm = actor('pm', 'project_manager');
  const inspector = actor('inspector', 'inspector');
  const manager = actor('manager', 'quality_manager');
  const em = context(SYSTEM_ACTOR).em;
  const instances = (await instanceRepository.running(em, 'rectification')).map((i) => ({ id: i.id, title: String(i.snapshot.context?.variables?.title ?? '') }));
  const steps: [string, Actor, (title: string) => Record<string, unknown>][] = [
    ['analyse', pm, (title) => ({ cause: `${title}：班组人手不足，作业频次未按指导书执行`, plan: '调整排班，增加专项检查并对班组培训' })],
    ['rectify', pm, () => ({ measures: '已按计划完成整改并复查，相关记录已补齐', evidencePhotos: [] })],
    ['verify', inspector, () => ({ passed: true, evidencePhotos: [], comment: '现场复查合格' })],
    ['prevent', manager, (title) => ({ prevention: title.length % 2 === 0 ? 'training' : 'none', preventionNote: '纳入月度培训计划' })],
  ];
  let completed = 0;
  for (const [n, instance] of instances.entries()) {
    // the newest fifth stays with the project manager; a fifth waits for verification
    const share = n / instances.length;
    const until = share > 0.8 ? 0 : share > 0.6 ? 2 : steps.length;
    for (const [element, who, data] of steps.slice(0, until)) {
      await yieldToEventLoop();
      const task = await taskRepository.openAt(em, instance.id, element);
      if (!task) break;
      const body = data(instance.title ?? '');
      if ('evidencePhotos' in body) body.evidencePhotos = [photo];
      await completeTask(context(who), task.id, body);
      completed++;
    }
  }
  return completed;
}
