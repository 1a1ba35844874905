/**
 * The rules of regional flying inspections (区域飞检), free of persistence: which of a region's
 * projects a month's sample takes, which supervisor flies into each, and how an assignment stands.
 */
import { seededRandom } from '../checklists/sampling.ts';

/** The quarter a month (YYYY-MM) lies in, e.g. 2026-Q4, and the month's place in it (0, 1, 2). */
export function quarterOf(month: string): { quarter: string; index: number } {
  const m = Number(month.slice(5, 7)) - 1;
  return { quarter: `${month.slice(0, 4)}-Q${Math.floor(m / 3) + 1}`, index: m % 3 };
}

/** The three months (YYYY-MM) of the quarter holding a month. */
export function monthsOfQuarter(month: string): string[] {
  const { index } = quarterOf(month);
  return [0, 1, 2].map((i) => addMonths(month, i - index));
}

/** The first and last day (YYYY-MM-DD) of a month. */
export function monthDays(month: string): [from: string, to: string] {
  const [y, m] = month.split('-').map(Number);
  return [`${month}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
}

/** The month (YYYY-MM) `offset` months from `month`. */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 7);
}

/**
 * A month's sample of a region's projects (by code): the projects, sorted by code, are shuffled
 * once per quarter with a generator seeded by `<region code>|<quarter>` and dealt into three
 * groups, one per month of the quarter — about a third each month, and every project visited
 * within the quarter. A month whose group is empty (a region of one or two projects) still takes
 * one. The same region, month and projects always give the same sample.
 */
export function drawSample(regionCode: string, month: string, projectCodes: readonly string[]): string[] {
  if (projectCodes.length === 0) return [];
  const { quarter, index } = quarterOf(month);
  const order = [...projectCodes].sort();
  const random = seededRandom(`${regionCode}|${quarter}`);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const group = order.filter((_, i) => i % 3 === index);
  return group.length > 0 ? group : [order[index % order.length]];
}

/**
 * Deals sampled projects to supervisors, least loaded first: each project goes to the supervisor
 * with the fewest assignments so far (`load`: what they already carry, e.g. earlier months of the
 * quarter), ties to the one first by username. No supervisors: every project stays unassigned.
 */
export function assignSupervisors(projects: readonly number[], supervisors: readonly string[], load: ReadonlyMap<string, number> = new Map()): (string | null)[] {
  const names = [...new Set(supervisors)].sort();
  if (names.length === 0) return projects.map(() => null);
  const carried = new Map(names.map((n) => [n, load.get(n) ?? 0]));
  return projects.map(() => {
    const next = names.reduce((best, n) => (carried.get(n)! < carried.get(best)! ? n : best));
    carried.set(next, carried.get(next)! + 1);
    return next;
  });
}

/**
 * How a flying inspection stands: `done` when a monthly inspection of the project fell within the
 * month, `late` when the first one came in the month after, `missing` once the month passed without
 * one, `planned` while the month runs.
 */
export type FlyingStatus = 'planned' | 'done' | 'late' | 'missing';

/** The status of an assignment for `month`, given the first monthly inspection on or after its first day (within the next month) and today. */
export function flyingStatus(month: string, firstInspectedOn: string | null, today: string): FlyingStatus {
  const [, last] = monthDays(month);
  if (firstInspectedOn !== null) return firstInspectedOn <= last ? 'done' : 'late';
  return today > last ? 'missing' : 'planned';
}
