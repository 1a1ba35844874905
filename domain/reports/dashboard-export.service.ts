import { todayInChina } from '../checklists/checklist.service.ts';
import { authorize } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { SMALL_SAMPLE_ITEMS } from '../shared/sample-size.ts';
import { heatMapRows, requireDashboardFilter, type DashboardFilter, type DashboardGroup, type ProjectSample } from './dashboard.service.ts';
import { rectificationKpis, type RectificationKpi } from './kpi.service.ts';
import { executionRates } from './quality-report.service.ts';
import { reportRepository } from './report.repository.ts';
import { writeXlsx, type Sheet } from '../shared/xlsx.ts';

const STEPS: [string, string][] = [['analyse', '分析'], ['rectify', '整改'], ['verify', '验证'], ['prevent', '预防']];
const GROUP_ZH: Record<DashboardGroup, string> = { project: '项目', module: '模块', month: '月份' };

/** A rate 0–1 as a percentage with one decimal (66.7), or an empty cell. */
const pct = (rate: number | null | undefined): number | null => (rate == null ? null : Math.round(rate * 1000) / 10);

/** What a rate rests on, in words: never inspected, or a small sample. */
function sampleNote(inspections: number, applicable: number): string | null {
  if (inspections === 0) return '未检查';
  return applicable < SMALL_SAMPLE_ITEMS ? `样本小（少于${SMALL_SAMPLE_ITEMS}项）` : null;
}

function periodZh(filter: DashboardFilter): string {
  return `统计期间：${filter.from || '最早'} 至 ${filter.to || `${todayInChina()}（今天）`}`;
}

/** The file name's range: the two ends, an open start as "start", an open end as today. */
const rangeName = (filter: DashboardFilter) => `${filter.from || 'start'}_${filter.to || todayInChina()}`;

function kpiSheet(kpis: RectificationKpi[], groupBy: DashboardGroup, label: (key: string) => string, preamble: string[]): Sheet {
  return {
    name: '整改KPI',
    preamble,
    header: [GROUP_ZH[groupBy], '发起', '完成', '完成率（%）', ...STEPS.flatMap(([, zh]) => [`${zh}按时率（%）`, `${zh}平均用时（小时）`]), '逾期未完成'],
    rows: kpis.map((k) => [label(k.key), k.started, k.completed, pct(k.completionRate),
      ...STEPS.flatMap(([step]) => {
        const s = k.steps.find((x) => x.step === step);
        return [pct(s?.onTimeRate), s?.meanHours ?? null];
      }), k.openOverdue]),
    widths: [22, 7, 7, 10, ...STEPS.flatMap(() => [11, 13]), 10],
  };
}

function heatSheet(rows: ProjectSample[], names: Map<string, string>, preamble: string[]): Sheet {
  const totals = new Map<string, number>();
  for (const r of rows) for (const c of r.touchpoints) totals.set(c.touchpoint, (totals.get(c.touchpoint) ?? 0) + c.count);
  const columns = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  return {
    name: '热力图',
    preamble,
    header: ['项目编号', '项目', '检查次数', '适用检查项', '状态', '不合格项合计', ...columns.map((c) => `${names.get(c) ?? c}（${c}）`)],
    rows: rows.map((r) => [r.code, r.name, r.inspections, r.applicable, r.inspected ? null : '未检查', r.findings,
      ...columns.map((c) => r.touchpoints.find((x) => x.touchpoint === c)?.count ?? null)]),
    widths: [9, 18, 8, 10, 8, 11, ...columns.map(() => 12)],
  };
}

/**
 * The dashboard as a workbook, with its filters applied: execution rates by project (never-inspected
 * projects flagged) and by month with their samples, the heat map, and the rectification KPIs.
 */
export async function dashboardWorkbook(ctx: ServiceContext, filter: DashboardFilter): Promise<{ filename: string; bytes: Uint8Array }> {
  const actor = authorize(ctx.actor, 'readInspections');
  requireDashboardFilter(filter);
  const period = { from: filter.from || null, to: filter.to || null };
  const groupBy = (filter.groupBy ?? 'project') as DashboardGroup;
  const projects = await heatMapRows(ctx, period);
  const heat = filter.module ? await heatMapRows(ctx, { ...period, module: filter.module }) : projects;
  const months = await executionRates(ctx, 'month', period);
  const kpis = await rectificationKpis(ctx, groupBy, period);
  const names = await reportRepository.touchpointNames(ctx.em, [...new Set(heat.flatMap((r) => r.touchpoints.map((c) => c.touchpoint)))]);
  const byCode = new Map(projects.map((p) => [p.code, p.name]));
  const head = (title: string) => [`品质仪表盘 · ${title}`, `${periodZh(filter)}　导出人：${actor.username}`];
  const bytes = writeXlsx([
    {
      name: '执行率（按项目）',
      preamble: head('各项目执行率'),
      header: ['项目编号', '项目', '区域', '检查次数', '适用检查项', '合格项', '执行率（%）', '样本', '不合格项'],
      rows: projects.map((p) => [p.code, p.name, p.region, p.inspections, p.applicable, p.passed, pct(p.rate), sampleNote(p.inspections, p.applicable), p.findings]),
      widths: [9, 18, 8, 8, 10, 8, 10, 16, 8],
    },
    {
      name: '执行率（按月）',
      preamble: head('各月执行率'),
      header: ['月份', '检查次数', '适用检查项', '合格项', '执行率（%）', '样本'],
      rows: months.map((m) => [m.key, m.inspections, m.applicable, m.passed, pct(m.rate), sampleNote(m.inspections, m.applicable)]),
      widths: [10, 8, 10, 8, 10, 16],
    },
    heatSheet(heat, names, [`品质仪表盘 · 不合格项热力图（项目 × 客户触点）`, `${periodZh(filter)}　模块：${filter.module || '全部模块'}　导出人：${actor.username}`]),
    kpiSheet(kpis, groupBy, (key) => (groupBy === 'project' ? `${byCode.get(key) ?? key}（${key}）` : key), head(`整改闭环（按${GROUP_ZH[groupBy]}）`)),
  ]);
  return { filename: `dashboard_${rangeName(filter)}.xlsx`, bytes };
}

/** The rectification KPIs alone as a workbook, grouped by project, module or month, over the period. */
export async function kpiWorkbook(ctx: ServiceContext, filter: DashboardFilter): Promise<{ filename: string; bytes: Uint8Array }> {
  const actor = authorize(ctx.actor, 'readInspections');
  requireDashboardFilter(filter);
  const period = { from: filter.from || null, to: filter.to || null };
  const groupBy = (filter.groupBy ?? 'project') as DashboardGroup;
  const kpis = await rectificationKpis(ctx, groupBy, period);
  const byCode = groupBy === 'project' ? new Map((await heatMapRows(ctx, period)).map((p) => [p.code, p.name])) : new Map<string, string>();
  const bytes = writeXlsx([kpiSheet(kpis, groupBy, (key) => (byCode.has(key) ? `${byCode.get(key)}（${key}）` : key), [`整改闭环 KPI（按${GROUP_ZH[groupBy]}）`, `${periodZh(filter)}　导出人：${actor.username}`])]);
  return { filename: `rectification-kpis_${groupBy}_${rangeName(filter)}.xlsx`, bytes };
}
