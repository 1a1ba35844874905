import { messageFactory } from '../shared/messages.ts';

/** What checklists and the judging of answers say, in Chinese and English. */
export const CHECKLIST_MESSAGES = {
  'checklist.request_invalid': { en: 'The checklist request is not valid', 'zh-CN': '检查表请求无效' },
  'checklist.scope_invalid': { en: 'must be a module, procedure or instruction code such as M03, M03.P01 or M03.P01.W002', 'zh-CN': '必须是模块、服务规程或作业指导书的编码，例如 M03、M03.P01 或 M03.P01.W002' },
  'checklist.date_invalid': { en: 'must be a date YYYY-MM-DD', 'zh-CN': '必须是 YYYY-MM-DD 格式的日期' },
  'checklist.date_out_of_window': { en: 'must lie within about 13 months of today; older checklists are read by id', 'zh-CN': '必须在今天前后约 13 个月之内；更早的检查表请按编号读取' },
  'checklist.scope_empty': { en: 'Edition {edition} has no work instruction in {scope}', 'zh-CN': '版本集 {edition} 在 {scope} 下没有作业指导书' },
  'checklist.no_items': { en: '{scope} has no {tier} check items in edition {edition}', 'zh-CN': '版本集 {edition} 中 {scope} 没有{tier:tier}检查项' },
  'checklist.library_no_items': { en: 'The library has no {tier} check items in edition {edition}', 'zh-CN': '版本集 {edition} 中标准库没有{tier:tier}检查项' },
  'checklist.not_found': { en: 'No checklist with id {id}', 'zh-CN': '没有编号为 {id} 的检查表' },
  'checklist.item_unsupported': { en: '{code}@{version} item {key} cannot be put on a checklist', 'zh-CN': '{code}@{version} 的检查项 {key} 无法放入检查表' },
  'checklist.item_keywords_unsupported': { en: 'checklists judge items by type, bounds, options, length, pattern and photo count; {keywords} is not supported on a check item', 'zh-CN': '检查表按类型、上下限、选项、长度、格式和照片数量判定检查项；检查项上不支持 {keywords}' },
  'checklist.item_type_list_unsupported': { en: 'checklists judge items by type, bounds, options, length, pattern and photo count; a list of types is not supported on a check item', 'zh-CN': '检查表按类型、上下限、选项、长度、格式和照片数量判定检查项；检查项不能有多个类型' },
  // answers
  'answers.invalid': { en: 'The answers do not fit checklist {checklist} ({count} problem{count:s})', 'zh-CN': '答案与检查表 {checklist} 不符（{count} 个问题）' },
  'answers.lack_evidence': { en: 'The answers lack evidence ({count} problem{count:s})', 'zh-CN': '答案缺少佐证（{count} 个问题）' },
  'answers.item_unknown': { en: '{item} is not an item of checklist {checklist}', 'zh-CN': '{item} 不是检查表 {checklist} 的检查项' },
  'answers.item_twice': { en: '{item} is answered twice', 'zh-CN': '{item} 被回答了两次' },
  'answers.item_missing': { en: '{item} ({title}) is not answered: give a value, or notApplicable with the reason', 'zh-CN': '{item}（{title}）未作答：请填写结果，或注明不适用及原因' },
  'answers.na_reason': { en: '{title}: not applicable needs the reason (1–500 characters)', 'zh-CN': '{title}：不适用需要说明原因（1–500 个字符）' },
  'answers.value_and_na': { en: '{title}: give either a value or notApplicable with the reason, not both', 'zh-CN': '{title}：请填写结果或注明不适用，不能两者都有' },
  'answers.value_missing': { en: '{title}: give a value, or notApplicable with the reason', 'zh-CN': '{title}：请填写结果，或注明不适用及原因' },
  'answers.value_invalid': { en: '{title}: {problem}', 'zh-CN': '{title}：{problem}' },
  'answers.reason_expected': { en: 'expected {criterionEn}', 'zh-CN': '应为 {criterionZh}' },
  'answers.reason_recorded': { en: '{text}', 'zh-CN': '{text}（英文原文）' },
  'answers.wrong_type': { en: 'has the wrong type', 'zh-CN': '类型不正确' },
  'answers.photos_invalid': { en: '{title}: photos must be at most 20 different photo ids', 'zh-CN': '{title}：照片最多 20 张且不能重复' },
  'answers.remark_invalid': { en: '{title}: a remark is text of at most 2000 characters', 'zh-CN': '{title}：备注最多 2000 个字符' },
  'answers.photo_id_invalid': { en: '{title}: a photo id is the sha256 uploadPhoto returned', 'zh-CN': '{title}：照片编号应为上传照片时返回的 sha256' },
  'answers.photo_not_uploaded': { en: 'photo {photo} has not been uploaded', 'zh-CN': '照片 {photo} 尚未上传' },
  'answers.photo_required': { en: '{title}: a photo is required', 'zh-CN': '{title}：必须拍照' },
  'answers.photo_on_fail': { en: '{title}: a failed item needs a photo as evidence', 'zh-CN': '{title}：不合格项需要拍照作为佐证' },
  'tier.daily': { en: 'daily', 'zh-CN': '日常巡检' },
  'tier.monthly': { en: 'monthly', 'zh-CN': '月度飞行检查' },
  'tier.quarterly': { en: 'quarterly', 'zh-CN': '季度审计' },
  'tier.scenario': { en: 'scenario assessment', 'zh-CN': '情景模拟考核' },
  'tier.mystery': { en: 'mystery-customer audit', 'zh-CN': '神秘客户暗访' },
} as const;

export const checklistMessage = messageFactory(CHECKLIST_MESSAGES);
