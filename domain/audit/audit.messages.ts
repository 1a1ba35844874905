import { messageFactory } from '../shared/messages.ts';

/** Why the audit chain is broken, in Chinese and English. */
export const AUDIT_MESSAGES = {
  'audit.event_missing': { en: 'event {id} is missing', 'zh-CN': '第 {id} 条记录缺失' },
  'audit.link_broken': { en: 'event {id} does not link to the hash of event {previous}', 'zh-CN': '第 {id} 条记录没有链接到第 {previous} 条记录的哈希' },
  'audit.event_altered': { en: 'event {id} was altered: its content does not match its hash', 'zh-CN': '第 {id} 条记录被改动过：内容与哈希不符' },
} as const;

export const auditMessage = messageFactory(AUDIT_MESSAGES);
