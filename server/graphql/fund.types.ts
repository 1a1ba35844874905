import type { JsonValue } from '../../domain/shared/json.ts';
import { getProposal, listProposals, proposerName, proposalOpenSteps, proposalSteps, proposalTotals, submitProposal, type Proposal, type ProposalStep } from '../../domain/fund/proposal.service.ts';
import { PROPOSAL_FORM } from '../../domain/fund/proposal-form.ts';
import { PROPOSAL_STATUSES, type ProposalEffect, type ProposalStatus } from '../../domain/fund/proposal-status.ts';
import { authorize } from '../../domain/shared/access.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { FIELD_COST } from './query-limits.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

const ProposalStatusEnum = builder.enumType('ProposalStatus', {
  description: 'Where an innovation-fund proposal stands: submitted (awaiting screening), in review (committee or HQ), approved (incubating), rejected, implemented (effect evaluated) or withdrawn (cancelled).',
  values: Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, { value: s }])) as { [K in ProposalStatus]: { value: K } },
});

const EffectRef = builder.objectRef<ProposalEffect>('ProposalEffect').implement({
  description: 'The effect measured after implementation, e.g. fault reports 120 → 71 (−40.8%).',
  fields: (t) => ({
    indicator: t.exposeString('indicator', { nullable: true, description: 'what was measured, e.g. 故障报修量' }),
    before: t.exposeFloat('before', { nullable: true }),
    after: t.exposeFloat('after', { nullable: true }),
    changePercent: t.exposeFloat('changePercent', { nullable: true, description: 'the change from before to after in percent; negative when it fell' }),
    outcome: t.exposeString('outcome', { nullable: true }),
  }),
});

const StepRef = builder.objectRef<ProposalStep>('ProposalStep').implement({
  description: 'A decision taken on a proposal: the task, who completed it, and its data with the form it answered (whose titles label the data).',
  fields: (t) => ({
    taskId: t.exposeInt('taskId'),
    elementId: t.exposeString('elementId'),
    name: t.exposeString('name'),
    completedBy: t.exposeString('completedBy', { nullable: true }),
    completedByName: t.exposeString('completedByName', { nullable: true, description: 'the display name of who completed it' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    data: t.field({ type: 'JSON', resolve: (s) => s.data as JsonValue }),
    form: t.field({ type: 'JSON', nullable: true, resolve: (s) => s.form as JsonValue | null }),
  }),
});

const ProposalRef = builder.objectRef<Proposal>('Proposal').implement({
  description: 'An innovation-fund proposal: the instance of the innovation-fund process it started, read as a proposal.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'expectedEffect' in v,
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'the id of its workflow instance' }),
    version: t.int({ description: 'the version of the process it runs on', resolve: (p) => p.instance.definitionVersion }),
    status: t.field({ type: ProposalStatusEnum, resolve: (p) => p.status }),
    title: t.exposeString('title'),
    problem: t.exposeString('problem', { nullable: true }),
    idea: t.exposeString('idea', { nullable: true }),
    expectedEffect: t.exposeString('expectedEffect', { nullable: true }),
    requestedBudget: t.exposeFloat('requestedBudget', { nullable: true, description: 'yuan' }),
    grantedBudget: t.exposeFloat('grantedBudget', { nullable: true, description: 'yuan, once the committee approved' }),
    attachments: t.exposeStringList('attachments', { description: 'photo ids (GET /photos/<sha256>)' }),
    proposer: t.exposeString('proposer', { description: 'the username of who proposed it' }),
    proposerName: t.string({ description: 'the display name of who proposed it', complexity: FIELD_COST.lookup, resolve: (p, _a, ctx) => proposerName(ctx, p) }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    effect: t.field({ type: EffectRef, nullable: true, resolve: (p) => p.effect }),
    waitingAt: t.stringList({ description: 'the names of the steps it waits at now', complexity: FIELD_COST.lookup, resolve: (p, _a, ctx) => proposalOpenSteps(ctx, p) }),
    steps: t.field({ type: [StepRef], description: 'the decisions taken so far, oldest first', complexity: { field: FIELD_COST.lookup, multiplier: 10 }, resolve: (p, _a, ctx) => proposalSteps(ctx, p) }),
  }),
});

const TotalRef = builder.objectRef<{ status: ProposalStatus; count: number; requested: number; granted: number }>('ProposalTotal').implement({
  fields: (t) => ({
    status: t.field({ type: ProposalStatusEnum, resolve: (x) => x.status }),
    count: t.exposeInt('count'),
    requested: t.exposeFloat('requested', { description: 'budget asked for, yuan' }),
    granted: t.exposeFloat('granted', { description: 'budget granted, yuan (approved and implemented proposals)' }),
  }),
});

const ProposalConnection = connectionOf(ProposalRef, 'Proposal');

const ProposalInput = builder.inputType('ProposalInput', {
  description: 'A proposal as the form (proposalForm) describes it; each field is checked there, so a missing one comes back as a ValidationError naming it.',
  fields: (t) => ({
    title: t.string(),
    problem: t.string(),
    idea: t.string(),
    expectedEffect: t.string(),
    budget: t.float({ description: 'yuan, more than 0' }),
    attachments: t.stringList({ description: 'photo ids returned by uploadPhoto' }),
  }),
});

builder.queryFields((t) => ({
  proposals: t.field({
    type: ProposalConnection,
    description: 'The innovation fund\'s portfolio, newest first: every proposal for the committee, quality managers and admins, one\'s own for everyone else.',
    errors: { types: READ_ERRORS, union: { name: 'ProposalsResult' } },
    args: { status: t.arg({ type: ProposalStatusEnum }), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listProposals(ctx, a.status, a)),
  }),
  proposal: t.field({
    type: ProposalRef,
    errors: { types: READ_ERRORS, union: { name: 'ProposalResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getProposal(ctx, a.id),
  }),
  proposalTotals: t.field({
    type: [TotalRef],
    description: 'Per status: how many proposals (that the caller may see), the budget asked for and granted.',
    complexity: FIELD_COST.lookup,
    resolve: (_r, _a, ctx) => proposalTotals(ctx),
  }),
  proposalForm: t.field({
    type: 'JSON',
    description: 'The proposal form (JSON Schema) submitProposal checks: field titles and limits, for clients to show and check before sending.',
    resolve: (_r, _a, ctx) => {
      authorize(ctx.actor, 'submitProposals');
      return PROPOSAL_FORM as JsonValue;
    },
  }),
}));

builder.mutationField('submitProposal', (t) =>
  t.field({
    type: ProposalRef,
    errors: { types: WRITE_ERRORS, union: { name: 'SubmitProposalResult' } },
    description: 'Submits an innovation-fund proposal and starts the innovation-fund process with it. Problems come as a ValidationError whose issue pointers name the fields (/title, /budget, /attachments/0).',
    args: { input: t.arg({ type: ProposalInput, required: true }) },
    resolve: (_r, a, ctx) => submitProposal(ctx, a.input as Record<string, unknown>),
  }),
);
