import { compileCached } from '../standards/ajv.ts';
import { ajvIssues } from '../standards/validate.ts';
import { ForbiddenError, authorize, holds, type Actor } from '../shared/access.ts';
import { issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { JobsContext, ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { photoRepository } from '../photos/photo.repository.ts';
import { photoRefs } from '../workflows/form-photos.ts';
import { startWorkflowIn } from '../workflows/instance.service.ts';
import { runnableOf } from '../workflows/definition.service.ts';
import { taskRepository } from '../workflows/task.repository.ts';
import { userRepository } from '../users/user.repository.ts';
import type { WorkflowInstance } from '../workflows/instance.repository.ts';
import { fundMessage } from './fund.messages.ts';
import { INNOVATION_FUND, PROPOSAL_FORM, proposalVariables, type ProposalInput } from './proposal-form.ts';
import { effectOf, grantedOf, PROPOSAL_STATUSES, type ProposalEffect, type ProposalStatus } from './proposal-status.ts';
import { proposalRepository, type ProposalFilter, type ProposalRow } from './proposal.repository.ts';

/** An innovation-fund proposal: what was proposed, where it stands, the budget granted and the effect measured. */
export interface Proposal {
  /** the id of its workflow instance */
  id: number;
  instance: WorkflowInstance;
  status: ProposalStatus;
  title: string;
  problem: string | null;
  idea: string | null;
  expectedEffect: string | null;
  requestedBudget: number | null;
  grantedBudget: number | null;
  attachments: string[];
  proposer: string;
  submittedAt: Date;
  effect: ProposalEffect | null;
}

/** A decision taken on a proposal: a completed task with its data and the form it answered. */
export interface ProposalStep {
  taskId: number;
  elementId: string;
  name: string;
  completedBy: string | null;
  /** the display name of who completed it (their username when the account is gone) */
  completedByName: string | null;
  completedAt: Date | null;
  data: Record<string, unknown>;
  form: Record<string, unknown> | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function toProposal({ instance, status }: ProposalRow): Proposal {
  const v = instance.snapshot.context?.variables ?? {};
  return {
    id: instance.id, instance, status,
    title: text(v.title) ?? `#${instance.id}`, problem: text(v.problem), idea: text(v.idea), expectedEffect: text(v.expectedEffect),
    requestedBudget: typeof v.requestedBudget === 'number' ? v.requestedBudget : null,
    grantedBudget: grantedOf(v, status),
    attachments: Array.isArray(v.attachments) ? v.attachments.filter((a): a is string => typeof a === 'string') : [],
    proposer: instance.startedBy, submittedAt: instance.startedAt, effect: effectOf(v),
  };
}

/** The input with its texts trimmed and the fields not given left out (so a missing one is named). */
function cleaned(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
}

/**
 * Submits a proposal: checks it against the proposal form (each problem named by its field) and its
 * attachments against the uploaded photos, then starts the innovation-fund process with it. Nothing
 * is stored when anything is wrong.
 */
export async function submitProposal(ctx: JobsContext, input: Record<string, unknown>): Promise<Proposal> {
  const actor = authorize(ctx.actor, 'submitProposals');
  const data = cleaned(input);
  const validate = compileCached(PROPOSAL_FORM);
  if (!validate(data)) throw new ValidationError(fundMessage('proposal.invalid'), ajvIssues(validate.errors));
  const refs = photoRefs(PROPOSAL_FORM, data);
  const known = await photoRepository.existing(ctx.em, refs.map((r) => r.sha256));
  const missing = refs.filter((r) => !known.has(r.sha256));
  if (missing.length > 0) throw new ValidationError(fundMessage('proposal.invalid'), missing.map((r) => issue(r.pointer, fundMessage('proposal.photo_missing', { photo: r.sha256.slice(0, 12) }))));
  const id = await inTransaction(ctx.em, (em) => startWorkflowIn({ em, jobs: ctx.jobs, keys: ctx.keys }, actor, INNOVATION_FUND, proposalVariables(data as unknown as ProposalInput, actor.username), null));
  return read(ctx.em, actor, id);
}

async function read(em: EntityManager, actor: Actor, id: number): Promise<Proposal> {
  const row = await proposalRepository.get(em, id);
  if (!row || (actor.organisationId !== null && row.instance.organisationId !== actor.organisationId)) throw new NotFoundError(fundMessage('proposal.not_found', { id }), String(id));
  if (!holds(actor, 'readAllProposals') && row.instance.startedBy !== actor.username) throw new ForbiddenError(fundMessage('proposal.not_yours', { username: actor.username, id }), ['admin', 'quality_manager', 'fund_committee']);
  return toProposal(row);
}

/** One proposal: the committee, quality managers and admins read any, everyone else their own. */
export async function getProposal(ctx: ServiceContext, id: number): Promise<Proposal> {
  return read(ctx.em, authorize(ctx.actor, 'submitProposals'), id);
}

/** The proposals the caller may see: all of them for the committee, quality managers and admins, one's own otherwise. */
function scope(ctx: ServiceContext, status?: string | null): ProposalFilter {
  const actor = authorize(ctx.actor, 'submitProposals');
  if (status && !(PROPOSAL_STATUSES as readonly string[]).includes(status)) {
    throw new ValidationError(fundMessage('proposal.status_unknown', { status }), [issue('/status', fundMessage('proposal.status_rule', { statuses: [...PROPOSAL_STATUSES] }))]);
  }
  return { status: (status as ProposalStatus | null) ?? null, proposer: holds(actor, 'readAllProposals') ? null : actor.username, organisationId: actor.organisationId };
}

const PROPOSALS: Keyset<ProposalRow> = { list: 'proposals', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (p) => [p.instance.id] };

/** The fund's portfolio, newest first, by status, a page at a time. */
export async function listProposals(ctx: ServiceContext, status: string | null | undefined, page: PageArgs): Promise<Page<Proposal>> {
  const filter = scope(ctx, status);
  const rows = await keysetPage(PROPOSALS, page, (window) => proposalRepository.window(ctx.em, filter, PROPOSALS, window), () => proposalRepository.count(ctx.em, filter));
  return { ...rows, items: rows.items.map(toProposal) };
}

/** Per status: how many proposals the caller may see, the budget they asked for and the budget granted. */
export async function proposalTotals(ctx: ServiceContext): Promise<{ status: ProposalStatus; count: number; requested: number; granted: number }[]> {
  const filter = scope(ctx);
  const found = new Map((await proposalRepository.totals(ctx.em, filter)).map((t) => [t.status, t]));
  return PROPOSAL_STATUSES.map((status) => found.get(status) ?? { status, count: 0, requested: 0, granted: 0 });
}

/** The decisions taken on a proposal so far, oldest first, each with the form it answered (for its labels). */
export async function proposalSteps(ctx: ServiceContext, proposal: Proposal): Promise<ProposalStep[]> {
  const tasks = (await taskRepository.ofInstance(ctx.em, proposal.id)).filter((t) => t.status === 'completed');
  const compiled = (await runnableOf(ctx.em, proposal.instance.definitionKey, proposal.instance.definitionVersion)).compiled;
  const names = new Map<string, string>();
  for (const who of new Set(tasks.map((t) => t.completedBy).filter((u): u is string => !!u))) names.set(who, await displayName(ctx.em, who));
  return tasks.map((t) => ({ taskId: t.id, elementId: t.elementId, name: t.name, completedBy: t.completedBy, completedByName: t.completedBy ? names.get(t.completedBy)! : null, completedAt: t.completedAt, data: t.data ?? {}, form: compiled.userTasks[t.elementId]?.form ?? null }));
}

async function displayName(em: EntityManager, username: string): Promise<string> {
  return (await userRepository.find(em, username))?.displayName || username;
}

/** Who proposed it, by their display name (their username when the account is gone). */
export async function proposerName(ctx: ServiceContext, proposal: Proposal): Promise<string> {
  return displayName(ctx.em, proposal.proposer);
}

/** The steps a proposal waits at now (the names of its open tasks). */
export async function proposalOpenSteps(ctx: ServiceContext, proposal: Proposal): Promise<string[]> {
  return (await taskRepository.ofInstance(ctx.em, proposal.id)).filter((t) => t.status === 'open').map((t) => t.name);
}
