import { authorize } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { scopeOf, scopeSql } from '../organisations/scope.ts';
import { writeXlsx } from '../shared/xlsx.ts';
import { dayOf, isoDay, publishedStandardOf, type PublishedStandard, type StandardItem } from './standard-facts.ts';
import { loopRepository, type PackFeedbackRow, type PackFindingRow } from './loop.repository.ts';

/** How many texts per item a review pack quotes. */
const TOP_TEXTS = 3;

export interface MonthCount { month: string; findings: number; feedback: number }
export interface PackText { kind: 'feedback' | 'finding'; itemId: number; text: string; date: string; projectName: string }

/** One item of the standard over the review period. */
export interface PackItem {
  key: string;
  title: string;
  touchpoints: string[];
  findings: number;
  feedback: number;
  /** per month of the period, oldest first */
  months: MonthCount[];
  /** the strongest feedback, then the newest findings */
  topTexts: PackText[];
}

/** A standard's quarterly review pack (评审资料): per item, the findings against it and the feedback touching it since a day. */
export interface ReviewPack {
  code: string;
  title: string;
  version: number;
  since: string;
  findings: number;
  feedback: number;
  items: PackItem[];
}

type FeedbackRow = PackFeedbackRow;
type FindingRow = PackFindingRow;

const list = (v: string[] | string): string[] => (Array.isArray(v) ? v : (JSON.parse(v) as string[]));

/**
 * Whether feedback touches an item: they share a touchpoint; when either names none, the
 * feedback is about the standard's module.
 */
function touches(f: { module: string | null; touchpoints: string[] }, item: StandardItem, module: string): boolean {
  if (item.touchpoints.length > 0 && f.touchpoints.length > 0) return f.touchpoints.some((t) => item.touchpoints.includes(t));
  return f.module === module;
}

/** The months from `since` to `until`, YYYY-MM. */
function monthsBetween(since: string, until: string): string[] {
  const months: string[] = [];
  let [y, m] = since.slice(0, 7).split('-').map(Number);
  const end = until.slice(0, 7);
  for (let guard = 0; guard < 240; guard += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return months;
}

function packItem(item: StandardItem, standard: PublishedStandard, feedback: (FeedbackRow & { tps: string[]; day: string })[], findings: (FindingRow & { day: string })[], months: string[]): PackItem {
  const mine = feedback.filter((f) => touches({ module: f.module, touchpoints: f.tps }, item, standard.module));
  const against = findings.filter((f) => f.item_key === item.key);
  // one pass over each list: counts by month
  const byMonth = (days: string[]) => days.reduce((m, day) => m.set(day.slice(0, 7), (m.get(day.slice(0, 7)) ?? 0) + 1), new Map<string, number>());
  const findingMonths = byMonth(against.map((f) => f.day));
  const feedbackMonths = byMonth(mine.map((f) => f.day));
  const count = (month: string) => ({ month, findings: findingMonths.get(month) ?? 0, feedback: feedbackMonths.get(month) ?? 0 });
  // the rows come oldest first: reversed, a stable sort by intensity keeps the newest first among equals
  const strongest = [...mine].reverse().sort((a, b) => b.intensity - a.intensity).slice(0, TOP_TEXTS);
  const newest = [...against].sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id).slice(0, TOP_TEXTS);
  return {
    key: item.key, title: item.title, touchpoints: item.touchpoints, findings: against.length, feedback: mine.length, months: months.map(count),
    topTexts: [
      ...strongest.map((f) => ({ kind: 'feedback' as const, itemId: f.id, text: f.text, date: f.day, projectName: f.name })),
      ...newest.map((f) => ({ kind: 'finding' as const, itemId: f.id, text: f.remark ? `${f.title}：${f.remark}` : f.title, date: f.day, projectName: f.name })),
    ],
  };
}

/**
 * The review pack of a standard since a day (by default the publication of its current edition),
 * in the projects the caller reads: per item, the findings against it, the feedback touching it,
 * the months' counts and the texts to read first.
 */
export async function reviewPack(ctx: ServiceContext, code: string, since?: string | null, now = new Date()): Promise<ReviewPack> {
  const actor = authorize(ctx.actor, 'readFeedback');
  const standard = publishedStandardOf(await loopRepository.publishedStandard(ctx.em, code, actor.organisationId), code);
  const sinceDay = since ? isoDay(dayOf(since, '/since')) : isoDay(standard.publishedAt ?? now);
  const start = dayOf(sinceDay, '/since');
  const feedback = (await loopRepository.packFeedback(ctx.em, start, standard.module, scopeSql(scopeOf(actor, 'readFeedback'), 'f'))).map((f) => ({ ...f, tps: list(f.touchpoints), day: isoDay(f.received_at) }));
  const findings = (await loopRepository.packFindings(ctx.em, standard.code, sinceDay, scopeSql(scopeOf(actor, 'readInspections'), 'f'))).map((f) => ({ ...f, day: isoDay(f.found_on) }));
  const months = monthsBetween(sinceDay, isoDay(now));
  const items = standard.items.map((item) => packItem(item, standard, feedback, findings, months));
  const touching = feedback.filter((f) => standard.items.some((item) => touches({ module: f.module, touchpoints: f.tps }, item, standard.module)));
  return { code: standard.code, title: standard.title, version: standard.version, since: sinceDay, findings: findings.length, feedback: touching.length, items };
}

/** The review pack as a workbook: one row per item (counts, the months, the texts to read), for the review meeting. */
export async function reviewPackWorkbook(ctx: ServiceContext, code: string, since?: string | null): Promise<{ filename: string; bytes: Uint8Array }> {
  const pack = await reviewPack(ctx, code, since);
  const months = pack.items[0]?.months.map((m) => m.month) ?? [];
  const bytes = writeXlsx([{
    name: '评审资料',
    preamble: [`${pack.code} ${pack.title}（第 ${pack.version} 版）评审资料`, `统计自 ${pack.since}：不合格项 ${pack.findings} 项，相关客户反馈 ${pack.feedback} 条`],
    header: ['条款', '标题', '触点', '不合格项', '客户反馈', ...months.map((m) => `${m} 不合格/反馈`), '代表性内容'],
    rows: pack.items.map((i) => [i.key, i.title, i.touchpoints.join('、'), i.findings, i.feedback, ...i.months.map((m) => `${m.findings}/${m.feedback}`),
      i.topTexts.map((t) => `[${t.kind === 'feedback' ? '反馈' : '不合格'} ${t.date} ${t.projectName}] ${t.text}`).join('\n')]),
    widths: [18, 28, 20, 10, 10, ...months.map(() => 16), 80],
  }]);
  return { filename: `review-pack_${pack.code}_${pack.since}.xlsx`, bytes };
}
