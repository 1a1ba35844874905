import { messageFactory } from '../shared/messages.ts';

/** What the effect evaluation (效果评估) says about its windows and inputs, in Chinese and English. */
export const EFFECT_MESSAGES = {
  'effect.bad_input': { en: 'The effect evaluation input is not valid: {names}', 'zh-CN': '效果评估条件无效：{names}' },
  'effect.window_reversed': { en: 'from {from} is after to {to}', 'zh-CN': '起始日期 {from} 晚于截止日期 {to}' },
  'effect.window_missing': { en: 'give the window (from and to) or a training to take it from', 'zh-CN': '请填写时间窗（起止日期），或选择一次培训以取其前后时间窗' },
  'effect.windows_overlap': { en: 'the window before ({to}) must end before the window after starts ({from})', 'zh-CN': '培训前时间窗（截止 {to}）须早于培训后时间窗开始（{from}）' },
  'effect.code_rule': { en: '"{value}" is not a module, procedure or instruction code (e.g. M01, M01.P01, M01.P01.W001)', 'zh-CN': '“{value}”不是模块、程序或指导书编码（如 M01、M01.P01、M01.P01.W001）' },
  'effect.days_rule': { en: 'days must be a whole number from 1 to 365, not {value}', 'zh-CN': '天数须为 1 至 365 的整数，而非 {value}' },
  'effect.training_not_found': { en: 'Training {id} was not found', 'zh-CN': '未找到培训 {id}' },
  'effect.training_no_sessions': { en: 'Training {id} has no sessions yet: give the windows', 'zh-CN': '培训 {id} 尚无场次：请填写时间窗' },
  'effect.project_not_found': { en: 'Project {id} was not found', 'zh-CN': '未找到项目 {id}' },
} as const;

export const effectMessage = messageFactory(EFFECT_MESSAGES);
