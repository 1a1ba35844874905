import type { PlaceKind } from '../../domain/standards/place-kinds.ts';

/**
 * The authoring format of the shipped standards library. Quality staff write these tables of domain
 * facts (one file per procedure, one per module); `npm run library:build` turns them into the JSON
 * Schema documents under `library/shipped/`, the touchpoint list, the platinum variant and the
 * history of the editions 2026-Q3 → 2026-Q4 → 2027-Q1. The tables hold the documents as they read
 * now; the 2026-Q3 wording of documents revised in 2026-Q4 is kept beside them (`revision.before`),
 * and the places of check items, first published in 2027-Q1, are left out of the earlier editions
 * by the build. The JSON files are what Pinzhi imports; these tables are how they are kept.
 */

/** GB/T 19001-2016 clause numbers, e.g. '8.5.1' (the builder writes "GB/T 19001-2016 8.5.1"). */
export type Clause = string;

export type Tier = 'daily' | 'monthly' | 'quarterly' | 'scenario' | 'mystery';
export type Severity = 'critical' | 'major' | 'minor';
export type Method = '目视' | '测量' | '查阅记录' | '询问' | '抽查';
export type Evidence = 'none' | 'photo-on-fail' | 'photo-required' | 'document';

/** The text of a standard: every field in Chinese, specific to the document (no shared boilerplate). */
export interface BodySource {
  purpose: string;
  scope: string;
  definitions?: string[];
  responsibilities: string[];
  steps: string[];
  requirements?: string[];
  records: string[];
  references?: string[];
}

/** What the inspector enters, and the constraint that is the pass criterion. */
export type ItemInput =
  /** pass/fail: the answer must be `true` (符合). */
  | { kind: 'pass' }
  /** a counted whole number, e.g. cleanings per day (`min: 3`), with a unit. */
  | { kind: 'count'; unit: string; min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number }
  /** a measured or computed number, e.g. lux, minutes, %, days since the last test. */
  | { kind: 'measure'; unit: string; min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number; multipleOf?: number }
  /** a rating on a scale: `options` is the whole scale in display order, `pass` the options that pass. */
  | { kind: 'rating'; options: string[]; pass: string[] }
  /** free text that must be filled in (minLength, default 1), optionally matching an RE2 pattern. */
  | { kind: 'text'; minLength?: number; maxLength?: number; pattern?: string }
  /** photos that must be taken (at least `min`, default 1); evidence is then 'photo-required'. */
  | { kind: 'photos'; min?: number; max?: number };

/**
 * One check item of a work instruction. `key` is its property name (lowerCamelCase English, unique
 * within the instruction); title and description are Chinese and say exactly what is looked at.
 */
export interface ItemSource {
  key: string;
  title: string;
  description: string;
  input: ItemInput;
  tiers: Tier[];
  severity: Severity;
  weight: number;
  method: Method;
  evidence: Evidence;
  /** touchpoint numbers, e.g. [41, 42] for TP-041 and TP-042; at least one. */
  touchpoints: number[];
  rectifyWithinHours: number;
  /** an optional hint for the inspector (how to measure, where to look). */
  hint?: string;
  /** the kind of place the item is checked at (`x-check.place`), when it is not its instruction's place. */
  place?: PlaceKind;
}

/** A change the platinum variant (白金服务标准, commercial complexes) makes to one instruction. */
export interface PlatinumSource {
  /** why the platinum standard differs here (Chinese). */
  note: string;
  /** tighter limits or pass options for existing items, by key: only the fields that change. */
  tighten?: Record<string, { min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number; pass?: string[]; tiers?: Tier[]; severity?: Severity; weight?: number; rectifyWithinHours?: number; description?: string }>;
  /** items the platinum standard adds. */
  add?: ItemSource[];
}

/** Who changed a document between editions, and why (Chinese note). */
export interface RevisionInfo {
  author: string;
  note: string;
}

export interface InstructionSource {
  code: string;
  /**
   * the kind of place its items are checked at (`x-check.place`, from 2027-Q1), unless an item names
   * its own; every item of a current instruction has one (the build refuses an item without).
   */
  place?: PlaceKind;
  title: string;
  description: string;
  clauses: Clause[];
  body: BodySource;
  /** 4–12 items. */
  items: ItemSource[];
  platinum?: PlatinumSource;
  /** revised in 2026-Q4: `before` holds the fields as they read in 2026-Q3 (whole values). */
  revision?: RevisionInfo & { before: Partial<Pick<InstructionSource, 'title' | 'description' | 'clauses' | 'body' | 'items'>> };
  /** first published in 2026-Q4 (absent from 2026-Q3). */
  introduced?: RevisionInfo;
  /** in 2026-Q3 only: retired in 2026-Q4 (not part of the current library). */
  retired?: RevisionInfo;
}

export interface ProcedureSource {
  code: string;
  title: string;
  description: string;
  clauses: Clause[];
  body: BodySource;
  instructions: InstructionSource[];
}

export interface TouchpointSource {
  /** e.g. 41 for TP-041 */
  number: number;
  name: string;
  /** journey stage */
  stage: '入住' | '日常居住' | '出行停车' | '报事报修' | '装修' | '缴费' | '社区活动' | '访客来访' | '紧急求助';
  place: string;
}

export interface ModuleSource {
  code: string;
  title: string;
  description: string;
  clauses: Clause[];
  body: BodySource;
  touchpoints: TouchpointSource[];
  procedures: ProcedureSource[];
}
