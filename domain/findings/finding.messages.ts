import { messageFactory } from '../shared/messages.ts';

/** What reading and filtering findings says, in Chinese and English. */
export const FINDING_MESSAGES = {
  'finding.filter_invalid': { en: 'The findings filter is not valid: {names}', 'zh-CN': '不合格项筛选条件无效：{names}' },
  'finding.not_one_of': { en: '"{value}" is not one of {allowed}', 'zh-CN': '“{value}”不是以下之一：{allowed}' },
  'finding.not_a_module': { en: '"{value}" is not a module code (M01 … M99)', 'zh-CN': '“{value}”不是模块编号（M01 … M99）' },
  'finding.not_a_touchpoint': { en: '"{value}" is not a touchpoint code', 'zh-CN': '“{value}”不是客户触点编号' },
  'finding.not_a_project': { en: '"{value}" is not a project id', 'zh-CN': '“{value}”不是项目编号' },
  'finding.period_reversed': { en: 'from ({from}) is after to ({to})', 'zh-CN': '开始日期（{from}）晚于结束日期（{to}）' },
} as const;

export const findingMessage = messageFactory(FINDING_MESSAGES);
