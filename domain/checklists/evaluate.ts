import { compileCached } from '../standards/ajv.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import type { ErrorObject } from 'ajv';
import { ajvErrorMessage } from '../standards/ajv.messages.ts';
import type { Message } from '../shared/messages.ts';
import { checklistMessage as m } from './checklist.messages.ts';
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
  /** why it failed, from the constraint that was not met (one message per distinct reason) */
  reasons: Message[];
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

/** Why an answer failed: the criterion, when a bound or an allowed value was missed; Ajv's reason otherwise. */
function reason(item: ChecklistItem, error: ErrorObject): Message {
  return ['const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(error.keyword)
    ? m('answers.reason_expected', { criterionZh: item.criterion.zh, criterionEn: item.criterion.en })
    : ajvErrorMessage(error);
}

/** The distinct reasons, in the order first met. */
function distinct(reasons: Message[]): Message[] {
  return [...new Map(reasons.map((r) => [r.message, r])).values()];
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
    if (!items.has(answer.itemId)) issues.push(issue(pointer('answers', index, 'itemId'), m('answers.item_unknown', { item: answer.itemId, checklist: checklist.id })));
    else if (byId.has(answer.itemId)) issues.push(issue(pointer('answers', index, 'itemId'), m('answers.item_twice', { item: answer.itemId })));
    else byId.set(answer.itemId, { answer, index });
  });
  // Each answer is checked on its own against the few distinct answer-type schemas (compiled once
  // each), not against the whole checklist's answerSchema, which would compile per checklist.
  for (const item of checklist.items) {
    const at = byId.get(item.id);
    if (!at) {
      issues.push(issue('/answers', m('answers.item_missing', { item: item.id, title: item.title })));
      continue;
    }
    const { answer, index } = at;
    const here = (...p: (string | number)[]) => pointer('answers', index, ...p);
    const hasValue = answer.value !== undefined && answer.value !== null;
    const na = answer.notApplicable;
    if (na !== undefined && na !== null && (typeof na !== 'string' || !/\S/.test(na) || na.length > 500)) issues.push(issue(here('notApplicable'), m('answers.na_reason', { title: item.title })));
    else if (hasValue && na != null) issues.push(issue(here(), m('answers.value_and_na', { title: item.title })));
    else if (!hasValue && na == null) issues.push(issue(here('value'), m('answers.value_missing', { title: item.title })));
    else if (hasValue) {
      const validate = compileCached(answerTypeSchema(item));
      if (!validate(answer.value)) issues.push(issue(here('value'), m('answers.value_invalid', { title: item.title, problem: validate.errors?.[0] ? ajvErrorMessage(validate.errors[0]) : m('answers.wrong_type') })));
    }
    if (answer.photos !== undefined && answer.photos !== null) {
      if (!Array.isArray(answer.photos) || answer.photos.length > 20 || new Set(answer.photos).size !== answer.photos.length) issues.push(issue(here('photos'), m('answers.photos_invalid', { title: item.title })));
    }
    if (answer.remark != null && (typeof answer.remark !== 'string' || answer.remark.length > 2000)) issues.push(issue(here('remark'), m('answers.remark_invalid', { title: item.title })));
    const photos = [...(Array.isArray(answer.photos) ? answer.photos : []).map((p, i) => ({ p, at: here('photos', i) })),
      ...(item.input === 'photos' && Array.isArray(answer.value) ? (answer.value as unknown[]).map((p, i) => ({ p, at: here('value', i) })) : [])];
    for (const { p, at: where } of photos) {
      if (typeof p !== 'string' || !/^[0-9a-f]{64}$/.test(p)) issues.push(issue(where, m('answers.photo_id_invalid', { title: item.title })));
      else if (!knownPhotos(p)) issues.push(issue(where, m('answers.photo_not_uploaded', { photo: p })));
    }
  }
  const unique = dedupe(issues);
  if (unique.length > 0) throw new ValidationError(m('answers.invalid', { checklist: checklist.id, count: unique.length }), unique);

  const results: ItemResult[] = [];
  for (const item of checklist.items) {
    const { answer, index } = byId.get(item.id)!;
    if (answer.notApplicable != null) {
      results.push({ item, status: 'not-applicable', answer, reasons: [] });
      continue;
    }
    const validate = compileCached(item.schema);
    const ok = validate(answer.value);
    const result: ItemResult = { item, status: ok ? 'passed' : 'failed', answer, reasons: ok ? [] : distinct((validate.errors ?? []).map((e) => reason(item, e))) };
    const photos = item.input === 'photos' ? (answer.value as string[]) : (answer.photos ?? []);
    if ((item.evidence === 'photo-required' || (item.evidence === 'photo-on-fail' && !ok)) && photos.length === 0) {
      issues.push(issue(pointer('answers', index, 'photos'), m(item.evidence === 'photo-required' ? 'answers.photo_required' : 'answers.photo_on_fail', { title: item.title })));
    }
    results.push(result);
  }
  if (issues.length > 0) throw new ValidationError(m('answers.lack_evidence', { count: issues.length }), issues);
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
