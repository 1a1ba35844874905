import { messageFactory } from '../shared/messages.ts';

/** What regional flying inspections say, in Chinese and English. */
export const FLYING_MESSAGES = {
  'flying.bad_month': { en: 'month {value} is not a month YYYY-MM', 'zh-CN': '月份 {value} 不是 YYYY-MM 格式的月份' },
  'flying.month_rule': { en: 'must be a month YYYY-MM', 'zh-CN': '必须是 YYYY-MM 格式的月份' },
  'flying.month_window': { en: 'must lie between {earliest} and {latest}', 'zh-CN': '必须在 {earliest} 至 {latest} 之间' },
  'flying.bad_range': { en: 'The period {from} – {to} is not a period of days in order', 'zh-CN': '期间 {from} 至 {to} 不是按先后排列的日期' },
  'flying.region_not_found': { en: 'No region with id {id}', 'zh-CN': '没有编号为 {id} 的区域' },
  'flying.may_not_draw': { en: '{username} may not draw the flying inspections of region {region}: it needs admin or quality_manager on the organisation or on the region', 'zh-CN': '{username} 无权抽取区域 {region} 的飞行检查：需要在本组织或该区域担任管理员或品质经理' },
  'flying.may_not_read': { en: '{username} may not see the flying inspections of region {region}: they are shown to the region\'s supervisors and to admins, quality managers and auditors of the organisation', 'zh-CN': '{username} 无权查看区域 {region} 的飞行检查：仅该区域的督导及本组织的管理员、品质经理、审核员可见' },
  'flying.no_regions': { en: '{username} supervises no region and does not oversee the organisation', 'zh-CN': '{username} 既不督导任何区域，也不负责整个组织' },
} as const;

export const flyingMessage = messageFactory(FLYING_MESSAGES);
