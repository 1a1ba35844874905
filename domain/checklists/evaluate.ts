import { compileCached } from '../standards/ajv.ts';
import { ValidationError, type Issue } from '../shared/errors.ts';
import { pointer, type JsonValue } from '../shared/json.ts';
import { answerTypeSchema } from './criterion.ts';
import type { Checklist, ChecklistItem } from './generate.ts';

/** An inspector's answer to one item: a value, or not applicable with the reason. */
export interface Answer {
  itemId: string;
  value?: JsonValue;
  notApplicable?: string;
  /** sha256 ids of uploaded photos */
  photos?: string[];
  remark?: string;
}

export type ItemStatus = 'passed' | 'failed' | 'not-applicable';

export interface ItemResult {
  item: ChecklistItem;
  status: ItemStatus;
  answer: Answer;
  /** why it failed, from the constraint that was not met */
  reasons: string[];
}

export interface Evaluation {
  results: ItemResult[];
  failed: ItemResult[];
  applicable: number;
  passed: number;
  /** weighted score, 0–100: weight of the passed items over the weight of the applicable ones */
  score: number;
  /** passed / applicable items, 0–1 */
  executionRate: number;
}

function reason(item: ChecklistItem, keyword: string, message: string | undefined): string {
  return keyword === 'const' || keyword === 'enum' || keyword === 'minimum' || keyword === 'maximum' || keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum'
    ? `expected ${item.criterion.en}`
    : message ?? keyword;
}

/**
 * Checks a submission against its checklist and judges every item: a wrong type, an unknown or
 * missing item, N/A without a reason or missing evidence is bad input (a ValidationError listing
 * every problem, nothing judged); otherwise each answer is validated by Ajv against the item's pinned
 * constraint, and every item that fails is returned with the reasons — a finding to be.
 */
export function evaluateAnswers(checklist: Checklist, answers: Answer[], knownPhotos: (id: string) => boolean = () => true): Evaluation {
  const issues: Issue[] = [];
  const byId = new Map<string, { answer: Answer; index: number }>();
  const items = new Map(checklist.items.map((i) => [i.id, i]));
  answers.forEach((answer, index) => {
    if (!items.has(answer.itemId)) issues.push({ pointer: pointer('answers', index, 'itemId'), message: `${answer.itemId} is not an item of checklist ${checklist.id}` });
    else if (byId.has(answer.itemId)) issues.push({ pointer: pointer('answers', index, 'itemId'), message: `${answer.itemId} is answered twice` });
    else byId.set(answer.itemId, { answer, index });
  });
  // Each answer is checked on its own against the few distinct answer-type schemas (compiled once
  // each), not against the whole checklist's answerSchema, which would compile per checklist.
  for (const item of checklist.items) {
    const at = byId.get(item.id);
    if (!at) {
      issues.push({ pointer: '/answers', message: `${item.id} (${item.title}) is not answered: give a value, or notApplicable with the reason` });
      continue;
    }
    const { answer, index } = at;
    const here = (...p: (string | number)[]) => pointer('answers', index, ...p);
    const hasValue = answer.value !== undefined && answer.value !== null;
    const na = answer.notApplicable;
    if (na !== undefined && na !== null && (typeof na !== 'string' || !/\S/.test(na) || na.length > 500)) issues.push({ pointer: here('notApplicable'), message: `${item.title}: not applicable needs the reason (1–500 characters)` });
    else if (hasValue && na != null) issues.push({ pointer: here(), message: `${item.title}: give either a value or notApplicable with the reason, not both` });
    else if (!hasValue && na == null) issues.push({ pointer: here('value'), message: `${item.title}: give a value, or notApplicable with the reason` });
    else if (hasValue) {
      const validate = compileCached(answerTypeSchema(item));
      if (!validate(answer.value)) issues.push({ pointer: here('value'), message: `${item.title}: ${validate.errors?.[0]?.message ?? 'has the wrong type'}` });
    }
    if (answer.photos !== undefined && answer.photos !== null) {
      if (!Array.isArray(answer.photos) || answer.photos.length > 20 || new Set(answer.photos).size !== answer.photos.length) issues.push({ pointer: here('photos'), message: `${item.title}: photos must be at most 20 different photo ids` });
    }
    if (answer.remark != null && (typeof answer.remark !== 'string' || answer.remark.length > 2000)) issues.push({ pointer: here('remark'), message: `${item.title}: a remark is text of at most 2000 characters` });
    const photos = [...(Array.isArray(answer.photos) ? answer.photos : []).map((p, i) => ({ p, at: here('photos', i) })),
      ...(item.input === 'photos' && Array.isArray(answer.value) ? (answer.value as unknown[]).map((p, i) => ({ p, at: here('value', i) })) : [])];
    for (const { p, at: where } of photos) {
      if (typeof p !== 'string' || !/^[0-9a-f]{64}$/.test(p)) issues.push({ pointer: where, message: `${item.title}: a photo id is the sha256 uploadPhoto returned` });
      else if (!knownPhotos(p)) issues.push({ pointer: where, message: `photo ${p} has not been uploaded` });
    }
  }
  const unique = dedupe(issues);
  if (unique.length > 0) throw new ValidationError(`The answers do not fit checklist ${checklist.id} (${unique.length} problem${unique.length === 1 ? '' : 's'})`, unique);

  const results: ItemResult[] = [];
  for (const item of checklist.items) {
    const { answer, index } = byId.get(item.id)!;
    if (answer.notApplicable != null) {
      results.push({ item, status: 'not-applicable', answer, reasons: [] });
      continue;
    }
    const validate = compileCached(item.schema);
    const ok = validate(answer.value);
    const result: ItemResult = { item, status: ok ? 'passed' : 'failed', answer, reasons: ok ? [] : [...new Set((validate.errors ?? []).map((e) => reason(item, e.keyword, e.message)))] };
    const photos = item.input === 'photos' ? (answer.value as string[]) : (answer.photos ?? []);
    if ((item.evidence === 'photo-required' || (item.evidence === 'photo-on-fail' && !ok)) && photos.length === 0) {
      issues.push({ pointer: pointer('answers', index, 'photos'), message: `${item.title}: ${item.evidence === 'photo-required' ? 'a photo is required' : 'a failed item needs a photo as evidence'}` });
    }
    results.push(result);
  }
  if (issues.length > 0) throw new ValidationError(`The answers lack evidence (${issues.length} problem${issues.length === 1 ? '' : 's'})`, issues);
  const applicable = results.filter((r) => r.status !== 'not-applicable');
  const passed = applicable.filter((r) => r.status === 'passed');
  const weight = (rs: ItemResult[]) => rs.reduce((n, r) => n + r.item.weight, 0);
  return {
    results,
    failed: applicable.filter((r) => r.status === 'failed'),
    applicable: applicable.length,
    passed: passed.length,
    score: applicable.length === 0 ? 100 : Math.round((weight(passed) / weight(applicable)) * 1000) / 10,
    executionRate: applicable.length === 0 ? 1 : Math.round((passed.length / applicable.length) * 10000) / 10000,
  };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.pointer}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
