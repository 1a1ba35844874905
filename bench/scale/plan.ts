import { mulberry32 } from '../../domain/checklists/sampling.ts';

/** The generator's version: part of a loaded database's name, so a changed generator never reuses an older load. */
export const GENERATOR_VERSION = 2;

/** The size of a data set: 1× is a company of the source's size, 100× a national one (500 projects over 5 years). */
export interface Scale {
  factor: number;
  seed: number;
  projects: number;
  years: number;
  /** the first day inspected (YYYY-MM-DD); the last is the day before `years` later */
  from: string;
}

/** The scale of a factor: five projects per 1×, five years ending on 2026-11-30 (fixed, so loads are comparable). */
export function scaleOf(factor: number, seed = 1): Scale {
  if (!Number.isFinite(factor) || factor <= 0 || factor > 1000) throw new RangeError(`factor must be in (0, 1000], got ${factor}`);
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  return { factor, seed, projects: Math.max(1, Math.round(factor * 5)), years: 5, from: '2021-12-01' };
}

/** A seeded stream of numbers in [0, 1) (mulberry32): one per project, so projects generate independently. */
export function stream(seed: number, projectIndex: number): () => number {
  return mulberry32((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(projectIndex + 1, 0xc2b2ae35)) >>> 0);
}

/** Every day of the scale's span, as YYYY-MM-DD. */
export function daysOf(scale: Scale): string[] {
  const start = Date.parse(`${scale.from}T00:00:00Z`);
  const end = Date.UTC(new Date(start).getUTCFullYear() + scale.years, new Date(start).getUTCMonth(), new Date(start).getUTCDate());
  const days: string[] = [];
  for (let t = start; t < end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
