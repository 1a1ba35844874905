/** Chinese for the bpmn-js palette, context pad and popup menus (the rest stays in English). */
const ZH: Record<string, string> = {
  'Activate hand tool': '抓手工具',
  'Activate lasso tool': '套索工具',
  'Activate create/remove space tool': '增减空间工具',
  'Activate global connect tool': '连线工具',
  'Create start event': '创建开始事件',
  'Create intermediate/boundary event': '创建中间/边界事件',
  'Create end event': '创建结束事件',
  'Create gateway': '创建网关',
  'Create task': '创建任务',
  'Create data object reference': '创建数据对象引用',
  'Create data store reference': '创建数据存储引用',
  'Create expanded sub-process': '创建展开的子流程',
  'Create pool/participant': '创建池/参与者',
  'Create group': '创建分组',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append task': '追加任务',
  'Append intermediate/boundary event': '追加中间/边界事件',
  'Append timer intermediate catch event': '追加定时中间事件',
  'Add text annotation': '添加文本注释',
  'Change element': '更改元素类型',
  'Connect to other element': '连接到其他元素',
  'Connect using association': '用关联连接',
  Delete: '删除',
  'User task': '用户任务',
  'Service task': '服务任务',
  Task: '任务',
  'Exclusive gateway': '排他网关',
  'Parallel gateway': '并行网关',
  'Start event': '开始事件',
  'End event': '结束事件',
  'Timer intermediate catch event': '定时中间捕获事件',
  'Timer boundary event': '定时边界事件',
  'Timer boundary event (non-interrupting)': '定时边界事件（不中断）',
  'Terminate end event': '终止结束事件',
  'Escalation end event': '升级结束事件',
  'Sub-process (expanded)': '子流程（展开）',
  'Search in diagram': '在图中搜索',
};

/**
 * A bpmn-js module replacing its `translate` service with one that follows the UI's language
 * (asked each time: popups and the context pad are drawn anew each time they open).
 */
export function translateModule(language: () => string) {
  return {
    translate: [
      'value',
      (template: string, replacements: Record<string, string> = {}) =>
        ((language() === 'zh' ? ZH[template] : undefined) ?? template).replace(/{([^}]+)}/g, (_m, key: string) => replacements[key] ?? `{${key}}`),
    ],
  };
}
