/**
 * A training's quiz: 3–10 multiple-choice questions generated deterministically from the changed
 * items (a moved limit, an added or removed item, a reworded step); a first version's, or one
 * with too few changes, is filled up from the version's own limits. Scoring is here too.
 */
import type { JsonObject } from '../shared/json.ts';
import { describeChanges, type Change } from '../standards/diff/semantic-diff.ts';
import { changedEntries, isLimitChange, itemsOf, LIMIT_WORDS, titleOf, withUnit } from './material.ts';
import type { QuizQuestion } from './training.entity.ts';

export const QUIZ_SIZE = { min: 3, max: 10 } as const;

/** A question before its options are ordered; `numeric` holds the values of limit options (right first). */
type Draft = Omit<QuizQuestion, 'id' | 'answer' | 'options'> & { right: string; wrong: string[]; numeric?: number[] };

/** The quiz of version `to` against `from` (null: a first version). */
export function quizOf(from: JsonObject | null, to: JsonObject): QuizQuestion[] {
  const drafts = from === null ? [] : describeChanges(from, to).flatMap((c) => fromChange(c, from, to));
  const asked = new Set(drafts.map((d) => d.pointer));
  for (const [key, field] of limitsOf(to)) {
    if (drafts.length >= QUIZ_SIZE.min) break;
    if (asked.has(`${key}/${field}`)) continue;
    drafts.push(limitQuestion(to, key, field, itemsOf(to)[key][field] as number, null, '中'));
  }
  return drafts.filter((d) => d.wrong.length > 0).slice(0, QUIZ_SIZE.max).map((d, i) => finish(d, i));
}

/** Scores answers (question id → option index): one point per right answer. */
export function scoreQuiz(quiz: readonly QuizQuestion[], answers: Readonly<Record<string, number>>): number {
  return quiz.filter((q) => answers[q.id] === q.answer).length;
}

function fromChange(c: Change, from: JsonObject, to: JsonObject): Draft[] {
  if (isLimitChange(c)) return [limitQuestion(to, c.item!, c.field!, c.after as number, c.before as number, '新版本中')];
  if (c.kind === 'item-added' || c.kind === 'item-removed') {
    const added = c.kind === 'item-added';
    const others = Object.keys(itemsOf(added ? to : from)).filter((k) => k !== c.item && k in itemsOf(from) && k in itemsOf(to));
    return [{ pointer: c.item!, prompt: added ? '新版本新增了哪个检查项？' : '新版本删除了哪个检查项？', right: titleOf(added ? to : from, c.item!), wrong: others.slice(0, 3).map((k) => titleOf(to, k)) }];
  }
  if (c.kind === 'text-changed' && c.field === 'x-standard/body/steps') {
    return changedEntries(c.before, c.after).filter((e) => e.before !== undefined && e.after !== undefined).map((e) => ({
      pointer: `${c.field}/${e.index}`, prompt: `新版本作业步骤第${e.index + 1}条的要求是？`, right: e.after!, wrong: [e.before!, '该步骤已删除'],
    }));
  }
  return [];
}

/** "What is the limit of X?" — the right value, the old one, and values the same distance away. */
function limitQuestion(to: JsonObject, key: string, field: string, value: number, old: number | null, lead: string): Draft {
  const step = old !== null && old !== value ? Math.abs(value - old) : Math.max(1, Math.round(Math.abs(value) * 0.2));
  const candidates = [old, value + step, value - step, value + 2 * step, value - 2 * step].filter((v): v is number => v !== null && v !== value && (value < 0 || v >= 0));
  const wrong = [...new Set(candidates)].slice(0, 3);
  const item = itemsOf(to)[key];
  return { pointer: `${key}/${field}`, prompt: `${lead}「${titleOf(to, key)}」的${LIMIT_WORDS[field]}是？`, right: withUnit(item, value), wrong: wrong.map((v) => withUnit(item, v)), numeric: [value, ...wrong] };
}

/** Every numeric limit of the version's items, in item order. */
function limitsOf(schema: JsonObject): [string, string][] {
  return Object.entries(itemsOf(schema)).flatMap(([key, item]) => Object.keys(LIMIT_WORDS).filter((f) => typeof item[f] === 'number').map((f): [string, string] => [key, f]));
}

/** Orders the options (numbers by value, texts by code point), so the right one is not always first. */
function finish(d: Draft, i: number): QuizQuestion {
  const options = [d.right, ...d.wrong].map((text, k) => ({ text, key: d.numeric ? d.numeric[k] : text }));
  options.sort((a, b) => (typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key) < String(b.key) ? -1 : 1));
  return { id: `q${i + 1}`, prompt: d.prompt, options: options.map((o) => o.text), answer: options.findIndex((o) => o.text === d.right), pointer: d.pointer };
}
