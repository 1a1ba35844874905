import { messageFactory } from '../shared/messages.ts';

/** What recording and reading on-site coaching say, in Chinese and English. */
export const COACHING_MESSAGES = {
  'coaching.invalid': { en: 'The coaching record is incomplete or wrong', 'zh-CN': '现场指导记录不完整或有误' },
  'coaching.required': { en: 'required', 'zh-CN': '必填' },
  'coaching.too_long': { en: 'at most {max} characters', 'zh-CN': '最多 {max} 个字符' },
  'coaching.project_unknown': { en: 'no project {id} you may record coaching at', 'zh-CN': '没有可记录现场指导的项目 {id}' },
  'coaching.code_unpublished': { en: 'no published work instruction {code}', 'zh-CN': '没有已发布的作业指导书 {code}' },
  'coaching.photo_missing': { en: 'photo {photo} was not uploaded', 'zh-CN': '照片 {photo} 未上传' },
  'coaching.in_future': { en: 'the visit cannot be after today ({today})', 'zh-CN': '指导日期不能晚于今天（{today}）' },
  'coaching.not_found': { en: 'No coaching record {id}', 'zh-CN': '没有现场指导记录 {id}' },
} as const;

export const coachingMessage = messageFactory(COACHING_MESSAGES);
