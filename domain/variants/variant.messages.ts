import { messageFactory } from '../shared/messages.ts';

/** What variants (project-profile overlays) say, in Chinese and English. */
export const VARIANT_MESSAGES = {
  'variant.overlay_identity': { en: "The overlay of {code} changes the document's identity", 'zh-CN': '{code} 的覆盖改变了文档的身份' },
  'variant.overlay_field_fixed': { en: 'an overlay may not change {field}', 'zh-CN': '覆盖不能修改 {field}' },
  'variant.overlay_invalid': { en: 'The overlay of {code} makes an invalid standard', 'zh-CN': '{code} 的覆盖产生了无效的标准' },
  'variant.not_object': { en: 'A variant must be a JSON object', 'zh-CN': '变体必须是 JSON 对象' },
  'variant.profile_rule': { en: 'must be a lower-case profile name such as "platinum"', 'zh-CN': '必须是小写的项目类型名称，例如“platinum”' },
  'variant.code_rule': { en: 'must be a standard code', 'zh-CN': '必须是标准编码' },
  'variant.overlay_twice': { en: '{code} has more than one overlay', 'zh-CN': '{code} 有不止一个覆盖' },
  'variant.note_rule': { en: 'must say why the variant differs', 'zh-CN': '必须说明变体为何不同' },
  'variant.patch_rule': { en: 'must be a JSON Merge Patch object', 'zh-CN': '必须是 JSON Merge Patch 对象' },
  'variant.invalid': { en: 'The variant is not valid', 'zh-CN': '变体无效' },
  'variant.base_unpublished': { en: 'The {profile} variant overlays {code}, which is not published', 'zh-CN': '{profile} 变体覆盖的 {code} 尚未发布' },
  'variant.code_unpublished': { en: '{code} is not published', 'zh-CN': '{code} 尚未发布' },
  'variant.not_in_edition': { en: 'Edition {edition} has no {profile} variant', 'zh-CN': '版本集 {edition} 没有 {profile} 变体' },
  'variant.version_not_found': { en: 'No version {version} of the {profile} variant', 'zh-CN': '{profile} 变体没有第 {version} 版' },
} as const;

export const variantMessage = messageFactory(VARIANT_MESSAGES);
