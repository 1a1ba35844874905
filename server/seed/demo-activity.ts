import { createHash } from 'node:crypto';
import { forkEm } from '../db/orm.ts';
import { settingRepository } from '../../domain/shared/setting.repository.ts';
import { instanceRepository } from '../../domain/workflows/instance.repository.ts';
import { taskRepository } from '../../domain/workflows/task.repository.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { Answer } from '../../domain/checklists/evaluate.ts';
import type { App } from '../app.ts';
import { SYSTEM_ACTOR, organisationActor, type Actor } from '../../domain/shared/access.ts';
import { inspectionRepository } from '../../domain/inspections/inspection.repository.ts';
import { getChecklist, todayInChina } from '../../domain/checklists/checklist.service.ts';
import { submitInspection } from '../../domain/inspections/inspection.service.ts';
import { uploadPhoto } from '../../domain/photos/photo.service.ts';
import { listProjects } from '../../domain/projects/project.service.ts';
import { completeTask } from '../../domain/workflows/task.service.ts';
import { openPendingRectifications } from '../../domain/findings/rectification.service.ts';
import { solidPng } from './png.ts';
import { seedAssessmentDemo } from './assessment-demo.ts';
import { submitProposal } from '../../domain/fund/proposal.service.ts';
import { proposalRepository } from '../../domain/fund/proposal.repository.ts';
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

const actor = (username: string, role: Actor['roles'][number]): Actor => organisationActor(username, [role]);

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
  await seedAssessmentDemo(app, photos[2], log);
  const opened = await openPendingRectifications(context(SYSTEM_ACTOR), SYSTEM_ACTOR);
  const worked = await workRectifications(context, photos[0]);
  const proposals = await seedProposals(context, photos[1]);
  await settingRepository.put(em, DEMO_STATE, 'done');
  log(`demo activity: ${inspections} inspections over ${months[0].slice(0, 7)}…${months.at(-1)!.slice(0, 7)}, ${opened} rectifications opened, ${worked} tasks completed, ${proposals} innovation-fund proposals`);
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

/**
 * Innovation-fund proposals of a frontline employee, taken to different steps: the source's lift
 * maintenance made transparent (fault reports down 41%) implemented, one incubating, one with the
 * committee, one just submitted, one screened out. Skipped when the fund has proposals already.
 */
async function seedProposals(context: (who: Actor) => JobsContext, photo: string): Promise<number> {
  if ((await proposalRepository.count(context(SYSTEM_ACTOR).em, {})) > 0) return 0;
  const frontline = actor('frontline', 'frontline');
  const manager = actor('manager', 'quality_manager');
  const committee = actor('committee', 'fund_committee');
  const pm = actor('pm', 'project_manager');
  type Step = [string, Actor, Record<string, unknown>];
  const screened: Step = ['screening', manager, { passed: true, comment: '符合基金方向，提交委员会' }];
  const proposals: [Record<string, unknown>, Step[]][] = [
    [{ title: '电梯维保透明化', problem: '业主看不到电梯何时维保、修了什么，小故障反复报修', idea: '轿厢张贴维保二维码，扫码查看维保记录、故障处理与下次计划', expectedEffect: '故障报修量下降三成以上', budget: 36000 }, [
      screened,
      ['committee', committee, { approved: true, budget: 32000, reviewComment: '同意资助，按里程碑拨付' }],
      ['incubation', pm, { milestoneReport: '已在华东三个项目全部电梯上线', spent: 29800 }],
      ['evaluation', committee, { indicator: '故障报修量（次/季度）', before: 100, after: 59, outcome: '维保透明后重复报修明显减少，业主满意度提升', rollout: false }],
    ]],
    [{ title: '电梯困人安抚系统', problem: '电梯困人时乘客恐慌，等待救援期间无人沟通', idea: '轿厢加装语音安抚与实时视频，对讲直连客服中心', expectedEffect: '困人投诉减少，救援期间乘客情绪稳定', budget: 48000 }, [
      screened,
      ['committee', committee, { approved: true, budget: 45000, reviewComment: '同意，先在两个项目试点' }],
    ]],
    [{ title: '绿化垃圾回收利用', problem: '修剪下来的枝叶外运费用高，且占用垃圾站', idea: '购置小型粉碎机，枝叶就地粉碎堆肥回用于绿化', expectedEffect: '绿化垃圾外运量减半', budget: 22000 }, [screened]],
    [{ title: '地库照明感应改造', problem: '地下车库夜间照度不足，业主多次投诉', idea: '更换为雷达感应LED灯，车辆行人经过时全亮', expectedEffect: '车库照度达标，电费下降', budget: 18000 }, []],
    [{ title: '门岗智能道闸', problem: '高峰期车辆排队进出小区', idea: '门岗改为车牌识别道闸', expectedEffect: '高峰排队时间缩短', budget: 65000 }, [['screening', manager, { passed: false, comment: '集团已统一采购道闸，不再单独立项' }]]],
  ];
  for (const [input, steps] of proposals) {
    await yieldToEventLoop();
    const { id } = await submitProposal(context(frontline), { ...input, attachments: [photo] });
    for (const [element, who, data] of steps) {
      const task = await taskRepository.openAt(context(SYSTEM_ACTOR).em, id, element);
      if (!task) break;
      await completeTask(context(who), task.id, data);
    }
  }
  return proposals.length;
}
