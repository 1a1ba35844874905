import { compileCached } from '../ajv.ts';
import { ValidationError, type Issue } from '../errors.ts';
import { pointer, type JsonObject, type JsonValue } from '../json.ts';
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
  const shaped: JsonObject = {};
  for (const [id, { answer }] of byId) {
    const entry: JsonObject = {};
    for (const k of ['value', 'notApplicable', 'photos', 'remark'] as const) if (answer[k] !== undefined && answer[k] !== null) entry[k] = answer[k] as JsonValue;
    shaped[id] = entry;
  }
  const validateShape = compileCached(checklist.answerSchema);
  if (!validateShape(shaped)) {
    for (const e of validateShape.errors ?? []) {
      const id = e.instancePath.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      const at = id !== undefined ? byId.get(id) : undefined;
      if (e.keyword === 'required' && e.instancePath === '') {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        issues.push({ pointer: '/answers', message: `${missing} (${items.get(missing)?.title}) is not answered: give a value, or notApplicable with the reason` });
      } else if (at && e.keyword !== 'oneOf') {
        const field = e.instancePath.split('/').slice(2).join('/');
        issues.push({ pointer: `${pointer('answers', at.index)}${field ? `/${field}` : ''}`, message: `${items.get(id!)!.title}: ${e.keyword === 'required' ? 'give a value, or notApplicable with the reason' : e.message}` });
      } else if (at && e.keyword === 'oneOf') {
        issues.push({ pointer: pointer('answers', at.index), message: `${items.get(id!)!.title}: give either a value or notApplicable with the reason, not both` });
      }
    }
  }
  for (const { answer, index } of byId.values()) {
    (answer.photos ?? []).forEach((photo, i) => {
      if (typeof photo === 'string' && !knownPhotos(photo)) issues.push({ pointer: pointer('answers', index, 'photos', i), message: `photo ${photo} has not been uploaded` });
    });
  }
  if (issues.length > 0) throw new ValidationError(`The answers do not fit checklist ${checklist.id} (${issues.length} problem${issues.length === 1 ? '' : 's'})`, dedupe(issues));

  const results: ItemResult[] = [];
  for (const item of checklist.items) {
    const { answer, index } = byId.get(item.id)!;
    if (answer.notApplicable !== undefined) {
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
