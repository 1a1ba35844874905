import { EVERYWHERE, inScope, type Scope } from '../organisations/scope.ts';
import { evaluateAnswers, type Answer } from '../checklists/evaluate.ts';
import type { Checklist } from '../checklists/generate.ts';
import type { EntityManager } from '../shared/persistence.ts';
import { writeXlsx } from '../shared/xlsx.ts';
import { projectRepository } from '../projects/project.repository.ts';
import { inspectionRepository } from '../inspections/inspection.repository.ts';
import { getChecklistById } from '../checklists/checklist.service.ts';
import { getProject } from '../projects/project.service.ts';
import { NotFoundError } from '../shared/errors.ts';
import { inspectionMessage } from '../inspections/inspection.messages.ts';
import { isPlaceKind, PLACE_NAMES } from '../standards/place-kinds.ts';

const TIER_ZH: Record<string, string> = { daily: '项目日常巡检', monthly: '区域飞行检查', quarterly: '总部季度审计' };
const SEVERITY_ZH: Record<string, string> = { critical: '严重', major: '主要', minor: '轻微' };
const INPUT_ZH: Record<string, string> = { boolean: '是/否', integer: '整数', number: '数值', choice: '选项', text: '文字', photos: '照片' };
const EVIDENCE_ZH: Record<string, string> = { none: '无', 'photo-on-fail': '不合格时拍照', 'photo-required': '必须拍照', document: '查阅记录' };
const STATUS_ZH: Record<string, string> = { passed: '合格', failed: '不合格', 'not-applicable': '不适用' };

const CHECKLIST_HEADER = ['序号', '模块', '作业指导书', '检查项', '地点', '说明', '合格标准', '输入方式', '单位', '选项', '证据要求', '严重程度', '权重', '检查方法', '客户触点', '整改时限（小时）', '条目编号'];
const WIDTHS = [6, 8, 28, 26, 12, 40, 18, 9, 8, 16, 12, 9, 6, 9, 16, 10, 40];

/** The kind of place in Chinese (大堂, 电梯 …); a value outside the list as it is, none as an empty cell. */
function placeZh(place: string | null | undefined): string | null {
  if (!place) return null;
  return isPlaceKind(place) ? PLACE_NAMES[place].zh : place;
}

function itemColumns(checklist: Checklist, i: number): (string | number | null)[] {
  const item = checklist.items[i];
  return [i + 1, item.module, `${item.instructionTitle}（${item.code} 第${item.version}版）`, item.title, placeZh(item.place), item.description, item.criterion.zh, INPUT_ZH[item.input], item.unit,
    item.options?.join(' / ') ?? null, EVIDENCE_ZH[item.evidence] ?? item.evidence, SEVERITY_ZH[item.severity] ?? item.severity, item.weight, item.method, item.touchpoints.join('、'), item.rectifyWithinHours, item.id];
}

/** A checklist as a workbook field staff open: one row per item, in Chinese. */
export async function checklistWorkbook(em: EntityManager, id: string, scope: Scope = EVERYWHERE): Promise<{ filename: string; bytes: Uint8Array }> {
  const { checklist } = await getChecklistById(em, id, scope);
  const project = await getProject(em, checklist.projectId);
  const bytes = writeXlsx([{
    name: '检查清单',
    preamble: [
      `${project.name} ${TIER_ZH[checklist.tier]}检查清单`,
      `标准版本集：${checklist.edition}${checklist.variant ? `（白金服务标准 第${checklist.variant.version}版）` : ''}　范围：${checklist.scope || '全部模块'}${checklist.period ? `　抽样月份：${checklist.period}` : ''}　检查项：${checklist.itemCount}　清单编号：${checklist.id}`,
    ],
    header: CHECKLIST_HEADER,
    rows: checklist.items.map((_, i) => itemColumns(checklist, i)),
    widths: WIDTHS,
  }]);
  return { filename: `checklist-${project.code}-${checklist.tier}-${checklist.id.slice(0, 8)}.xlsx`, bytes };
}

/** An inspection report: the checklist's rows with each result, actual value and reason, in Chinese. */
export async function inspectionWorkbook(em: EntityManager, inspectionId: number, scope: Scope = EVERYWHERE): Promise<{ filename: string; bytes: Uint8Array }> {
  const inspection = await inspectionRepository.find(em, inspectionId);
  if (!inspection || !inScope(scope, inspection)) throw new NotFoundError(inspectionMessage('inspection.not_found', { id: inspectionId }), String(inspectionId));
  const { checklist } = await getChecklistById(em, inspection.checklistId);
  const project = await getProject(em, inspection.projectId);
  const place = inspection.placeId ? await projectRepository.findPlaceById(em, inspection.placeId) : null;
  const evaluation = evaluateAnswers(checklist, JSON.parse(inspection.answersJson) as Answer[]);
  const results = new Map(evaluation.results.map((r) => [r.item.id, r]));
  const bytes = writeXlsx([{
    name: '检查报告',
    preamble: [
      `${project.name} ${TIER_ZH[inspection.tier]}报告`,
      `检查日期：${inspection.inspectedOn}　检查人：${inspection.inspector}${place ? `　地点：${place.name}` : ''}　标准版本集：${inspection.editionName}　得分：${Number(inspection.score)}　执行率：${(Number(inspection.executionRate) * 100).toFixed(1)}%　不合格项：${inspection.findingCount}`,
    ],
    header: [...CHECKLIST_HEADER.slice(0, 4), '合格标准', '检查结果', '实际值', '不合格原因 / 不适用说明', '照片', '严重程度', '整改时限（小时）', '备注', '条目编号'],
    rows: checklist.items.map((item, i) => {
      const r = results.get(item.id)!;
      const actual = r.answer.value === undefined ? null : Array.isArray(r.answer.value) ? `${r.answer.value.length} 张` : typeof r.answer.value === 'boolean' ? (r.answer.value ? '是' : '否') : (r.answer.value as string | number);
      return [i + 1, item.module, `${item.instructionTitle}（${item.code} 第${item.version}版）`, item.title, item.criterion.zh, STATUS_ZH[r.status], actual,
        r.status === 'not-applicable' ? (r.answer.notApplicable ?? null) : r.status === 'failed' ? `未达到：${item.criterion.zh}` : null,
        ((item.input === 'photos' && Array.isArray(r.answer.value) ? r.answer.value.length : 0) + (r.answer.photos?.length ?? 0)) || null, SEVERITY_ZH[item.severity], r.status === 'failed' ? item.rectifyWithinHours : null, r.answer.remark ?? null, item.id];
    }),
    widths: [6, 8, 28, 26, 18, 9, 12, 24, 6, 9, 10, 20, 40],
  }]);
  return { filename: `inspection-${project.code}-${inspection.inspectedOn}-${inspection.id}.xlsx`, bytes };
}
