import type { LaneRole } from '../../domain/workflows/lane-role.repository.ts';
import { laneRoleSettings, setLaneRoles, type LaneRoleSettings } from '../../domain/workflows/lane-role.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';

/** Lanes are roles (issue 19 item 3): the organisation's lane-name → role mapping. */

const LaneRoleRef = builder.objectRef<LaneRole>('WorkflowLaneRole').implement({
  description: 'A lane name and the role it stands for: a user task in a lane of that name needs no pinzhi:candidateRole.',
  fields: (t) => ({
    lane: t.exposeString('lane'),
    role: t.exposeString('role', { description: 'one of workflowVocabulary.roles' }),
  }),
});

const LaneRolesRef = builder.objectRef<LaneRoleSettings>('WorkflowLaneRoles').implement({
  description: 'How lane names map to roles in this organisation: its own mapping, tried first, then the default Chinese and English names.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'mappings' in v && 'defaults' in v,
  fields: (t) => ({
    mappings: t.field({ type: [LaneRoleRef], description: 'the organisation\'s own names, as the modeller wrote them', resolve: (s) => s.mappings }),
    defaults: t.field({ type: [LaneRoleRef], description: 'names recognised without a mapping (compared ignoring case and separators)', resolve: (s) => s.defaults }),
  }),
});

const LaneRoleInput = builder.inputType('WorkflowLaneRoleInput', {
  fields: (t) => ({ lane: t.string({ required: true }), role: t.string({ required: true }) }),
});

builder.queryField('workflowLaneRoles', (t) =>
  t.field({
    type: LaneRolesRef,
    errors: { types: READ_ERRORS, union: { name: 'WorkflowLaneRolesResult' } },
    resolve: (_r, _a, ctx) => laneRoleSettings(ctx),
  }),
);

builder.mutationField('setWorkflowLaneRoles', (t) =>
  t.field({
    type: LaneRolesRef,
    errors: { types: WRITE_ERRORS, union: { name: 'SetWorkflowLaneRolesResult' } },
    description: 'Replaces the organisation\'s lane mapping (roles that manage workflows; audited) and recomputes what open drafts lack. An empty, over-long or repeated lane name, or an unknown role, is a ValidationError pointing at /mappings/<i>/lane or /role, and nothing is stored.',
    args: { mappings: t.arg({ type: [LaneRoleInput], required: true }) },
    resolve: (_r, a, ctx) => setLaneRoles(ctx, a.mappings),
  }),
);
