import { messageFactory } from '../shared/messages.ts';

/** What qualification requirements, checks and warnings say, in Chinese and English. */
export const QUALIFICATION_MESSAGES = {
  'qualification.missing': { en: '{username} holds no {certificate}, which {subject} requires', 'zh-CN': '{username} 未持有{subject}所要求的{certificate}' },
  'qualification.expired': { en: '{username}\'s {certificate} (No. {number}) expired on {expiresOn}; {subject} requires a valid one', 'zh-CN': '{username} 的{certificate}（编号 {number}）已于 {expiresOn} 过期，{subject}要求有效证书' },
  'qualification.subject_task': { en: 'task {name}', 'zh-CN': '任务「{name}」' },
  'qualification.subject_inspection': { en: 'this inspection', 'zh-CN': '本次检查' },
  'qualification.subject_unknown': { en: 'subject must be tier or document, not {subject}', 'zh-CN': '适用对象须为 tier 或 document，而非 {subject}' },
  'qualification.requirement_invalid': { en: 'The qualification requirement is incomplete', 'zh-CN': '资质要求不完整' },
  'qualification.required': { en: 'required', 'zh-CN': '必填' },
  'qualification.requirement_exists': { en: '{target} already requires {certificate}', 'zh-CN': '{target} 已要求{certificate}' },
  'qualification.requirement_not_found': { en: 'No qualification requirement {id}', 'zh-CN': '没有资质要求 {id}' },
  'qualification.certificates_invalid': { en: 'The certificates of {username} are invalid', 'zh-CN': '{username} 的证书信息有误' },
  'qualification.person_not_found': { en: 'No person {username}', 'zh-CN': '没有人员 {username}' },
} as const;

export const qualificationMessage = messageFactory(QUALIFICATION_MESSAGES);
