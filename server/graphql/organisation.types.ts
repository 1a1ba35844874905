import type { IProject } from '../../domain/projects/project.entity.ts';
import type { IRegion } from '../../domain/organisations/organisation.entity.ts';
import { createRegion, organisationOfCaller, ownMemberships, ownOrganisation, type MembershipView, type OrganisationView, type RegionView } from '../../domain/people/organisation.service.ts';
import { createPerson, grantRole, peoplePage, revokeRole, setUserActive, type Person } from '../../domain/people/people.service.ts';
import { builder } from './builder.ts';
import { Me } from './auth.types.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

const LevelEnum = builder.enumType('MembershipLevel', {
  description: 'Where a role is held: the whole organisation (组织), a region (区域) or a project (项目).',
  values: { organisation: { value: 'organisation' }, region: { value: 'region' }, project: { value: 'project' } } as const,
});

const OrganisationNameRef = builder.objectRef<{ code: string; name: string; nameEn?: string | null }>('OrganisationName').implement({
  description: 'An organisation by its code and name.',
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name'), nameEn: t.string({ nullable: true, resolve: (o) => o.nameEn ?? null }) }),
});

const RegionNameRef = builder.objectRef<IRegion>('RegionName').implement({
  description: 'A region of the organisation (区域).',
  fields: (t) => ({ id: t.exposeInt('id'), code: t.exposeString('code'), name: t.exposeString('name') }),
});

const ProjectNameRef = builder.objectRef<IProject>('ProjectName').implement({
  description: 'A project by its id, code and name.',
  fields: (t) => ({ id: t.exposeInt('id'), code: t.exposeString('code'), name: t.exposeString('name') }),
});

const MembershipRef = builder.objectRef<MembershipView>('Membership').implement({
  description: 'A role a person holds at one level of their organisation; a change takes effect on their next request.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'level' in v && 'role' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    role: t.exposeString('role', { description: 'admin, quality_manager, inspector, project_manager, auditor, fund_committee or frontline' }),
    level: t.field({ type: LevelEnum, resolve: (m) => m.level }),
    region: t.field({ type: RegionNameRef, nullable: true, resolve: (m) => m.region }),
    project: t.field({ type: ProjectNameRef, nullable: true, resolve: (m) => m.project }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const PersonRef = builder.objectRef<Person>('Person').implement({
  description: 'A person of the organisation and the roles they hold where.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'memberships' in v && 'active' in v,
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    active: t.exposeBoolean('active', { description: 'false: the person can neither sign in nor use a token they hold' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    memberships: t.field({ type: [MembershipRef], resolve: (p) => p.memberships }),
  }),
});

const RegionRef = builder.objectRef<RegionView>('Region').implement({
  description: 'A region of the organisation with its projects.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'projects' in v && 'code' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    projectCount: t.int({ resolve: (r) => r.projects.length }),
    projects: t.field({ type: [ProjectNameRef], resolve: (r) => r.projects }),
  }),
});

const OrganisationRef = builder.objectRef<OrganisationView>('Organisation').implement({
  description: 'The caller\'s organisation: its regions and their projects.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'regions' in v,
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.string({ nullable: true, resolve: (o) => o.nameEn ?? null }),
    regions: t.field({ type: [RegionRef], resolve: (o) => o.regions }),
  }),
});

builder.objectFields(Me, (t) => ({
  organisation: t.field({ type: OrganisationNameRef, nullable: true, description: 'The organisation the person works for.', resolve: (_m, _a, ctx) => organisationOfCaller(ctx) }),
  memberships: t.field({ type: [MembershipRef], description: 'The roles the person holds, and where.', resolve: (_m, _a, ctx) => ownMemberships(ctx) }),
}));

const PersonConnection = connectionOf(PersonRef, 'Person');

builder.queryFields((t) => ({
  organisation: t.field({
    type: OrganisationRef,
    description: 'The caller\'s organisation with its regions.',
    errors: { types: READ_ERRORS, union: { name: 'OrganisationResult' } },
    resolve: (_r, _a, ctx) => ownOrganisation(ctx),
  }),
  people: t.field({
    type: PersonConnection,
    description: 'The people of the caller\'s organisation with their memberships, by username (administrators of the organisation).',
    errors: { types: READ_ERRORS, union: { name: 'PeopleResult' } },
    args: pageArgs(t.arg),
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await peoplePage(ctx, a)),
  }),
}));

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string(),
    password: t.string({ required: true }),
    role: t.string({ description: 'a first role; none: the person starts with no role and sees nothing until granted one' }),
    regionId: t.int({ description: 'hold the first role on this region' }),
    projectId: t.int({ description: 'hold the first role on this project' }),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.field({
    type: PersonRef,
    description: 'Adds a person to the administrator\'s organisation.',
    errors: { types: WRITE_ERRORS, union: { name: 'CreateUserResult' } },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_r, a, ctx) => createPerson(ctx, a.input),
  }),
  grantRole: t.field({
    type: MembershipRef,
    description: 'Grants a role on the whole organisation (no regionId or projectId), a region or a project of it.',
    errors: { types: WRITE_ERRORS, union: { name: 'GrantRoleResult' } },
    args: { username: t.arg.string({ required: true }), role: t.arg.string({ required: true }), regionId: t.arg.int(), projectId: t.arg.int() },
    resolve: (_r, a, ctx) => grantRole(ctx, a),
  }),
  revokeRole: t.field({
    type: PersonRef,
    description: 'Removes a membership; answers the person as they are now.',
    errors: { types: WRITE_ERRORS, union: { name: 'RevokeRoleResult' } },
    args: { membershipId: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => revokeRole(ctx, a.membershipId),
  }),
  setUserActive: t.field({
    type: PersonRef,
    description: 'Deactivates a person (no sign-in; their token stops working on the next request) or reactivates them.',
    errors: { types: WRITE_ERRORS, union: { name: 'SetUserActiveResult' } },
    args: { username: t.arg.string({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: (_r, a, ctx) => setUserActive(ctx, a.username, a.active),
  }),
  createRegion: t.field({
    type: RegionRef,
    description: 'Adds a region to the administrator\'s organisation.',
    errors: { types: WRITE_ERRORS, union: { name: 'CreateRegionResult' } },
    args: { code: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => createRegion(ctx, a),
  }),
}));
