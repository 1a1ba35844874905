import { forkEm } from '../db/orm.ts';
import type { App } from '../app.ts';
import { organisationActor, SYSTEM_ACTOR, type Actor } from '../../domain/shared/access.ts';
import type { Answer } from '../../domain/checklists/evaluate.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import { getChecklist, todayInChina } from '../../domain/checklists/checklist.service.ts';
import { submitInspection } from '../../domain/inspections/inspection.service.ts';
import { uploadPhoto } from '../../domain/photos/photo.service.ts';
import { listProjects } from '../../domain/projects/project.service.ts';
import { yieldToEventLoop } from '../../domain/shared/event-loop.ts';
import { solidPng } from './png.ts';
import { openTraining } from '../../domain/training/training.service.ts';
import { trainingDemoRepository } from './training-effect-demo.repository.ts';

/** The source's story: after 26 sessions, one project's reception instruction went from 76 % to 93 % executed. */
export const EFFECT_DEMO = { project: 'HD01', procedure: 'M01.P01', sessions: 26, assessments: 14, days: 30, before: [19, 25], after: [93, 100] } as const;
/** The inspections the demo submits: a daily one on each day of both windows, and the scenario assessments. */
export const EFFECT_DEMO_INSPECTIONS = EFFECT_DEMO.days * 2 + EFFECT_DEMO.assessments;
/** The last session lies this many days before today; the sessions span five weeks before it. */
const LAST_SESSION_AGO = 60;
const SPAN = 34;

const day = (d: string, delta: number) => new Date(Date.parse(`${d}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);

/** `count` of `total` slots, spread evenly. */
const spread = (total: number, count: number) => new Set(Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * total) / count)));

/**
 * Which answers of `days` inspections of `items` are not applicable and which fail, so that exactly
 * rate[0]/rate[1] of the applicable ones pass: the applicable ones are the largest multiple of the
 * denominator, and only items with a failing answer (not text or photos) fail.
 */
function plan(days: number, items: ChecklistItem[], rate: readonly [number, number]): { na: Set<number>; failed: Set<number>; applicable: number; passed: number } {
  const slots = days * items.length;
  const applicable = Math.floor(slots / rate[1]) * rate[1];
  if (applicable === 0) throw new Error(`the demo's instruction has too few items for an exact ${rate[0]}/${rate[1]}`);
  const na = spread(slots, slots - applicable);
  const candidates = Array.from({ length: slots }, (_, s) => s).filter((s) => !na.has(s) && failingValue(items[s % items.length]) !== null);
  const failures = applicable - (applicable * rate[0]) / rate[1];
  return { na, failed: new Set([...spread(candidates.length, failures)].map((i) => candidates[i])), applicable, passed: applicable - failures };
}

/**
 * The effect evaluation's demo on a first start: a training on HD01's reception instruction (the
 * M01.P01 work instruction with the most daily items) with 26 sessions ending 60 days ago, and
 * daily inspections of that instruction in the 30 days before the first session at exactly 76 %
 * and in the 30 days after the last at exactly 93 %, judged by the real inspection service.
 * Skipped when the store already has a training. Returns the figures for the start-up line.
 */
export async function seedTrainingEffectDemo(app: App, log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const em = forkEm(app.orm);
  if (await trainingDemoRepository.seeded(em)) return;
  const manager = organisationActor('manager', ['quality_manager']);
  const inspector = organisationActor('inspector', ['inspector']);
  const context = (who: Actor) => ({ ...app.context(who), photos: app.photos });
  const project = (await listProjects(context(SYSTEM_ACTOR), {})).find((p) => p.code === EFFECT_DEMO.project);
  if (!project) return;
  const last = day(todayInChina(), -LAST_SESSION_AGO);
  const first = day(last, -SPAN);

  // the reception instruction: the procedure's instruction with the most daily items
  const procedure = (await getChecklist(context(inspector), { projectId: project.id, tier: 'daily', date: first, scope: EFFECT_DEMO.procedure })).checklist;
  const counts = new Map<string, number>();
  for (const item of procedure.items) counts.set(item.code, (counts.get(item.code) ?? 0) + 1);
  const [code] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const version = procedure.items.find((i) => i.code === code)!.version;
  const photo = (await uploadPhoto(context(inspector), new File([new Uint8Array(solidPng(96, 72, [176, 190, 197]))], 'reception.png', { type: 'image/png' }))).sha256;

  const trainingId = (await openTraining(context(manager), code, version)).training.id;
  const sessions = Array.from({ length: EFFECT_DEMO.sessions }, (_, i) => day(first, Math.round((i * SPAN) / (EFFECT_DEMO.sessions - 1))));
  await trainingDemoRepository.insertSessions(em, project.organisationId, trainingId, project.id, sessions);
  // the source's 14 scenario assessments (情景模拟考核) between the sessions: the early ones fail an item or two, the late ones none
  const scenario = (await getChecklist(context(inspector), { projectId: project.id, tier: 'scenario', date: first })).checklist;
  const failable = scenario.items.map((item, n) => (failingValue(item) === null ? -1 : n)).filter((n) => n >= 0);
  let assessmentFindings = 0;
  for (let a = 0; a < EFFECT_DEMO.assessments; a++) {
    const failing = new Set(failable.slice(0, Math.max(0, 2 - Math.floor((a * 3) / EFFECT_DEMO.assessments))));
    const answers = scenario.items.map((item, n): Answer => (failing.has(n) ? { itemId: item.id, value: failingValue(item), photos: [photo] } : passingAnswers([item], [photo])[0]));
    const inspectedOn = day(first, Math.round(((a + 0.5) * SPAN) / EFFECT_DEMO.assessments));
    assessmentFindings += (await submitInspection(context(inspector), { checklistId: scenario.id, clientSubmissionId: `effect-demo-scenario-${a}`, answers, inspectedOn })).inspection.findingCount;
  }

  const windows = [
    { days: Array.from({ length: EFFECT_DEMO.days }, (_, i) => day(first, i - EFFECT_DEMO.days)), rate: EFFECT_DEMO.before },
    { days: Array.from({ length: EFFECT_DEMO.days }, (_, i) => day(last, i + 1)), rate: EFFECT_DEMO.after },
  ];
  const figures: string[] = [];
  for (const [w, window] of windows.entries()) {
    const checklist = (await getChecklist(context(inspector), { projectId: project.id, tier: 'daily', date: window.days[0], scope: code })).checklist;
    const { na, failed, applicable, passed } = plan(window.days.length, checklist.items, window.rate);
    for (const [d, date] of window.days.entries()) {
      await yieldToEventLoop();
      const answers = checklist.items.map((item, j): Answer => {
        const slot = d * checklist.items.length + j;
        if (na.has(slot)) return { itemId: item.id, notApplicable: '当日无此项作业' };
        if (failed.has(slot)) return { itemId: item.id, value: failingValue(item), photos: [photo] };
        return passingAnswers([item], [photo])[0];
      });
      await submitInspection(context(inspector), { checklistId: checklist.id, clientSubmissionId: `effect-demo-${w}-${date}`, answers, inspectedOn: date });
    }
    figures.push(`${passed}/${applicable} (${window.days.length} inspections)`);
  }
  log(`training effect demo: training ${trainingId}, ${EFFECT_DEMO.project} ${code} trained in ${EFFECT_DEMO.sessions} sessions ${first}…${last} with ${EFFECT_DEMO.assessments} scenario assessments (${assessmentFindings} findings); executed ${figures[0]} before, ${figures[1]} after, in ${Date.now() - started} ms`);
}
