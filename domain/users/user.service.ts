import { randomBytes } from 'node:crypto';
import type { ServiceContext } from '../shared/service-context.ts';
import { type EntityManager, inTransaction } from '../shared/persistence.ts';
import { ConflictError, ValidationError, DomainError, issue } from '../shared/errors.ts';
import { userMessage } from './user.messages.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { settingRepository } from '../shared/setting.repository.ts';
import type { IUser, Qualification } from './user.entity.ts';
import { userRepository } from './user.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { ROLES, type Actor, type Role } from '../shared/access.ts';
import { organisationRepository } from '../organisations/organisation.repository.ts';
import type { TokenService } from './token.ts';
import { assertNotLocked, recordFailure, recordSuccess } from './login-throttle.service.ts';

/** Wrong username or password (deliberately not saying which). */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(userMessage('auth.invalid_credentials'));
    this.name = 'InvalidCredentialsError';
  }
}

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  /** roles held on the whole organisation (more, lower down, are granted as memberships) */
  roles: string[];
  qualifications?: Qualification[];
  /** the organisation the person works for: the acting admin's, else the given one, else the first */
  organisationId?: number;
  /** no role yet is fine: an administrator grants them at a level afterwards (until then they see nothing) */
  rolesLater?: boolean;
}

/** Creates a user with a scrypt-hashed password; records it in the audit chain. */
export async function createUser(em: EntityManager, actor: Actor, input: NewUser): Promise<IUser> {
  const issues = [];
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) issues.push(issue('/username', userMessage('user.username_rule')));
  if (input.password.length < 8) issues.push(issue('/password', userMessage('user.password_rule')));
  const unknown = input.roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if ((input.roles.length === 0 && !input.rolesLater) || unknown.length > 0) issues.push(issue('/roles', unknown.length ? userMessage('user.roles_unknown', { roles: [...ROLES], unknown }) : userMessage('user.roles_rule', { roles: [...ROLES] })));
  if (issues.length > 0) throw new ValidationError(userMessage('user.invalid', { username: input.username }), issues);
  const passwordHash = await hashPassword(input.password);
  const organisationId = actor.organisationId ?? input.organisationId ?? 1;
  return inTransaction(em, async (tx) => {
    if (await userRepository.find(tx, input.username)) throw new ConflictError(userMessage('user.exists', { username: input.username }));
    const now = new Date();
    const user = await userRepository.add(tx, {
      username: input.username, displayName: input.displayName ?? input.username, passwordHash, organisationId,
      qualifications: input.qualifications ?? [], active: true, createdAt: now,
    });
    for (const role of new Set(input.roles)) organisationRepository.insertMembership(tx, { organisationId, username: input.username, role, createdBy: actor.username, createdAt: now });
    await appendAudit(tx, { ...actor, organisationId }, { action: 'user.created', subjectType: 'user', subjectKey: input.username, detail: { roles: input.roles } });
    return user;
  });
}

/**
 * Checks a username and password and issues a bearer token. Failures are throttled per username
 * and per client address (`RateLimitedError` while locked, before any password is checked).
 */
export async function login(em: EntityManager, tokens: TokenService, username: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; user: IUser }> {
  await assertNotLocked(em, username, address);
  const user = await userRepository.find(em, username);
  // Hash even for unknown users so response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!user || !user.active || !ok) {
    await recordFailure(em, username, address);
    throw new InvalidCredentialsError();
  }
  await recordSuccess(em, user.username);
  const { token, expiresAt } = tokens.issue(user.username);
  return { token, expiresAt, user };
}

/** The signed-in user's own record (name and qualifications); null when the account is gone. */
export async function ownProfile(ctx: ServiceContext): Promise<IUser | null> {
  if (!ctx.actor) return null;
  return userRepository.find(ctx.em, ctx.actor.username);
}

/** The demo users of the embedded default (password `pinzhi-demo`), created once. */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'manager', displayName: '品质经理 王敏', roles: ['quality_manager'] },
  // a second quality manager: with separation of duties, someone else approves what the manager drafted
  { username: 'reviewer', displayName: '品质主管 赵磊', roles: ['quality_manager'] },
  { username: 'inspector', displayName: '品控员 李强', roles: ['inspector'] },
  { username: 'pm', displayName: '项目经理 张伟', roles: ['project_manager'] },
  { username: 'auditor', displayName: '审核员 陈静', roles: ['auditor'] },
  { username: 'committee', displayName: '基金评审 刘洋', roles: ['fund_committee'] },
  { username: 'frontline', displayName: '一线员工 孙丽', roles: ['frontline'] },
];
export const DEMO_PASSWORD = 'pinzhi-demo';

export async function ensureDemoUsers(em: EntityManager, actor: Actor): Promise<number> {
  let created = 0;
  for (const demo of DEMO_USERS) {
    if (await userRepository.find(em, demo.username)) continue;
    await createUser(em, actor, { ...demo, password: DEMO_PASSWORD, qualifications: demo.roles.includes('project_manager') ? [{ certificate: '物业经理证', number: 'WY-2024-0187', expiresOn: '2028-06-30' }] : [] });
    created++;
  }
  return created;
}

/** The token-signing secret: AUTH_SECRET, or one generated once and kept in the database. */
export async function tokenSecret(em: EntityManager, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  return (await settingRepository.get(em, 'auth.secret')) ?? settingRepository.putIfAbsent(em, 'auth.secret', randomBytes(32).toString('base64url'));
}
