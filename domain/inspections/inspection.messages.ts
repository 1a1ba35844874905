import { messageFactory } from '../shared/messages.ts';

/** What inspections, photos, schedules and projects say, in Chinese and English. */
export const INSPECTION_MESSAGES = {
  'inspection.submission_id_required': { en: 'clientSubmissionId is required', 'zh-CN': '缺少 clientSubmissionId' },
  'inspection.submission_id_rule': { en: 'must be 1–128 characters, chosen once per inspection', 'zh-CN': '必须为 1–128 个字符，每次检查取一个新值' },
  'inspection.submission_id_taken': { en: 'clientSubmissionId {id} is already taken; choose a new one for a new inspection', 'zh-CN': 'clientSubmissionId {id} 已被占用；新的检查请换一个新值' },
  'inspection.submission_id_reused': { en: 'clientSubmissionId {id} was already used for inspection {inspection} with different answers; use a new id for a new inspection', 'zh-CN': 'clientSubmissionId {id} 已用于答案不同的检查 {inspection}；新的检查请换一个新值' },
  'inspection.place_not_in_project': { en: "The place is not in the checklist's project", 'zh-CN': '该地点不属于检查表所在的项目' },
  'inspection.place_other_project': { en: 'place {place} does not belong to project {project}', 'zh-CN': '地点 {place} 不属于项目 {project}' },
  'inspection.not_found': { en: 'No inspection with id {id}', 'zh-CN': '没有编号为 {id} 的检查记录' },
  'inspection.day_in_future': { en: '{name} {day} is in the future', 'zh-CN': '{name} {day} 是将来的日期' },
  'inspection.day_after_today': { en: 'must not be after today ({today}, China Standard Time)', 'zh-CN': '不能晚于今天（{today}，北京时间）' },
  'inspection.day_too_old': { en: '{name} {day} is too long ago', 'zh-CN': '{name} {day} 太久以前了' },
  'inspection.day_window': { en: 'must be within the last {days} days (on or after {earliest})', 'zh-CN': '必须在最近 {days} 天之内（{earliest} 或之后）' },
  'schedule.inspector_not_on_project': { en: '{inspector} holds no inspector role on this project, its region or the organisation', 'zh-CN': '{inspector} 在该项目、其区域或本组织均不担任品控员' },
  'schedule.inspector_required': { en: 'Name the inspector', 'zh-CN': '请指定品控员' },
  'schedule.inspector_rule': { en: 'must be a username', 'zh-CN': '必须是用户名' },
  'schedule.tier_not_routine': { en: 'Scenario assessments and mystery-customer audits are not scheduled in rounds; schedule daily, monthly or quarterly', 'zh-CN': '情景模拟考核和神秘客户暗访不排入巡检计划；请选择日常、月度或季度' },
} as const;

export const inspectionMessage = messageFactory(INSPECTION_MESSAGES);
