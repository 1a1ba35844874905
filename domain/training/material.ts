/**
 * A training's material, in words: the changes of a published version against the one before it
 * (from the semantic diff), grouped by item; or, for a first version, its items and steps.
 */
import type { JsonObject, JsonValue } from '../shared/json.ts';
import { describeChanges, type Change } from '../standards/diff/semantic-diff.ts';
import type { MaterialPoint } from './training.entity.ts';

/** Chinese names of a limit keyword. */
export const LIMIT_WORDS: Record<string, string> = {
  maximum: '上限', minimum: '下限', exclusiveMaximum: '上限（不含）', exclusiveMinimum: '下限（不含）',
  maxLength: '最大长度', minLength: '最小长度', maxItems: '最多条数', minItems: '最少条数',
};

/** Chinese names of the parts of a document's body. */
const BODY_WORDS: Record<string, string> = {
  purpose: '目的', scope: '适用范围', definitions: '术语定义', responsibilities: '职责', steps: '作业步骤',
  requirements: '质量要求', records: '记录', references: '引用文件',
};

/** The check items of a document, by key. */
export function itemsOf(schema: JsonObject): Record<string, JsonObject> {
  return (schema.properties ?? {}) as Record<string, JsonObject>;
}

/** An item's title (its key when it has none). */
export function titleOf(schema: JsonObject, key: string): string {
  const title = itemsOf(schema)[key]?.title;
  return typeof title === 'string' ? title : key;
}

/** A limit with the item's unit, e.g. `15秒`. */
export function withUnit(item: JsonObject | undefined, value: JsonValue | undefined): string {
  const unit = (item?.['x-check'] as JsonObject | undefined)?.unit;
  return `${String(value)}${typeof unit === 'string' ? unit : ''}`;
}

/** Whether a change moved a numeric limit of an item. */
export function isLimitChange(c: Change): boolean {
  return c.item !== undefined && c.field !== undefined && c.field in LIMIT_WORDS && typeof c.before === 'number' && typeof c.after === 'number';
}

/** The entries of a body list that differ between versions: index, old text (absent: added), new text (absent: removed). */
export function changedEntries(before: JsonValue | undefined, after: JsonValue | undefined): { index: number; before?: string; after?: string }[] {
  const a = Array.isArray(before) ? before.map(String) : typeof before === 'string' ? [before] : [];
  const b = Array.isArray(after) ? after.map(String) : typeof after === 'string' ? [after] : [];
  const out: { index: number; before?: string; after?: string }[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i] || (b[i] !== undefined && a.includes(b[i]))) continue;
    out.push({ index: i, ...(a[i] === undefined || b.includes(a[i]) ? {} : { before: a[i] }), ...(b[i] === undefined ? {} : { after: b[i] }) });
  }
  return out;
}

/** The material of version `to` against `from` (null: a first version). */
export function materialOf(from: JsonObject | null, to: JsonObject): MaterialPoint[] {
  if (from === null) return firstVersionMaterial(to);
  const points = describeChanges(from, to).flatMap((c) => pointsOf(c, from, to));
  // grouped by item (or part of the body), in the order the diff first names each
  const order = [...new Set(points.map((p) => p.pointer))];
  return points.map((p, i) => ({ p, i })).sort((x, y) => order.indexOf(x.p.pointer) - order.indexOf(y.p.pointer) || x.i - y.i).map((x) => x.p);
}

function pointsOf(c: Change, from: JsonObject, to: JsonObject): MaterialPoint[] {
  if (c.item !== undefined) {
    const pointer = c.item;
    const title = titleOf(c.kind === 'item-removed' ? from : to, c.item);
    if (isLimitChange(c)) {
      const item = itemsOf(to)[c.item];
      const kind = c.kind === 'constraint-tightened' ? 'tightened' : c.kind === 'constraint-loosened' ? 'loosened' : 'other';
      const verb = kind === 'tightened' ? '收紧为' : kind === 'loosened' ? '放宽为' : '改为';
      return [{ pointer, kind, text: `检查项「${title}」的${LIMIT_WORDS[c.field!]}由 ${withUnit(item, c.before)} ${verb} ${withUnit(item, c.after)}` }];
    }
    if (c.kind === 'item-added') {
      const description = itemsOf(to)[c.item]?.description;
      return [{ pointer, kind: 'added', text: `新增检查项「${title}」${typeof description === 'string' ? `：${description}` : ''}` }];
    }
    if (c.kind === 'item-removed') return [{ pointer, kind: 'removed', text: `删除检查项「${title}」` }];
    const reworded = c.kind === 'text-changed' || (c.kind === 'check-changed' && typeof c.after === 'string');
    return [{ pointer, kind: reworded ? 'reworded' : 'other', text: c.summaryZh }];
  }
  const part = c.field?.startsWith('x-standard/body/') ? c.field.slice('x-standard/body/'.length) : null;
  if (part !== null && part in BODY_WORDS && c.kind === 'text-changed') {
    const word = BODY_WORDS[part];
    const entries = changedEntries(c.before, c.after);
    if (entries.length > 0) {
      return entries.map((e) => ({
        pointer: c.field!,
        kind: e.before !== undefined && e.after !== undefined ? 'reworded' : e.after !== undefined ? 'added' : 'removed',
        text: e.before !== undefined && e.after !== undefined
          ? `${word}第${e.index + 1}条改为：「${e.after}」（原为：「${e.before}」）`
          : e.after !== undefined ? `新增${word}第${e.index + 1}条：「${e.after}」` : `删除${word}：「${e.before}」`,
      }));
    }
  }
  return [{ pointer: c.field ?? c.pointer, kind: c.kind === 'text-changed' ? 'reworded' : 'other', text: c.summaryZh }];
}

/** A first version: each item with its limits, then each step. */
function firstVersionMaterial(to: JsonObject): MaterialPoint[] {
  const items = Object.entries(itemsOf(to)).map(([key, item]): MaterialPoint => {
    const limits = Object.keys(LIMIT_WORDS).filter((k) => typeof item[k] === 'number').map((k) => `${LIMIT_WORDS[k]} ${withUnit(item, item[k])}`);
    const description = typeof item.description === 'string' ? `：${item.description}` : '';
    return { pointer: key, kind: 'item', text: `检查项「${titleOf(to, key)}」${description}${limits.length ? `（${limits.join('，')}）` : ''}` };
  });
  const steps = (((to['x-standard'] as JsonObject | undefined)?.body as JsonObject | undefined)?.steps ?? []) as JsonValue[];
  return [...items, ...(Array.isArray(steps) ? steps : []).map((s, i): MaterialPoint => ({ pointer: 'x-standard/body/steps', kind: 'step', text: `作业步骤第${i + 1}条：${String(s)}` }))];
}
