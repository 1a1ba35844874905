import type { JsonValue } from '../../shared/json.ts';
import { compareSets } from './constraint-direction.ts';
import type { Change, ChangeKind } from './change.ts';
import type { TextSegment } from './text-diff.ts';
import { PLACE_KINDS } from '../place-kinds.ts';

/** Whose change it is: a check item (key, and title when it has one) or, with no item, the document. */
export interface Subject {
  item?: string;
  title?: string;
}

/** A change before its summaries are written. `label` is the place shown to readers (default `field`). */
export interface ChangeDraft {
  kind: ChangeKind;
  pointer: string;
  field?: string;
  label?: string;
  before?: JsonValue;
  after?: JsonValue;
  segments?: TextSegment[];
}

/** Completes a draft into a `Change` with its English and Chinese one-sentence summaries. */
export function buildChange(subject: Subject, draft: ChangeDraft): Change {
  const [summary, summaryZh] = summarize(subject, draft);
  return {
    kind: draft.kind,
    pointer: draft.pointer,
    ...(subject.item === undefined ? {} : { item: subject.item }),
    ...(draft.field === undefined ? {} : { field: draft.field }),
    ...(draft.before === undefined ? {} : { before: draft.before }),
    ...(draft.after === undefined ? {} : { after: draft.after }),
    summary,
    summaryZh,
    ...(draft.segments ? { segments: draft.segments } : {}),
  };
}

const DIRECTION: Partial<Record<ChangeKind, [string, string]>> = {
  'constraint-tightened': ['tightened', '收紧'],
  'constraint-loosened': ['loosened', '放宽'],
  'constraint-changed': ['changed', '变更'],
  'document-changed': ['changed', '变更'],
};

function summarize(subject: Subject, d: ChangeDraft): [string, string] {
  // a check item by its title (its key only when it has none): readers never see field names
  const en = subject.item === undefined ? 'Standard' : `Check item ${quote(subject.title ?? subject.item)}`;
  const zh = subject.item === undefined ? '标准' : `检查项「${subject.title ?? subject.item}」`;
  const raw = d.label ?? d.field ?? '';
  const label = enLabel(raw);
  const labelZh = zhLabel(raw);
  const words = (value: JsonValue | undefined, vocabulary: Record<string, Record<string, string>>) => (d.kind === 'item-renamed' ? value : inWords(value, raw.split('/').at(-1) ?? '', vocabulary));
  const from = [show(words(d.before, EN_VALUES), 'none'), show(words(d.before, ZH_VALUES), '无')];
  const to = [show(words(d.after, EN_VALUES), 'none'), show(words(d.after, ZH_VALUES), '无')];
  switch (d.kind) {
    case 'item-added':
      return [`${en} added`, `新增${zh}`];
    case 'item-removed':
      return [`${en} removed`, `删除${zh}`];
    case 'item-renamed':
      return [`Check item ${quote(subject.title ?? subject.item ?? '')} renamed: ${from[0]} → ${to[0]}`, `重命名${zh}：${from[1]} → ${to[1]}`];
    case 'text-changed': {
      const short = shortText(d.before) !== undefined && shortText(d.after) !== undefined;
      const detailEn = short ? `: ${quote(shortText(d.before))} → ${quote(shortText(d.after))}` : '';
      const detailZh = short ? `：「${shortText(d.before) ?? ''}」→「${shortText(d.after) ?? ''}」` : '';
      return [`${en}: ${label} text changed${detailEn}`, `${zh}：${labelZh}文本修改${detailZh}`];
    }
    case 'severity-changed':
    case 'weight-changed':
    case 'tiers-changed':
    case 'check-changed':
      return [`${en}: ${label} ${from[0]} → ${to[0]}`, `${zh}：${labelZh} ${from[1]} → ${to[1]}`];
  }
  const [word, wordZh] = DIRECTION[d.kind] ?? ['changed', '变更'];
  if (d.field === 'required' && typeof d.after === 'boolean') {
    return d.after
      ? [`${en}: now required (${word})`, `${zh}：改为必填（${wordZh}）`]
      : [`${en}: no longer required (${word})`, `${zh}：改为非必填（${wordZh}）`];
  }
  const { onlyInA: removed, onlyInB: added } = compareSets(d.before, d.after);
  if ((d.field === 'enum' || d.field === 'required') && removed && added) {
    const parts = [
      ...(added.length ? [[`added ${list(added)}`, `新增 ${list(added)}`]] : []),
      ...(removed.length ? [[`removed ${list(removed)}`, `删除 ${list(removed)}`]] : []),
    ];
    if (parts.length === 0) parts.push(['reordered', '顺序调整']);
    return [
      `${en}: ${label}: ${parts.map((p) => p[0]).join('; ')} (${word})`,
      `${zh}：${labelZh}${parts.map((p) => p[1]).join('；')}（${wordZh}）`,
    ];
  }
  return [`${en}: ${label} ${from[0]} → ${to[0]} (${word})`, `${zh}：${labelZh} ${from[1]} → ${to[1]}（${wordZh}）`];
}

const MAX_SHOWN = 60;

