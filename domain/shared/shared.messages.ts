import { messageFactory } from './messages.ts';

/** Messages every feature uses: values of the wrong shape, pages, dates. */
export const SHARED_MESSAGES = {
  'value.must_be_object': { en: 'must be an object', 'zh-CN': '必须是对象' },
  'value.must_be_array': { en: 'must be an array', 'zh-CN': '必须是数组' },
  'value.non_empty_string': { en: 'must be a non-empty string', 'zh-CN': '必须是非空文本' },
  'value.nested_too_deep': { en: 'nested deeper than {limit} levels', 'zh-CN': '嵌套超过 {limit} 层' },
  'value.note_required': { en: 'note is required', 'zh-CN': '必须填写说明' },
  'value.not_a_date': { en: '"{value}" is not a date YYYY-MM-DD', 'zh-CN': '“{value}”不是 YYYY-MM-DD 格式的日期' },
  'value.not_dates': { en: 'Not a date: {names}', 'zh-CN': '日期无效：{names}' },
  'value.no_nul_text': { en: 'text may not contain NUL characters (\\u0000)', 'zh-CN': '文本不能包含 NUL 字符（\\u0000）' },
  'value.no_nul_key': { en: 'a key may not contain NUL characters (\\u0000)', 'zh-CN': '键名不能包含 NUL 字符（\\u0000）' },
  'value.not_json': { en: 'not valid JSON: {detail}', 'zh-CN': '不是有效的 JSON：{detail}' },
  'page.out_of_range': { en: 'The page asked for is out of range', 'zh-CN': '请求的分页超出范围' },
  'page.size_out_of_range': { en: 'must be between 1 and {max} (got {value})', 'zh-CN': '必须在 1 到 {max} 之间（收到 {value}）' },
  'page.directions_mixed': { en: 'page forwards (first, after) or backwards (last, before), not both', 'zh-CN': '请向后翻页（first、after）或向前翻页（last、before），不能同时使用' },
  'page.not_a_cursor_of': { en: '"{cursor}" is not a cursor of {list}', 'zh-CN': '“{cursor}”不是 {list} 列表的游标' },
  'page.cursor_rule': { en: 'not a cursor of {list}: pass a cursor this list returned (an edge\'s cursor, or pageInfo.endCursor)', 'zh-CN': '不是 {list} 列表的游标：请传入该列表返回的游标（边的 cursor 或 pageInfo.endCursor）' },
} as const;

export const sharedMessage = messageFactory(SHARED_MESSAGES);
