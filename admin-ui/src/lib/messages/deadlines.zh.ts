/** 管理端中文：定时器时长表达式与按时长生成的标签（单位用于图上的标签，如「24小时」）。 */
export const deadlinesZh = {
  'deadline.expression': '时长表达式（FEEL，可选）',
  'deadline.expressionHint': '按流程变量计算时长，如 `if rectifyWithinHours > 0 then duration("PT" + string(rectifyWithinHours) + "H") else null`；结果为空时采用上面的时长',
  'deadline.expressionNotDuration': '结果不是时长（应为 duration("PT24H") 这样的时长，或 null）',
  'deadline.labelFollows': '名称随时长更新（手写的名称保持不变）',
  'variable.rectifyWithinHours': '整改时限',
  'deadline.againstTaskDue': '按各任务期限',
  'deadline.unit.Y': '{n}年',
  'deadline.unit.Mo': '{n}个月',
  'deadline.unit.W': '{n}周',
  'deadline.unit.D': '{n}天',
  'deadline.unit.H': '{n}小时',
  'deadline.unit.Mi': '{n}分钟',
  'deadline.unit.S': '{n}秒',
};
