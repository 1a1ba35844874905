import { messageFactory } from '../shared/messages.ts';

/** What the organisation layer (overlays, additions, organisation editions) says, in Chinese and English. */
export const LAYER_MESSAGES = {
  'layer.organisation_only': { en: 'Overlays and organisation editions belong to an organisation; the system acts for none', 'zh-CN': '覆盖和组织版本集属于某个组织；系统不代表任何组织' },
  'layer.not_baseline': { en: '{code} is your organisation\'s own standard: edit it directly rather than overlaying it', 'zh-CN': '{code} 是本组织自己的标准：请直接修改，无需覆盖' },
  'layer.base_unpublished': { en: '{code} has no published baseline version to overlay', 'zh-CN': '{code} 没有可覆盖的已发布基线版本' },
  'layer.overlay_invalid': { en: 'The overlay of {code} is not valid', 'zh-CN': '{code} 的覆盖无效' },
  'layer.patch_rule': { en: 'must be a JSON Merge Patch object', 'zh-CN': '必须是 JSON Merge Patch 对象' },
  'layer.note_required': { en: 'say why your organisation differs from the baseline', 'zh-CN': '请说明本组织为何与基线不同' },
  'layer.no_draft': { en: 'Your organisation has no draft overlay of {code}', 'zh-CN': '本组织没有 {code} 的覆盖草稿' },
  'layer.edition_name_rule': { en: 'letters, digits, ".", "_" and "-", at most 64', 'zh-CN': '字母、数字、“.”、“_”和“-”，最多 64 个' },
  'layer.edition_name_invalid': { en: 'The edition name {name} is not valid', 'zh-CN': '版本集名称 {name} 无效' },
  'layer.edition_exists': { en: 'Edition {name} exists already', 'zh-CN': '版本集 {name} 已存在' },
  'layer.edition_not_found': { en: 'Your organisation has no edition {name}', 'zh-CN': '本组织没有版本集 {name}' },
} as const;

export const layerMessage = messageFactory(LAYER_MESSAGES);
