import { messageFactory } from '../../shared/messages.ts';

/** What the feedback analyser says, in Chinese and English. */
export const ANALYSIS_MESSAGES = {
  'analysis.too_long': { en: 'The text has {length} characters; feedback is analysed up to {limit}', 'zh-CN': '文本共 {length} 个字符，反馈分析最多接受 {limit} 个字符' },
  'analysis.too_long_rule': { en: 'must be at most {limit} characters', 'zh-CN': '不得超过 {limit} 个字符' },
  'analysis.empty': { en: 'The text to analyse is empty', 'zh-CN': '待分析的文本为空' },
  'analysis.empty_rule': { en: 'must contain some text', 'zh-CN': '必须包含文字' },
} as const;

export const analysisMessage = messageFactory(ANALYSIS_MESSAGES);
