import { messageFactory } from '../shared/messages.ts';

/** What trainings (标准培训) say, in Chinese and English. */
export const TRAINING_MESSAGES = {
  'training.not_found': { en: 'No training with id {id}', 'zh-CN': '没有编号为 {id} 的培训' },
  'training.session_not_found': { en: 'No training session with id {id}', 'zh-CN': '没有编号为 {id} 的培训场次' },
  'training.not_instruction': { en: '{code} is not a work instruction: trainings are opened for work instructions', 'zh-CN': '{code} 不是作业指导书：只能为作业指导书开展培训' },
  'training.not_published': { en: 'Version {version} of {code} was never published: a training is opened for a published version', 'zh-CN': '{code} 第 {version} 版未曾发布：只能为已发布的版本开展培训' },
  'training.no_published': { en: '{code} has no published version to train', 'zh-CN': '{code} 没有可培训的已发布版本' },
  'training.wrong_version': { en: 'These answers are for version {given} of {code}, but the training is for version {version}', 'zh-CN': '答卷针对 {code} 第 {given} 版，而本次培训针对第 {version} 版' },
  'training.version_rule': { en: 'must be version {version}, the version trained', 'zh-CN': '必须是培训的版本：第 {version} 版' },
  'training.answers_invalid': { en: 'The answers do not fit the quiz', 'zh-CN': '答卷不符合测验要求' },
  'training.answer_missing': { en: 'question {id} is not answered', 'zh-CN': '第 {id} 题未作答' },
  'training.answer_unknown': { en: '"{id}" is not a question of this quiz', 'zh-CN': '“{id}”不是本测验的题目' },
  'training.answer_range': { en: 'an answer is the number of one of the {count} options (0–{last})', 'zh-CN': '答案须为 {count} 个选项之一的序号（0–{last}）' },
  'training.place_rule': { en: 'a place and a trainer are 1–255 characters', 'zh-CN': '地点和培训人须为 1–255 个字符' },
  'training.invite_rule': { en: 'invite by project and role, or by usernames', 'zh-CN': '请按项目和角色、或按用户名邀请' },
  'training.user_unknown': { en: 'No person {username} in this organisation', 'zh-CN': '本组织没有用户 {username}' },
  'training.project_unknown': { en: 'No project with id {id}', 'zh-CN': '没有编号为 {id} 的项目' },
  'training.not_invited': { en: '{username} is not invited to session {id}', 'zh-CN': '{username} 未受邀参加场次 {id}' },
} as const;

export const trainingMessage = messageFactory(TRAINING_MESSAGES);
