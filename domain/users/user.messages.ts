import { messageFactory } from '../shared/messages.ts';

/** What sign-in, roles and users say, in Chinese and English. */
export const USER_MESSAGES = {
  'auth.invalid_credentials': { en: 'Wrong username or password', 'zh-CN': '用户名或密码错误' },
  'auth.rate_limited': { en: 'Too many failed sign-ins; try again in {seconds} s', 'zh-CN': '登录失败次数过多，请在 {seconds} 秒后重试' },
  'user.invalid': { en: 'Cannot create user {username}', 'zh-CN': '无法创建用户 {username}' },
  'user.username_rule': { en: 'use 2–64 lower-case letters, digits, ".", "_" or "-"', 'zh-CN': '请使用 2–64 个小写字母、数字、“.”、“_”或“-”' },
  'user.password_rule': { en: 'at least 8 characters', 'zh-CN': '至少 8 个字符' },
  'user.roles_rule': { en: 'one or more of {roles}', 'zh-CN': '请选择以下一个或多个角色：{roles}' },
  'user.roles_unknown': { en: 'one or more of {roles} (unknown: {unknown})', 'zh-CN': '请选择以下一个或多个角色：{roles}（未知：{unknown}）' },
  'user.exists': { en: 'User {username} already exists', 'zh-CN': '用户 {username} 已存在' },
} as const;

export const userMessage = messageFactory(USER_MESSAGES);
