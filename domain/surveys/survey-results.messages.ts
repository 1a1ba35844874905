import { messageFactory } from '../shared/messages.ts';

/** What survey results say, in Chinese and English. */
export const SURVEY_RESULTS_MESSAGES = {
  'survey_results.too_few_responses': { en: 'Key-driver analysis needs at least {required} complete responses; {n} were found', 'zh-CN': '关键驱动因素分析至少需要 {required} 份完整答卷，目前只有 {n} 份' },
  'survey_results.no_drivers': { en: 'Questionnaire {questionnaire} v{version} marks no driver questions and no overall question (x-role driver / overall)', 'zh-CN': '问卷 {questionnaire} 第 {version} 版没有标注驱动因素题或总体满意度题（x-role driver / overall）' },
  'survey_results.constant_overall': { en: 'Every complete response gives the same overall satisfaction: nothing to explain', 'zh-CN': '所有完整答卷的总体满意度都相同，无法分析驱动因素' },
  'survey_results.wave_not_found': { en: 'No survey wave with id {id}', 'zh-CN': '没有编号为 {id} 的调查' },
  'survey_results.project_not_found': { en: 'No project with id {id}', 'zh-CN': '没有编号为 {id} 的项目' },
} as const;

export const surveyResultsMessage = messageFactory(SURVEY_RESULTS_MESSAGES);
