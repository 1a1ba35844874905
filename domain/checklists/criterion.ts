import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';

/** How an inspector answers a check item. */
export type InputKind = 'boolean' | 'integer' | 'number' | 'choice' | 'text' | 'photos';

/** The pass criterion of a check item, in words, for people on both sides of the language line. */
export interface Criterion {
  zh: string;
  en: string;
}

const UNIT_EN: Record<string, string> = {
  分钟: 'min', 秒: 's', 天: 'days', 小时: 'h', 工作日: 'working days', 月: 'months', 年: 'years', 学时: 'class hours',
  '次/日': 'times/day', '次/周': 'times/week', '次/月': 'times/month', '次/季': 'times/quarter', '次/年': 'times/year', '次/班': 'times/shift', 次: 'times',
  '小时/日': 'h/day', '件/月': 'items/month', '个/100米': 'per 100 m', '只/盒': 'per box', '株/㎡': 'plants/㎡', '张/亩': 'cards/mu',
  处: 'places', 辆: 'vehicles', 人: 'persons', 户: 'households', 具: 'units', 台: 'units', 个: 'pcs', 件: 'pcs', 块: 'pcs', 套: 'sets',
  袋: 'bags', 条: 'items', 项: 'items', 笔: 'entries', 种: 'kinds', 宗: 'cases', 份: 'copies', 株: 'plants', 声: 'rings',
  分: 'points', 级: 'level', 元: 'yuan', 米: 'm', 千克: 'kg',
};

/** The unit in English (symbols such as lx, ℃, %, mg/L stay as they are). */
export function unitEn(unit: string): string {
  return UNIT_EN[unit] ?? unit;
}

/** What kind of answer an item takes, read from its JSON Schema. */
export function inputKind(item: JsonObject): InputKind {
  if (item.type === 'boolean') return 'boolean';
  if (item.type === 'array') return 'photos';
  if (Array.isArray(item.enum)) return 'choice';
  if (item.type === 'integer') return 'integer';
  if (item.type === 'number') return 'number';
  return 'text';
}

const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

function numeric(item: JsonObject, unit: string | undefined): Criterion {
  const [zu, eu] = unit ? [` ${unit}`, ` ${unitEn(unit)}`] : ['', ''];
  const min = num(item.minimum);
  const max = num(item.maximum);
  const xmin = num(item.exclusiveMinimum);
  const xmax = num(item.exclusiveMaximum);
  if (min !== undefined && max !== undefined) {
    if (min === max) return { zh: `= ${min}${zu}`, en: `= ${min}${eu}` };
    return { zh: `${min}–${max}${zu}`, en: `${min}–${max}${eu}` };
  }
  const parts: [string, number][] = [];
  if (min !== undefined) parts.push(['≥', min]);
  if (xmin !== undefined) parts.push(['>', xmin]);
  if (max !== undefined) parts.push(['≤', max]);
  if (xmax !== undefined) parts.push(['<', xmax]);
  if (parts.length === 0) return { zh: `填写数值${unit ? `（${unit}）` : ''}`, en: `any value${eu}` };
  return { zh: parts.map(([op, v]) => `${op} ${v}${zu}`).join('，'), en: parts.map(([op, v]) => `${op} ${v}${eu}`).join(', ') };
}

/**
 * The pass criterion in words, generated from the item's constraint: `≥ 3 次/日` / `≥ 3 times/day`,
 * `是` / `Yes`, `优 或 良` / `优 or 良`, `至少 1 张照片` / `at least 1 photo`.
 */
export function describeCriterion(item: JsonObject): Criterion {
  const check = isJsonObject(item['x-check']) ? item['x-check'] : {};
  const unit = typeof check.unit === 'string' ? check.unit : undefined;
  switch (inputKind(item)) {
    case 'boolean':
      return item.const === false ? { zh: '否', en: 'No' } : { zh: '是', en: 'Yes' };
    case 'choice': {
      const values = (item.enum as JsonValue[]).map(String);
      return { zh: values.join(' 或 '), en: values.length === 1 ? values[0] : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` };
    }
    case 'integer':
    case 'number':
      return numeric(item, unit);
    case 'photos': {
      const n = num(item.minItems) ?? 0;
      return n > 0 ? { zh: `至少 ${n} 张照片`, en: `at least ${n} photo${n === 1 ? '' : 's'}` } : { zh: '照片（可选）', en: 'photos (optional)' };
    }
    case 'text': {
      if (typeof item.pattern === 'string') return { zh: `按格式填写：${item.pattern}`, en: `in the format ${item.pattern}` };
      const n = num(item.minLength) ?? 0;
      return n > 1 ? { zh: `填写，不少于 ${n} 字`, en: `filled in, at least ${n} characters` } : { zh: '已填写', en: 'filled in' };
    }
  }
}

/**
 * The JSON Schema an answer must satisfy to be a well-formed answer of this kind — the type without
 * the pass criterion: `"abc"` for a number is bad input, `2` where ≥ 3 is required is a finding.
 */
export function answerTypeSchema(item: { input: InputKind; options?: string[] | null }): JsonObject {
  switch (item.input) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'number':
      return { type: 'number' };
    case 'choice':
      return { enum: [...(item.options ?? [])] };
    case 'text':
      return { type: 'string', maxLength: 2000 };
    case 'photos':
      return { type: 'array', items: { type: 'string', pattern: '^[0-9a-f]{64}$' }, maxItems: 20, uniqueItems: true };
  }
}
