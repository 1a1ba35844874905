import { scopeOf, type Scope } from '../organisations/scope.ts';
import { authorize } from '../shared/access.ts';
import { requireDates } from '../shared/dates.ts';
import { issue, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { getProject } from '../projects/project.service.ts';
import { isSmallSample } from '../shared/sample-size.ts';
import { effectRepository, type EffectFilter, type Totals } from './effect.repository.ts';
import { effectMessage } from './effect.messages.ts';
import { rateOf, twoProportionZ, wilson } from './effect-stats.ts';

/** An inclusive window of days (YYYY-MM-DD). */
export interface Window {
  from: string;
  to: string;
}

/** A window as given: either end may be left to the training. */
export interface WindowInput {
  from?: string | null;
  to?: string | null;
}

/** What to evaluate: a document code (module, procedure or instruction), the windows or a training to take them from. */
export interface EffectInput {
  code?: string | null;
  projectId?: number | null;
  tier?: string | null;
  before?: WindowInput | null;
  after?: WindowInput | null;
  trainingId?: number | null;
  /** with a training: the days before its first session and after its last (default 30) */
  days?: number | null;
}

/** One side's sample: its totals, rate, Wilson 95 % interval and small-sample flag. */
export interface Sample extends Totals {
  rate: number | null;
  low: number | null;
  high: number | null;
  smallSample: boolean;
}

/** A project's (or a project's instruction's) before and after. */
export interface EffectRow {
  projectId: number;
  projectCode: string;
  projectName: string;
  /** the code asked for (the project's row) or one instruction under it */
  code: string;
  level: 'project' | 'instruction';
  before: Sample;
  after: Sample;
  /** after − before in percentage points; null when either side is empty */
  changePoints: number | null;
  z: number | null;
  significant: boolean;
}

/** One week of the series around the training. */
export interface EffectWeek extends Totals {
  week: string;
  rate: number | null;
  phase: 'before' | 'between' | 'after';
}

export interface TrainingEffect {
  code: string;
  projectId: number | null;
  tier: string | null;
  trainingId: number | null;
  trainingTitle: string | null;
  before: Window;
  after: Window;
  rows: EffectRow[];
  weeks: EffectWeek[];
}

export const DEFAULT_EFFECT_DAYS = 30;
const CODE = /^([A-Z][A-Z0-9]*[-.])?M0[1-7](\.P\d{2}(\.W\d{3})?)?$/;
const day = (d: string, delta: number) => new Date(Date.parse(`${d}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);

function sample(t: Totals | undefined): Sample {
  const s = t ?? { applicable: 0, passed: 0, inspections: 0 };
  const w = wilson(s.passed, s.applicable);
  return { ...s, rate: rateOf(s.passed, s.applicable), low: w?.low ?? null, high: w?.high ?? null, smallSample: isSmallSample(s.applicable) };
}

type SideRow = Awaited<ReturnType<typeof effectRepository.byProject>>[number];

/** One window's rows by key: each project, then (for a module or procedure) each of its instructions. */
async function readSide(ctx: ServiceContext, scope: Scope, filter: EffectFilter, window: Window): Promise<Map<string, SideRow>> {
  const projects = await effectRepository.byProject(ctx.em, scope, filter, window, false);
  const codes = /\.W\d{3}$/.test(filter.code) ? [] : await effectRepository.byProject(ctx.em, scope, filter, window, true);
  return new Map([...projects, ...codes].map((r) => [`${r.projectCode} ${r.code ?? ''}`, r]));
}

/** Where a week (from its Monday) lies: wholly before the after window and starting in the before one, in the after window, or between. */
function phaseOf(week: string, windows: { before: Window; after: Window }): EffectWeek['phase'] {
  if (day(week, 6) < windows.after.from) return week <= windows.before.to ? 'before' : 'between';
  return week > windows.before.to ? 'after' : 'between';
}

/** Checks the input's shape all at once: code, days, dates, each window in order, before ending before after. */
function requireInput(input: EffectInput, before: Partial<Window>, after: Partial<Window>): void {
  requireDates({ 'before/from': before.from, 'before/to': before.to, 'after/from': after.from, 'after/to': after.to });
  const issues: Issue[] = [];
  if (input.code != null && !CODE.test(input.code)) issues.push(issue('/code', effectMessage('effect.code_rule', { value: input.code })));
  if (input.days != null && !(Number.isInteger(input.days) && input.days >= 1 && input.days <= 365)) issues.push(issue('/days', effectMessage('effect.days_rule', { value: input.days })));
  for (const [name, w] of [['before', before], ['after', after]] as const) {
    if (!w.from || !w.to) issues.push(issue(`/${name}`, effectMessage('effect.window_missing')));
    else if (w.from > w.to) issues.push(issue(`/${name}/to`, effectMessage('effect.window_reversed', { from: w.from, to: w.to })));
  }
  if (before.to && after.from && before.to >= after.from) issues.push(issue('/after/from', effectMessage('effect.windows_overlap', { to: before.to, from: after.from })));
  if (issues.length > 0) throw new ValidationError(effectMessage('effect.bad_input', { names: issues.map((i) => i.pointer.slice(1)) }), issues);
}

/** The windows (and code, project) a training implies: N days before its first session, N after its last. */
async function fromTraining(ctx: ServiceContext, scope: Scope, input: EffectInput) {
  const span = await effectRepository.trainingSpan(ctx.em, scope, input.trainingId!);
  if (!span) throw new NotFoundError(effectMessage('effect.training_not_found', { id: input.trainingId! }), String(input.trainingId));
  const days = input.days ?? DEFAULT_EFFECT_DAYS;
  const usable = Number.isInteger(days) && days >= 1 && days <= 365;
  if ((!span.first || !span.last) && !(input.before && input.after)) {
    throw new ValidationError(effectMessage('effect.training_no_sessions', { id: input.trainingId! }), [issue('/trainingId', effectMessage('effect.training_no_sessions', { id: input.trainingId! }))]);
  }
  const before: Partial<Window> = span.first && usable ? { from: day(span.first, -days), to: day(span.first, -1) } : {};
  const after: Partial<Window> = span.last && usable ? { from: day(span.last, 1), to: day(span.last, days) } : {};
  return { span, before, after };
}

/**
 * The execution rate of a code's items before and after a training, per project (and per
 * instruction when a module or procedure is given): samples, rates with Wilson intervals, the
 * change in points with a two-proportion z-test, and a weekly series across both windows. Windows
 * come from the input or, given a training, from its sessions. A project manager sees their projects.
 */
export async function trainingEffect(ctx: ServiceContext, input: EffectInput): Promise<TrainingEffect> {
  authorize(ctx.actor, 'readTraining');
  const scope = scopeOf(ctx.actor, 'readTraining');
  const derived = input.trainingId != null ? await fromTraining(ctx, scope, input) : null;
  const before = { from: input.before?.from ?? derived?.before.from, to: input.before?.to ?? derived?.before.to };
  const after = { from: input.after?.from ?? derived?.after.from, to: input.after?.to ?? derived?.after.to };
  const code = input.code ?? derived?.span.code ?? null;
  requireInput({ ...input, code }, before, after);
  if (!code) throw new ValidationError(effectMessage('effect.bad_input', { names: ['code'] }), [issue('/code', effectMessage('effect.code_rule', { value: '' }))]);
  const projectId = input.projectId ?? (derived?.span.projects.length === 1 ? derived.span.projects[0] : null);
  if (projectId != null) await getProject(ctx.em, projectId, scope);
  const filter: EffectFilter = { code, projectId, tier: input.tier ?? null };
  const windows = { before: before as Window, after: after as Window };

  const sides = { before: await readSide(ctx, scope, filter, windows.before), after: await readSide(ctx, scope, filter, windows.after) };
  const keys = [...new Set([...sides.before.keys(), ...sides.after.keys()])].sort();
  const rows = keys.map((key) => {
    const head = (sides.before.get(key) ?? sides.after.get(key))!;
    const b = sample(sides.before.get(key));
    const a = sample(sides.after.get(key));
    const test = twoProportionZ(b, a);
    return {
      projectId: head.projectId, projectCode: head.projectCode, projectName: head.projectName, code: head.code ?? code, level: head.code === null ? 'project' as const : 'instruction' as const,
      before: b, after: a, changePoints: a.rate === null || b.rate === null ? null : Math.round((a.rate - b.rate) * 10000) / 100, z: test?.z ?? null, significant: test?.significant ?? false,
    };
  });
  const weeks = (await effectRepository.weekly(ctx.em, scope, filter, windows.before.from, windows.after.to)).map((w) => ({ ...w, rate: rateOf(w.passed, w.applicable), phase: phaseOf(w.week, windows) }));
  return { code, projectId, tier: filter.tier ?? null, trainingId: input.trainingId ?? null, trainingTitle: derived?.span.title ?? null, ...windows, rows, weeks };
}
