import { scopeOf } from '../organisations/scope.ts';
import { authorize } from '../shared/access.ts';
import { FINDING_ORDERS, readFindingQuery, isOverdue, type FindingQuery } from '../findings/finding.service.ts';
import { findingReads } from '../findings/finding.repository.ts';
import { projectRepository } from '../projects/project.repository.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { writeXlsx } from '../shared/xlsx.ts';
import { mergeCatalogues, renderMessage, type MessageData } from '../shared/messages.ts';
import { CHECKLIST_MESSAGES } from '../checklists/checklist.messages.ts';
import { AJV_MESSAGES } from '../standards/ajv.messages.ts';
import { SHARED_MESSAGES } from '../shared/shared.messages.ts';

// the reasons of a finding come from judging answers: checklist and schema messages
const REASONS = mergeCatalogues(CHECKLIST_MESSAGES, AJV_MESSAGES, SHARED_MESSAGES);
const reasonZh = (r: MessageData): string => renderMessage(REASONS, r, 'zh-CN');

/** The most rows one workbook holds; a longer list is cut and says so in its preamble. */
export const FINDINGS_EXPORT_MAX = 5000;

const SEVERITY_ZH: Record<string, string> = { critical: '严重', major: '主要', minor: '轻微' };
const STATUS_ZH: Record<string, string> = { open: '待整改', rectifying: '整改中', closed: '已关闭' };
const SORT_ZH: Record<string, string> = { newest: '最新在前', oldest: '最早在前', due: '最先到期在前', severity: '严重程度' };

/** Beijing time as people read it: 2026-12-03 14:05. */
const beijing = (d: Date | null): string | null => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

/** The filters of a list in words, for the workbook's preamble. */
function filterWords(q: FindingQuery, projectName: string | null): string {
  const words = [
    projectName ? `项目：${projectName}` : null, q.region ? `区域：${q.region}` : null, q.module ? `模块：${q.module}` : null,
    q.severity ? `严重程度：${SEVERITY_ZH[q.severity]}` : null, q.status ? `状态：${STATUS_ZH[q.status]}` : null, q.overdue ? '仅逾期' : null,
    q.touchpoint ? `客户触点：${q.touchpoint}` : null, q.from || q.to ? `发现日期：${q.from ?? '…'} 至 ${q.to ?? '…'}` : null,
  ].filter(Boolean);
  return words.length ? words.join('　') : '全部不合格项';
}

/**
 * The findings list as a workbook, with the same filters and order as the page (one row per
 * finding, in Chinese). Bad filters are the same ValidationError the GraphQL list gives.
 */
export async function findingsWorkbook(ctx: ServiceContext, query: FindingQuery, now: Date = new Date()): Promise<{ filename: string; bytes: Uint8Array }> {
  authorize(ctx.actor, 'readInspections');
  const { filter, sort } = readFindingQuery(query);
  const rows = await findingReads.listed(ctx.em, { ...filter, scope: scopeOf(ctx.actor, 'readInspections') }, FINDING_ORDERS[sort], FINDINGS_EXPORT_MAX + 1, now);
  const projects = new Map((await projectRepository.all(ctx.em, {})).map((p) => [p.id, p]));
  const places = new Map((await Promise.all([...new Set(rows.flatMap((f) => (f.placeId == null ? [] : [f.placeId])))].map((id) => projectRepository.findPlaceById(ctx.em, id))))
    .flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  const shown = rows.slice(0, FINDINGS_EXPORT_MAX);
  const bytes = writeXlsx([{
    name: '不合格项',
    preamble: [
      '不合格项清单',
      `${filterWords(query, filter.projectId != null ? (projects.get(filter.projectId)?.name ?? null) : null)}　排序：${SORT_ZH[sort]}　共 ${shown.length} 项${rows.length > FINDINGS_EXPORT_MAX ? `（仅列出前 ${FINDINGS_EXPORT_MAX} 项，请缩小筛选范围）` : ''}　导出时间：${beijing(now)}`,
    ],
    header: ['编号', '发现日期', '项目', '区域', '地点', '模块', '作业指导书', '检查项', '严重程度', '合格标准', '不合格原因', '状态', '整改期限', '是否逾期', '客户触点', '照片', '备注', '检查编号'],
    rows: shown.map((f) => {
      const project = projects.get(f.projectId);
      return [f.id, f.foundOn, project?.name ?? null, project?.region ?? null, f.placeId == null ? null : (places.get(f.placeId) ?? null), f.module, `${f.code} 第${f.version}版`, f.title,
        SEVERITY_ZH[f.severity] ?? f.severity, f.expectedZh, f.reasons.map(reasonZh).join('；') || null, STATUS_ZH[f.status] ?? f.status, beijing(f.dueAt),
        isOverdue(f, now) ? '逾期' : null, f.touchpoints.join('、') || null, f.photos.length || null, f.remark ?? null, f.inspectionId];
    }),
    widths: [8, 11, 18, 10, 12, 6, 18, 28, 8, 30, 30, 8, 16, 8, 16, 6, 20, 8],
  }]);
  return { filename: `findings-${now.toISOString().slice(0, 10)}.xlsx`, bytes };
}
