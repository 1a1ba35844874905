import { analyzeText } from '../../domain/voice/analysis/analyze.ts';
import { priorityOf } from '../../domain/voice/analysis/priority.ts';
import { REPETITION_WINDOW_DAYS } from '../../domain/voice/analysis/types.ts';
import type { IFeedback } from '../../domain/voice/feedback.entity.ts';
import type { Channel } from '../../domain/voice/channels.ts';
import { feedbackRepository } from '../../domain/voice/feedback.repository.ts';
import { inTransaction, type EntityManager, type NewRow } from '../../domain/shared/persistence.ts';
import type { IProject } from '../../domain/projects/project.entity.ts';
import { BASE_MIX, CLOSINGS, KINDS, OPENINGS, PLACES, type Kind } from './feedback-texts.ts';

/**
 * Three months of customer feedback for the first organisation's projects (about 3,000 a month,
 * as a company of this size hears) and a few items for the second, stored in bulk with their
 * analysis on the embedded first start. The story a user finds: complaints about 锦绣江南花园's
 * (HD01) underground car-park lighting rising over the last month — the heat map shows the cell,
 * the clusters list the rise — and renovation disputes rising across several projects at once.
 */
export const FEEDBACK_DEMO = { days: 90, perProjectDay: 5.5, storyProject: 'HD01', renovationProjects: ['HD05', 'HN02', 'HN04', 'HB01', 'HB04'] } as const;

const DAY_MS = 86_400_000;
const CHANNEL_MIX: [Channel, number][] = [['hotline', 40], ['app', 25], ['wechat', 25], ['visit', 6], ['email', 2], ['other', 2]];

/** A small deterministic generator (mulberry32): the same demo on every first start. */
function randomFrom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, mix: readonly (readonly [T, number])[]): T {
  let r = random() * mix.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of mix) if ((r -= w) < 0) return value;
  return mix[mix.length - 1][0];
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** One customer's text of a kind: an opening, the complaint, how they feel. */
function compose(random: () => number, kind: Kind, recentRepeat: boolean): string {
  const mood = kind === 'praise' ? 'calm' : recentRepeat && random() < 0.5 ? 'angry' : weighted(random, [['calm', 5], ['upset', 4], ['angry', 1]] as const);
  const fill = (s: string) => s.replace('{b}', String(1 + Math.floor(random() * 16))).replace('{u}', String(1 + Math.floor(random() * 3))).replace('{p}', pick(random, PLACES));
  return fill(pick(random, OPENINGS)) + fill(pick(random, KINDS[kind])) + (kind === 'praise' ? '' : pick(random, CLOSINGS[mood]));
}

type Planned = { project: IProject; at: Date; kind: Kind };

/** How many items of the story's kinds a project gets on a day `age` days ago (0 = today). */
function storyExtra(project: IProject, age: number, random: () => number): Kind[] {
  const extra: Kind[] = [];
  if (project.code === FEEDBACK_DEMO.storyProject && age < 30) extra.push('garageLighting', 'garageLighting', ...(random() < 0.3 ? ['garageLighting' as const] : []));
  if ((FEEDBACK_DEMO.renovationProjects as readonly string[]).includes(project.code) && age < 30 && random() < 0.9) extra.push('renovation');
  return extra;
}

function plan(projects: IProject[], days: number, perDay: number, today: Date, random: () => number, story: boolean): Planned[] {
  const planned: Planned[] = [];
  for (const project of projects) {
    for (let age = days - 1; age >= 0; age--) {
      const dayStart = today.getTime() - age * DAY_MS;
      const count = Math.floor(perDay * (0.5 + random()) + random());
      const kinds: Kind[] = Array.from({ length: count }, () => weighted(random, BASE_MIX));
      if (story) kinds.push(...storyExtra(project, age, random));
      // calls come between 07:00 and 22:00 China time; today's only up to now
      for (const kind of kinds) {
        const at = new Date(dayStart + (7 + random() * 15) * 3_600_000 - 8 * 3_600_000);
        if (at.getTime() <= Date.now()) planned.push({ project, at, kind });
      }
    }
  }
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The rows of the planned items, analysed; repetition counted over the items planned before each (the store holds none yet). */
function rowsOf(planned: Planned[], random: () => number): NewRow<IFeedback>[] {
  const earlier = new Map<string, number[]>();
  const now = new Date();
  let ticket = 0;
  return planned.map(({ project, at, kind }) => {
    const recent = earlier.get(`${project.id}/${kind}`) ?? [];
    const text = compose(random, kind, recent.filter((t) => t > at.getTime() - 7 * DAY_MS).length >= 2);
    const analysis = analyzeText(text);
    const key = `${project.id}/${analysis.problemType}`;
    const times = earlier.get(key) ?? [];
    const repetition = analysis.problemType === null ? 0 : times.filter((t) => t >= at.getTime() - REPETITION_WINDOW_DAYS * DAY_MS).length;
    times.push(at.getTime());
    earlier.set(key, times.slice(-200));
    if (key !== `${project.id}/${kind}`) earlier.set(`${project.id}/${kind}`, [...recent.slice(-20), at.getTime()]);
    const channel = weighted(random, CHANNEL_MIX);
    return {
      organisationId: project.organisationId, projectId: project.id, channel, receivedAt: at, text, place: null, contact: random() < 0.6 ? `1${3 + Math.floor(random() * 6)}*****${String(Math.floor(random() * 10000)).padStart(4, '0')}` : null,
      sourceId: `DEMO-${project.code}-${String(++ticket).padStart(5, '0')}`, module: analysis.module, touchpoints: analysis.touchpoints, problemType: analysis.problemType,
      sentiment: analysis.sentiment, intensity: analysis.intensity, repetition, priority: priorityOf(analysis.problemType, analysis.intensity, repetition),
      unclassified: analysis.unclassified, modelVersion: analysis.modelVersion, complaintInstanceId: null, createdBy: 'demo-import', createdAt: now,
    };
  });
}

async function store(em: EntityManager, rows: NewRow<IFeedback>[]): Promise<void> {
  await inTransaction(em, async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await feedbackRepository.insertMany(tx, rows.slice(i, i + 500));
  });
}

/** Seeds the demo feedback unless the organisations already hold feedback; logs how many and how long it took. */
export async function seedFeedbackDemo(em: EntityManager, log: (line: string) => void, today = new Date()): Promise<number> {
  const started = Date.now();
  const first = await feedbackRepository.projectsOf(em, { organisationId: 1, projects: null });
  if (first.length === 0 || (await feedbackRepository.count(em, { organisationId: null, projects: null }, {})) > 0) return 0;
  const random = randomFrom(20261203);
  const midnight = new Date(Math.floor((today.getTime() + 8 * 3_600_000) / DAY_MS) * DAY_MS);
  const rows = rowsOf(plan(first, FEEDBACK_DEMO.days, FEEDBACK_DEMO.perProjectDay, midnight, random, true), random);
  const second = await feedbackRepository.anotherOrganisation(em, 1);
  if (second !== null) {
    const theirs = await feedbackRepository.projectsOf(em, { organisationId: second, projects: null });
    rows.push(...rowsOf(plan(theirs, 14, 0.4, midnight, random, false), random));
  }
  await store(em, rows);
  log(`seeded ${rows.length} demo feedback items over ${FEEDBACK_DEMO.days} days in ${Date.now() - started} ms`);
  return rows.length;
}
