import { messageFactory } from '../shared/messages.ts';

/** What closing the customer's voice loop says (complaints, revision evidence, review packs), in Chinese and English. */
export const LOOP_MESSAGES = {
  'loop.feedback_not_found': { en: 'No feedback with id {id}', 'zh-CN': '没有编号为 {id} 的客户反馈' },
  'loop.complaint_needs_feedback': { en: 'A complaint is opened for a feedback item: its business key must be feedback:<id>', 'zh-CN': '投诉处理流程须针对一条客户反馈发起：业务键必须为 feedback:<编号>' },
  'loop.complaint_key_rule': { en: 'must be feedback:<id> of an existing feedback item', 'zh-CN': '必须是已有客户反馈的 feedback:<编号>' },
  'loop.key_reserved': { en: 'The business key {businessKey} belongs to the complaint-handling process', 'zh-CN': '业务键 {businessKey} 专属于投诉处理流程' },
  'loop.key_reserved_rule': { en: 'feedback:<id> keys are reserved for complaints', 'zh-CN': 'feedback:<编号> 业务键仅供投诉处理使用' },
  'loop.complaint_open': { en: 'Feedback {id} already has a complaint being handled (instance {instance})', 'zh-CN': '客户反馈 {id} 已有投诉处理流程（实例 {instance}）' },
  'loop.may_not_open': { en: '{username} may not open a complaint by hand for feedback {id}: it needs admin or quality_manager on its project', 'zh-CN': '{username} 无权为客户反馈 {id} 手动发起投诉处理：需要在该项目担任管理员或品质经理' },
  'loop.complaint_not_deployed': { en: 'The complaint-handling process is not deployed', 'zh-CN': '投诉处理流程尚未部署' },
  'loop.standard_not_found': { en: 'No published standard {code}', 'zh-CN': '没有已发布的标准 {code}' },
  'loop.problem_type_unknown': { en: '{value} is not a problem type', 'zh-CN': '{value} 不是问题类型' },
  'loop.problem_type_rule': { en: 'must be one of the problem types of the analysis', 'zh-CN': '必须是分析所用的问题类型之一' },
  'loop.bad_date': { en: '{value} is not a date YYYY-MM-DD', 'zh-CN': '{value} 不是 YYYY-MM-DD 格式的日期' },
  'loop.date_rule': { en: 'must be a date YYYY-MM-DD', 'zh-CN': '必须是 YYYY-MM-DD 格式的日期' },
  'loop.bad_period': { en: 'The period {from} – {to} is not in order', 'zh-CN': '期间 {from} 至 {to} 的先后顺序不对' },
  'loop.period_rule': { en: 'must not come after the end of the period', 'zh-CN': '不得晚于期间结束日' },
  'loop.no_evidence': { en: 'Nothing to revise {code} on: no feedback of {problemType} and no finding of the standard in {from} – {to}', 'zh-CN': '{from} 至 {to} 期间既无 {problemType} 类客户反馈，也无该标准的不合格项，不能据此修订 {code}' },
  'loop.revision_running': { en: 'A revision of {code} is already running (instance {instance})', 'zh-CN': '标准 {code} 已有进行中的修订流程（实例 {instance}）' },
  'loop.instance_not_found': { en: 'No workflow instance with id {id}', 'zh-CN': '没有编号为 {id} 的流程实例' },
} as const;

export const loopMessage = messageFactory(LOOP_MESSAGES);
