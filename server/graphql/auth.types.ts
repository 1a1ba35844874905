import { actorOf } from '../../domain/organisations/actor.service.ts';
import { ValidationError } from '../../domain/shared/errors.ts';
import { InvalidCredentialsError, login, ownProfile } from '../../domain/users/user.service.ts';
import { RateLimitedError } from '../../domain/users/login-throttle.service.ts';
import { builder } from './builder.ts';
import type { Qualification } from '../../domain/users/user.entity.ts';
import { permissionsOf, type Role } from '../../domain/shared/access.ts';

interface LoginSuccessShape {
  token: string;
  expiresAt: Date;
  username: string;
  displayName: string;
  roles: string[];
}

const LoginSuccess = builder.objectRef<LoginSuccessShape>('LoginSuccess').implement({
  description: 'Send the token as `Authorization: Bearer <token>`.',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'token' in value,
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    roles: t.exposeStringList('roles'),
  }),
});

const QualificationRef = builder.objectRef<Qualification>('Qualification').implement({
  description: 'A certificate a person holds, e.g. 物业经理证.',
  fields: (t) => ({
    certificate: t.exposeString('certificate'),
    number: t.string({ nullable: true, resolve: (q) => q.number ?? null }),
    expiresOn: t.string({ nullable: true, description: 'ISO date (YYYY-MM-DD)', resolve: (q) => q.expiresOn ?? null }),
  }),
});

export const Me = builder.objectRef<{ username: string; roles: readonly string[] }>('Me').implement({
  fields: (t) => ({
    username: t.exposeString('username'),
    roles: t.stringList({ resolve: (m) => [...m.roles] }),
    permissions: t.stringList({ description: 'What the roles allow, e.g. editStandards, readAuditTrail: what a client may offer this user.', resolve: (m) => permissionsOf(m.roles as Role[]) }),
    displayName: t.string({ resolve: async (m, _a, ctx) => (await ownProfile(ctx))?.displayName ?? m.username }),
    qualifications: t.field({ type: [QualificationRef], resolve: async (_m, _a, ctx) => (await ownProfile(ctx))?.qualifications ?? [] }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: LoginSuccess,
    errors: { types: [InvalidCredentialsError, RateLimitedError, ValidationError], union: { name: 'LoginResult' } },
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      try {
        const em = ctx.unscoped();
        const { token, expiresAt, user } = await login(em, ctx.tokens, args.username, args.password, ctx.clientAddress);
        const actor = await actorOf(em, user.username);
        return { token, expiresAt, username: user.username, displayName: user.displayName, roles: [...(actor?.roles ?? [])] };
      } catch (error) {
        if (error instanceof RateLimitedError) ctx.responseHeaders.set('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  }),
);

builder.queryField('me', (t) =>
  t.field({ type: Me, nullable: true, description: 'The signed-in user, or null.', resolve: (_root, _args, ctx) => ctx.actor }),
);
