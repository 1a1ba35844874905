import { messageFactory } from './messages.ts';

/** What the permission check says, and the words for roles and permissions, in Chinese and English. */
export const ACCESS_MESSAGES = {
  'auth.sign_in_first': { en: 'Sign in first: this needs a bearer token from login', 'zh-CN': '请先登录：此操作需要登录后获得的令牌' },
  'auth.forbidden': { en: '{username} may not {permission:permission}: it needs one of the roles {roles}', 'zh-CN': '{username} 无权{permission:permission}：需要以下角色之一：{roles:role}' },
  'role.admin': { en: 'admin', 'zh-CN': '管理员' },
  'role.quality_manager': { en: 'quality_manager', 'zh-CN': '品质经理' },
  'role.inspector': { en: 'inspector', 'zh-CN': '品控员' },
  'role.project_manager': { en: 'project_manager', 'zh-CN': '项目经理' },
  'role.auditor': { en: 'auditor', 'zh-CN': '审核员' },
  'role.fund_committee': { en: 'fund_committee', 'zh-CN': '基金评审' },
  'role.frontline': { en: 'frontline', 'zh-CN': '一线员工' },
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
  'permission.submitProposals': { en: 'submit innovation-fund proposals', 'zh-CN': '提交创新基金提案' },
  'permission.readAllProposals': { en: 'read every innovation-fund proposal', 'zh-CN': '查看全部创新基金提案' },
} as const;

export const accessMessage = messageFactory(ACCESS_MESSAGES);
