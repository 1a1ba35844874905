import { messageFactory } from '../../domain/shared/messages.ts';

/** What the HTTP and GraphQL front says when it refuses a request as a whole, in Chinese and English. */
export const TRANSPORT_MESSAGES = {
  'request.bad_input': { en: 'Bad input at {pointer}: {problem}', 'zh-CN': '输入有误（{pointer}）：{problem}' },
  'request.depth': { en: 'The query nests fields {found} levels deep; at most {max} are allowed', 'zh-CN': '查询的字段嵌套了 {found} 层；最多允许 {max} 层' },
  'request.aliases': { en: 'The query has {found} aliases; at most {max} are allowed', 'zh-CN': '查询有 {found} 个别名；最多允许 {max} 个' },
  'request.directives': { en: 'The query has {found} directives; at most {max} are allowed', 'zh-CN': '查询有 {found} 个指令；最多允许 {max} 个' },
  'request.cost': { en: 'The query would cost {found}, above the limit of {max} per request; ask for fewer items (first) or fewer nested lists', 'zh-CN': '查询的开销为 {found}，超过每次请求 {max} 的上限；请少取一些条目（first）或减少嵌套的列表' },
  'request.body_not_json': { en: 'The request body is not valid JSON: {reason}', 'zh-CN': '请求体不是有效的 JSON：{reason}' },
  'request.body_too_large': { en: 'Request body exceeds {limit} bytes', 'zh-CN': '请求体超过 {limit} 字节' },
  'request.sign_in_first': { en: 'Sign in first: send Authorization: Bearer <token> from login', 'zh-CN': '请先登录：请求须带上登录获得的 Authorization: Bearer <令牌>' },
  'request.starting': { en: 'Pinzhi is starting; try again in a moment', 'zh-CN': 'Pinzhi 正在启动，请稍后再试' },
  'request.nothing_here': { en: 'Nothing at {path}; the API is at /graphql, the admin UI at /admin/', 'zh-CN': '{path} 下没有内容；API 位于 /graphql，管理界面位于 /admin/' },
  'request.graphql_invalid': { en: '{detail}', 'zh-CN': 'GraphQL 请求无效（详情为英文）：{detail}' },
  'request.unexpected': { en: 'Unexpected error', 'zh-CN': '意外错误' },
} as const;

export const transportMessage = messageFactory(TRANSPORT_MESSAGES);
