import { messageFactory } from '../shared/messages.ts';

/** What managing organisations, regions, people and memberships says, in Chinese and English. */
export const ORGANISATION_MESSAGES = {
  'organisation.not_found': { en: 'No organisation {code}', 'zh-CN': '没有代码为 {code} 的组织' },
  'organisation.exists': { en: 'Organisation {code} already exists', 'zh-CN': '组织 {code} 已存在' },
  'organisation.system_only': { en: 'Organisations are created from the command line only', 'zh-CN': '组织只能通过命令行创建' },
  'organisation.invalid': { en: 'Cannot save organisation {code}', 'zh-CN': '无法保存组织 {code}' },
  'organisation.code_rule': { en: 'use 2–32 lower-case letters, digits or "-", starting with a letter', 'zh-CN': '请使用 2–32 个小写字母、数字或“-”，以字母开头' },
  'organisation.name_rule': { en: 'a name of 1–100 characters', 'zh-CN': '请填写 1–100 个字符的名称' },
  'region.not_found': { en: 'No region {region}', 'zh-CN': '没有区域 {region}' },
  'region.exists': { en: 'A region with code {code} or name {name} already exists', 'zh-CN': '代码为 {code} 或名称为 {name} 的区域已存在' },
  'region.invalid': { en: 'Cannot create region {code}', 'zh-CN': '无法创建区域 {code}' },
  'region.code_rule': { en: 'use 1–16 upper-case letters, digits or "-"', 'zh-CN': '请使用 1–16 个大写字母、数字或“-”' },
  'person.not_found': { en: 'No user {username} in this organisation', 'zh-CN': '本组织没有用户 {username}' },
  'organisation.project_not_found': { en: 'No project {code}', 'zh-CN': '没有代码为 {code} 的项目' },
  'membership.not_found': { en: 'No membership {id}', 'zh-CN': '没有编号为 {id} 的角色分配' },
  'membership.invalid': { en: 'Cannot grant {role} to {username}', 'zh-CN': '无法为 {username} 分配{role:role}' },
  'membership.role_rule': { en: 'one of {roles}', 'zh-CN': '请选择以下角色之一：{roles:role}' },
  'membership.one_level': { en: 'name a region or a project, not both', 'zh-CN': '请指定区域或项目之一，不能同时指定' },
  'membership.admin_level': { en: 'admin is held on the whole organisation only', 'zh-CN': '管理员角色只能在整个组织层级担任' },
  'membership.exists': { en: '{username} already holds {role} there', 'zh-CN': '{username} 已在该处担任{role:role}' },
  'membership.not_held': { en: '{username} holds no {role} there', 'zh-CN': '{username} 未在该处担任{role:role}' },
  'membership.last_admin': { en: 'The last administrator of the organisation cannot be removed', 'zh-CN': '不能移除本组织最后一位管理员' },
  'person.manage_own_organisation': { en: '{username} may manage people only as an administrator of the whole organisation', 'zh-CN': '{username} 须为整个组织的管理员才能管理人员' },
  'person.not_self': { en: 'You cannot deactivate your own account', 'zh-CN': '不能停用自己的账号' },
} as const;

export const organisationMessage = messageFactory(ORGANISATION_MESSAGES);