/** A value as a reader sees it: strings bare, arrays as `[a, b]`, long values cut short. */
function show(value: JsonValue | undefined, absent: string): string {
  if (value === undefined) return absent;
  if (Array.isArray(value)) return `[${list(value)}]`;
  if (typeof value === 'string') return value === '' ? '""' : truncate(value);
  return truncate(JSON.stringify(value));
}

/** Array members separated by commas, strings bare. */
function list(values: JsonValue[]): string {
  return truncate(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', '));
}

function truncate(text: string): string {
  const chars = [...text];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : text;
}

/** A text short enough to quote whole in a summary ('' when absent), else `undefined`. */
function shortText(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return '';
  return typeof value === 'string' && !value.includes('\n') && [...value].length <= 30 ? value : undefined;
}

function quote(text: string | undefined): string {
  return `"${text ?? ''}"`;
}

const ZH_TERMS: Record<string, string> = {
  minimum: '最小值', maximum: '最大值', exclusiveMinimum: '下限（不含）', exclusiveMaximum: '上限（不含）',
  minLength: '最短长度', maxLength: '最长长度', minItems: '最少项数', maxItems: '最多项数',
  minProperties: '最少属性数', maxProperties: '最多属性数', minContains: '最少包含数', maxContains: '最多包含数',
  enum: '枚举选项', const: '固定值', pattern: '正则', format: '格式', multipleOf: '倍数', type: '类型',
  required: '必填项', title: '标题', description: '说明',
  severity: '严重程度', weight: '权重', tiers: '检查层级', method: '检查方法', evidence: '证据要求',
  touchpoints: '触点', place: '检查地点', rectifyWithinHours: '整改时限（小时）', unit: '单位',
  body: '正文', purpose: '目的', scope: '适用范围', steps: '作业步骤', records: '记录',
  definitions: '术语定义', responsibilities: '职责', requirements: '质量要求', references: '引用文件', owner: '归口部门',
  clauses: '条款', parent: '上级', kind: '类别', code: '编号', hint: '检查提示', options: '评级选项', items: '每项',
  uniqueItems: '不可重复', $ref: '引用',
};

const EN_TERMS: Record<string, string> = {
  exclusiveMinimum: 'exclusive minimum', exclusiveMaximum: 'exclusive maximum', minLength: 'minimum length', maxLength: 'maximum length',
  minItems: 'minimum items', maxItems: 'maximum items', minProperties: 'minimum properties', maxProperties: 'maximum properties',
  minContains: 'minimum contains', maxContains: 'maximum contains', multipleOf: 'multiple of', uniqueItems: 'unique items',
  rectifyWithinHours: 'rectification hours', const: 'fixed value',
};

/** Values of the check vocabulary in Chinese words (severities, tiers, evidence rules, kinds). */
const ZH_VALUES: Record<string, Record<string, string>> = {
  severity: { critical: '严重', major: '主要', minor: '一般' },
  tiers: { daily: '日常巡检', monthly: '月度飞行检查', quarterly: '季度审计' },
  evidence: { none: '无需佐证', 'photo-on-fail': '不合格时拍照', 'photo-required': '必须拍照', document: '记录/文件' },
  kind: { module: '模块', procedure: '服务规程', instruction: '作业指导书' },
  place: Object.fromEntries(PLACE_KINDS.map((p) => [p.kind, p.zh])),
};

/** Values of the check vocabulary in English words, where the value itself is not one (kinds of place). */
const EN_VALUES: Record<string, Record<string, string>> = {
  place: Object.fromEntries(PLACE_KINDS.map((p) => [p.kind, p.en])),
};

/** A value of `field` in the words of a vocabulary where it has them; other values as they are. */
function inWords(value: JsonValue | undefined, field: string, vocabulary: Record<string, Record<string, string>>): JsonValue | undefined {
  const words = Object.hasOwn(vocabulary, field) ? vocabulary[field] : undefined;
  if (!words || value === undefined) return value;
  const word = (v: JsonValue) => (typeof v === 'string' && Object.hasOwn(words, v) ? words[v] : v);
  return Array.isArray(value) ? value.map(word) : word(value);
}

/** The English form of a label: field names in words, the `x-check` / `x-standard` prefixes dropped. */
function enLabel(label: string): string {
  const parts = label.split('/');
  return parts
    .map((part, i) => {
      if (part === 'x-check') return i === parts.length - 1 ? 'check settings' : '';
      if (part === 'x-standard') return i === parts.length - 1 ? 'identity' : '';
      return Object.hasOwn(EN_TERMS, part) ? EN_TERMS[part] : part;
    })
    .filter((part) => part !== '')
    .join('/');
}

/** The Chinese form of a label: known terms translated, the `x-check` / `x-standard` prefixes dropped. */
function zhLabel(label: string): string {
  const parts = label.split('/');
  return parts
    .map((part, i) => {
      if (part === 'x-check') return i === parts.length - 1 ? '检查设置' : '';
      if (part === 'x-standard') return i === parts.length - 1 ? '标准信息' : '';
      return Object.hasOwn(ZH_TERMS, part) ? ZH_TERMS[part] : part;
    })
    .filter((part) => part !== '')
    .join('/');
}
