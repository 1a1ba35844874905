import { messageFactory } from '../shared/messages.ts';

/** What sign-in, roles and users say, in Chinese and English. */
export const USER_MESSAGES = {
  'auth.sign_in_first': { en: 'Sign in first: this needs a bearer token from login', 'zh-CN': '请先登录：此操作需要登录后获得的令牌' },
  'auth.forbidden': { en: '{username} may not {permission:permission}: it needs one of the roles {roles}', 'zh-CN': '{username} 无权{permission:permission}：需要以下角色之一：{roles:role}' },
  'auth.invalid_credentials': { en: 'Wrong username or password', 'zh-CN': '用户名或密码错误' },
  'auth.rate_limited': { en: 'Too many failed sign-ins; try again in {seconds} s', 'zh-CN': '登录失败次数过多，请在 {seconds} 秒后重试' },
  'user.invalid': { en: 'Cannot create user {username}', 'zh-CN': '无法创建用户 {username}' },
  'user.username_rule': { en: 'use 2–64 lower-case letters, digits, ".", "_" or "-"', 'zh-CN': '请使用 2–64 个小写字母、数字、“.”、“_”或“-”' },
  'user.password_rule': { en: 'at least 8 characters', 'zh-CN': '至少 8 个字符' },
  'user.roles_rule': { en: 'one or more of {roles}', 'zh-CN': '请选择以下一个或多个角色：{roles}' },
  'user.roles_unknown': { en: 'one or more of {roles} (unknown: {unknown})', 'zh-CN': '请选择以下一个或多个角色：{roles}（未知：{unknown}）' },
  'user.exists': { en: 'User {username} already exists', 'zh-CN': '用户 {username} 已存在' },
  'role.admin': { en: 'admin', 'zh-CN': '管理员' },
  'role.quality_manager': { en: 'quality_manager', 'zh-CN': '品质经理' },
  'role.inspector': { en: 'inspector', 'zh-CN': '品控员' },
  'role.project_manager': { en: 'project_manager', 'zh-CN': '项目经理' },
  'role.auditor': { en: 'auditor', 'zh-CN': '审核员' },
  'role.fund_committee': { en: 'fund_committee', 'zh-CN': '基金评审' },
  'permission.readStandards': { en: 'read standards', 'zh-CN': '查看标准' },
  'permission.editStandards': { en: 'edit standards', 'zh-CN': '编辑标准' },
  'permission.publishStandards': { en: 'publish standards', 'zh-CN': '发布标准' },
  'permission.publishEditions': { en: 'publish editions', 'zh-CN': '发布版本集' },
  'permission.readAuditTrail': { en: 'read audit trail', 'zh-CN': '查看审计追踪' },
  'permission.verifyAuditChain': { en: 'verify audit chain', 'zh-CN': '校验审计链' },
  'permission.manageUsers': { en: 'manage users', 'zh-CN': '管理用户' },
  'permission.readInspections': { en: 'read inspections', 'zh-CN': '查看检查记录' },
  'permission.inspect': { en: 'inspect', 'zh-CN': '执行检查' },
  'permission.uploadPhotos': { en: 'upload photos', 'zh-CN': '上传照片' },
  'permission.manageSchedules': { en: 'manage schedules', 'zh-CN': '管理检查计划' },
  'permission.startWorkflows': { en: 'start workflows', 'zh-CN': '发起流程' },
  'permission.workOnTasks': { en: 'work on tasks', 'zh-CN': '处理任务' },
  'permission.manageWorkflows': { en: 'manage workflows', 'zh-CN': '管理流程' },
} as const;

export const userMessage = messageFactory(USER_MESSAGES);
