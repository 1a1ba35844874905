import { messageFactory } from '../shared/messages.ts';

/** What scenario assessments and mystery-customer links say, in Chinese and English. */
export const ASSESSMENT_MESSAGES = {
  'mystery.link_unknown': { en: 'This mystery-customer link is not valid', 'zh-CN': '该神秘客户链接无效' },
  'mystery.link_used': { en: 'This mystery-customer link has already been used; each link can be submitted once', 'zh-CN': '该神秘客户链接已经使用过；每个链接只能提交一次' },
  'mystery.link_expired': { en: 'This mystery-customer link expired on {expiresOn}', 'zh-CN': '该神秘客户链接已于 {expiresOn} 过期' },
  'mystery.other_checklist': { en: "The answers are for another checklist than this link's project", 'zh-CN': '答案所属的检查表不是该链接对应项目的暗访检查表' },
  'mystery.other_checklist_detail': { en: 'checklist {checklist} is not the mystery checklist of project {project}', 'zh-CN': '检查表 {checklist} 不是项目 {project} 的神秘客户暗访检查表' },
  'mystery.count_rule': { en: 'count must be a whole number from 1 to {max}', 'zh-CN': '数量必须是 1 到 {max} 之间的整数' },
  'mystery.expires_rule': { en: 'expiresOn must be a date from today to {max} days ahead', 'zh-CN': '有效期必须是今天起 {max} 天之内的日期' },
  'mystery.request_invalid': { en: 'The links cannot be issued', 'zh-CN': '无法生成链接' },
} as const;

export const assessmentMessage = messageFactory(ASSESSMENT_MESSAGES);
