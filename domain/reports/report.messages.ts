import { messageFactory } from '../shared/messages.ts';

/** What the dashboard's reports and workbooks say about their filters, in Chinese and English. */
export const REPORT_MESSAGES = {
  'report.bad_filter': { en: 'The report filter is not valid: {names}', 'zh-CN': '报表筛选条件无效：{names}' },
  'report.module_rule': { en: '"{value}" is not a module: use M01 to M07', 'zh-CN': '“{value}”不是模块：请用 M01 至 M07' },
  'report.group_rule': { en: '"{value}" is not a grouping: use project, module or month', 'zh-CN': '“{value}”不是分组方式：请用 project（项目）、module（模块）或 month（月份）' },
  'report.range_reversed': { en: 'from {from} is after to {to}', 'zh-CN': '起始日期 {from} 晚于截止日期 {to}' },
  'report.source_rule': { en: '"{value}" is not a heat map source: use findings, feedback or combined', 'zh-CN': '“{value}”不是热力图数据来源：请用 findings（检查问题）、feedback（客户反馈）或 combined（合并）' },
} as const;

export const reportMessage = messageFactory(REPORT_MESSAGES);
