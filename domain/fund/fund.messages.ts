import { messageFactory } from '../shared/messages.ts';

/** What the innovation fund says, in Chinese and English. */
export const FUND_MESSAGES = {
  'proposal.invalid': { en: 'The proposal is not complete or not valid', 'zh-CN': '提案填写不完整或有误' },
  'proposal.photo_missing': { en: 'no uploaded photo {photo}; upload it first', 'zh-CN': '没有已上传的照片 {photo}；请先上传' },
  'proposal.not_found': { en: 'No innovation-fund proposal {id}', 'zh-CN': '没有创新基金提案 {id}' },
  'proposal.not_yours': { en: '{username} may read only their own proposals; proposal {id} is by someone else', 'zh-CN': '{username} 只能查看自己的提案；提案 {id} 由他人提交' },
  'proposal.status_unknown': { en: 'Unknown proposal status {status}', 'zh-CN': '未知的提案状态 {status}' },
  'proposal.status_rule': { en: 'must be one of {statuses}', 'zh-CN': '必须是以下之一：{statuses}' },
  'proposal.not_deployed': { en: 'The innovation-fund process is not deployed', 'zh-CN': '创新基金流程尚未部署' },
} as const;

export const fundMessage = messageFactory(FUND_MESSAGES);
