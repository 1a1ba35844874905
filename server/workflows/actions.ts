import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import type { Effect } from '../../workflows/machine.ts';

/** What a built-in service action may use: the transaction, the instance, and a way to start another workflow. */
export interface ActionContext {
  em: EntityManager;
  instanceId: number;
  actor: string;
  startWorkflow(key: string, variables: Record<string, unknown>, businessKey: string | null): Promise<number>;
}

type ServiceEffect = Extract<Effect, { kind: 'service' }>;

/**
 * The service actions a BPMN service task may name (`pinzhi:action`). Each runs inside the
 * transition's transaction and returns what it did, which the instance history keeps.
 */
export const SERVICE_ACTIONS: Record<string, (ctx: ActionContext, effect: ServiceEffect) => Promise<Record<string, unknown>>> = {
  /** Reminds the people of the open tasks (recorded in the history, shown in the inbox). */
  notify: async (_ctx, effect) => ({ notified: true, task: effect.task }),
  /** Opens a revision of the standard that failed (the standard-revision process), linked to the finding. */
  openStandardRevision: async (ctx, effect) => {
    const code = typeof effect.variables.code === 'string' ? effect.variables.code : null;
    const id = await ctx.startWorkflow('standard-revision', { code, findingId: effect.variables.findingId ?? null, rectificationInstance: ctx.instanceId, reason: effect.variables.preventionNote ?? null }, code);
    return { revisionInstance: id, code };
  },
  /** Records the outcome of an innovation-fund project (budget spent, measured result). */
  recordOutcome: async (_ctx, effect) => ({ budget: effect.variables.budget ?? null, outcome: effect.variables.outcome ?? null }),
};
