import { messageFactory } from '../shared/messages.ts';

/** What the projects say, in Chinese and English. */
export const PROJECT_MESSAGES = {
  'project.not_found': { en: 'No project with id {id}', 'zh-CN': '没有编号为 {id} 的项目' },
} as const;

export const projectMessage = messageFactory(PROJECT_MESSAGES);
