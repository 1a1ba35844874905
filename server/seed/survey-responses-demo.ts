/**
 * Demo responses for a survey wave (the brief's story): about 12,000 households of the first
 * organisation's projects answer the wave's pinned questionnaire. Overall satisfaction is driven
 * by 环境品质 most, then 服务响应 and 费用透明 (费用透明 lagging: the one to improve); NPS differs
 * by project, and the first project improves from about −12 to about +23 between the two halves
 * of the wave. Generated with a seeded PRNG (the same demo on every first start) and inserted in
 * multi-row statements, so the first start stays fast.
 */
import { seededRandom } from '../../domain/checklists/sampling.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { inTransaction } from '../../domain/shared/persistence.ts';
import { questionRoles } from '../../domain/surveys/analysis/questionnaire-roles.ts';
import type { DriverQuestion } from '../../domain/surveys/analysis/key-drivers.ts';
import { surveyDemoRepository } from './survey-demo.repository.ts';

/** Households answering per project (±15 %). */
const PER_PROJECT = 615;
/** The improving project is asked more (its two halves each carry a trend point). */
const IMPROVING_SHARE = 2.5;
const BATCH = 1000;

/** How strongly each named driver moves overall satisfaction, and how well it performs (offset on the latent scale). */
const DRIVER_STORY: Record<string, { effect: number; offset: number }> = {
  环境品质: { effect: 0.45, offset: 0.35 },
  服务响应: { effect: 0.32, offset: 0.15 },
  费用透明: { effect: 0.3, offset: -0.45 },
};
const OTHER_DRIVER = { effect: 0.06, offset: 0.2 };

/** The latent satisfaction level of a project (and of the improving project's two halves). */
const IMPROVING = [-0.39, 0.22];
const projectLevel = (index: number) => [0.1, 0.4, -0.2, 0.7, 0.25, -0.35, 0.5, 0, 0.85, 0.3, -0.1, 0.6][index % 12];

export interface DemoProject {
  id: number;
  code: string;
}

interface Draw {
  uniform: () => number;
  normal: () => number;
}

export function draws(seed: string): Draw {
  const uniform = seededRandom(seed);
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

const onScale = (latent: number, q: { min: number; max: number }) => {
  const mid = (q.min + q.max) / 2;
  const spread = (q.max - q.min) / 4.4;
  return Math.min(q.max, Math.max(q.min, Math.round(mid + latent * spread)));
};

/** One household's answers: drivers from a shared mood plus their own part, overall from the drivers, NPS from overall. */
export function household(r: Draw, level: number, drivers: DriverQuestion[], overall: DriverQuestion | null, npsKey: string | null): { answers: Record<string, number>; nps: number | null } {
  const mood = level + r.normal() * 0.8;
  const answers: Record<string, number> = {};
  let explained = 0;
  for (const d of drivers) {
    const story = DRIVER_STORY[d.name] ?? OTHER_DRIVER;
    const latent = 0.6 * mood + 0.75 * r.normal() + story.offset;
    explained += story.effect * latent;
    // one household in forty skips a driver question
    if (r.uniform() >= 0.025) answers[d.key] = onScale(latent, d);
  }
  const overallLatent = explained * 1.3 + 0.45 * r.normal();
  if (overall) answers[overall.key] = onScale(overallLatent, overall);
  const nps = npsKey ? Math.min(10, Math.max(0, Math.round(7.6 + 2.1 * overallLatent + 1.1 * r.normal()))) : null;
  if (npsKey && nps !== null) answers[npsKey] = nps;
  return { answers, nps };
}

/**
 * Inserts the demo responses of a wave for `projects` (the first one improving), spread over the
 * wave's days; returns how many. Reads the question roles from the pinned version's schema.
 */
export async function seedSurveyResponses(em: EntityManager, waveId: number, versionId: number, projects: readonly DemoProject[]): Promise<number> {
  const wave = await surveyDemoRepository.wave(em, waveId, versionId);
  if (!wave) throw new Error(`no wave ${waveId} pinning version ${versionId}`);
  const roles = questionRoles(typeof wave.schema === 'string' ? JSON.parse(wave.schema) : wave.schema);
  const opens = Date.parse(`${String(dayOf(wave.opens_on))}T09:00:00+08:00`);
  // answers are given from the wave's opening until today (never in the future), the improving project's second half better than its first
  const until = Math.min(Date.parse(`${dayOf(wave.closes_on)}T09:00:00+08:00`), Date.now() - 12 * 3_600_000);
  const days = Math.max(1, Math.floor((until - opens) / 86_400_000) + 1);
  const r = draws('survey-responses-demo');
  const rows: unknown[][] = [];
  projects.forEach((project, index) => {
    const count = Math.round(PER_PROJECT * (index === 0 ? IMPROVING_SHARE : 0.85 + 0.3 * r.uniform()));
    for (let i = 0; i < count; i++) {
      const day = Math.floor(r.uniform() * days);
      const secondHalf = day >= days / 2;
      const level = index === 0 ? IMPROVING[secondHalf ? 1 : 0] : projectLevel(index);
      const { answers, nps } = household(r, level, roles.drivers, roles.overall, roles.nps);
      const at = new Date(opens + day * 86_400_000 + Math.floor(r.uniform() * 12 * 3_600_000));
      rows.push([wave.organisation_id, waveId, project.id, versionId, JSON.stringify(answers), nps, at]);
    }
  });
  await inTransaction(em, async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await surveyDemoRepository.insertResponses(tx, batch);
    }
  });
  return rows.length;
}

function dayOf(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
