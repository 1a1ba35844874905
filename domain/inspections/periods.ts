import type { Tier } from '../checklists/generate.ts';

/** A period of a supervision tier as inclusive days [from, to], YYYY-MM-DD. */
export type Period = [from: string, to: string];

const iso = (x: Date) => x.toISOString().slice(0, 10);

/** The period of `tier` that `offset` periods from the one holding `day` (0: that one, -1: the one before). */
function periodOf(tier: Tier, day: string, offset: number): Period {
  const d = new Date(`${day}T00:00:00Z`);
  if (tier === 'daily') {
    const at = iso(new Date(d.getTime() + offset * 86400_000));
    return [at, at];
  }
  const months = tier === 'monthly' ? 1 : 3;
  const first = tier === 'monthly' ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / 3) * 3;
  const from = new Date(Date.UTC(d.getUTCFullYear(), first + offset * months, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 0));
  return [iso(from), iso(to)];
}

/** The period holding `day`: that day, its month or its quarter. */
export function currentPeriod(tier: Tier, day: string): Period {
  return periodOf(tier, day, 0);
}

/** The last whole period before `day`: the day before, last month or last quarter. */
export function lastPeriod(tier: Tier, day: string): Period {
  return periodOf(tier, day, -1);
}
