import { messageFactory } from '../shared/messages.ts';

/** What the library's ownership rules say (the shared baseline, organisations' additions), in Chinese and English. */
export const OWNERSHIP_MESSAGES = {
  'ownership.baseline_read_only': {
    en: '{code} belongs to the shared baseline library, which only its maintaining organisation edits; to change it for your organisation, make an organisation overlay of {code} (standard page, tab "Organisation overlay")',
    'zh-CN': '{code} 属于共享基线标准库，只有维护它的组织可以修改；如需为本组织调整，请为 {code} 建立本组织覆盖（标准页面的「本组织覆盖」标签）',
  },
  'ownership.baseline_new': {
    en: 'New baseline codes such as {code} are the baseline owner\'s; your organisation\'s own standards take its prefix: {prefix}-{code}',
    'zh-CN': '{code} 这类基线编码只能由基线维护组织新建；本组织自己的标准须带本组织前缀：{prefix}-{code}',
  },
  'ownership.foreign_namespace': {
    en: '{code} is in the namespace {namespace}, not your organisation\'s ({prefix})',
    'zh-CN': '{code} 属于命名空间 {namespace}，不是本组织的（{prefix}）',
  },
  'ownership.baseline_editions': {
    en: 'Editions and variants of the shared baseline library are published by its maintaining organisation; publish an organisation edition instead',
    'zh-CN': '共享基线标准库的版本集和变体由其维护组织发布；请改为发布本组织版本集',
  },
} as const;

export const ownershipMessage = messageFactory(OWNERSHIP_MESSAGES);
