import { messageFactory } from '../shared/messages.ts';

/** What intake, import and the analysis of the customer's voice say, in Chinese and English. */
export const FEEDBACK_MESSAGES = {
  'feedback.invalid': { en: 'The feedback is not valid: {names}', 'zh-CN': '客户反馈无效：{names}' },
  'feedback.project_unknown': { en: 'no project {value} you may record feedback for', 'zh-CN': '没有您可登记反馈的项目 {value}' },
  'feedback.channel_rule': { en: '"{value}" is not a channel: use {allowed}', 'zh-CN': '“{value}”不是反馈渠道：请用 {allowed}' },
  'feedback.text_empty': { en: 'the feedback text is empty', 'zh-CN': '反馈内容为空' },
  'feedback.text_too_long': { en: 'the text has {length} characters; at most {max} are accepted', 'zh-CN': '反馈内容有 {length} 个字符，最多接受 {max} 个' },
  'feedback.time_future': { en: 'received at {value}, which is in the future', 'zh-CN': '反馈时间 {value} 晚于当前时间' },
  'feedback.time_invalid': { en: '"{value}" is not a date and time', 'zh-CN': '“{value}”不是有效的日期时间' },
  'feedback.field_too_long': { en: 'longer than {max} characters', 'zh-CN': '超过 {max} 个字符' },
  'feedback.duplicate': { en: 'The organisation already has feedback {sourceId}', 'zh-CN': '本组织已有工单号为 {sourceId} 的反馈' },
  'feedback.duplicate_issue': { en: 'already imported: {sourceId}', 'zh-CN': '已导入过：{sourceId}' },
  'feedback.not_found': { en: 'No feedback with id {id}', 'zh-CN': '没有编号为 {id} 的反馈' },
  'feedback.bad_filter': { en: 'The feedback filter is not valid: {names}', 'zh-CN': '反馈筛选条件无效：{names}' },
  'feedback.type_rule': { en: '"{value}" is not a problem type', 'zh-CN': '“{value}”不是问题类型' },
  'feedback.priority_rule': { en: '"{value}" is not a priority: use P1 to P4', 'zh-CN': '“{value}”不是优先级：请用 P1 至 P4' },
  'feedback.range_reversed': { en: 'from {from} is after to {to}', 'zh-CN': '起始日期 {from} 晚于截止日期 {to}' },
  'feedback.range_too_long': { en: 'the period may span at most {max} days', 'zh-CN': '期间最长 {max} 天' },
  'import.too_large': { en: 'The file has {bytes} bytes; at most {limit} are imported at once', 'zh-CN': '文件有 {bytes} 字节，一次最多导入 {limit} 字节' },
  'import.too_many_rows': { en: 'The file has {rows} rows; at most {limit} are imported at once', 'zh-CN': '文件有 {rows} 行，一次最多导入 {limit} 行' },
  'import.unreadable': { en: 'The file {name} is neither an .xlsx workbook nor a CSV file', 'zh-CN': '文件 {name} 既不是 .xlsx 工作簿，也不是 CSV 文件' },
  'import.broken': { en: 'The file {name} cannot be read: {reason}', 'zh-CN': '无法读取文件 {name}：{reason}' },
  'import.empty': { en: 'The file {name} has no rows of feedback', 'zh-CN': '文件 {name} 中没有反馈记录' },
  'import.columns_missing': { en: 'The file lacks the columns {names} (headers such as 项目, 渠道, 反馈时间, 反馈内容)', 'zh-CN': '文件缺少列：{names}（表头如 项目、渠道、反馈时间、反馈内容）' },
  'import.column_missing': { en: 'no column for {name}', 'zh-CN': '缺少“{name}”列' },
  'import.refused': { en: '{refused} of {rows} rows are not valid: nothing was imported', 'zh-CN': '{rows} 行中有 {refused} 行无效：未导入任何记录' },
} as const;

export const feedbackMessage = messageFactory(FEEDBACK_MESSAGES);
