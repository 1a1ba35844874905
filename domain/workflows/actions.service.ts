import type { EntityManager } from '../shared/persistence.ts';
import type { Effect } from './machine.ts';
import { type DocumentLimits } from '../shared/limits.ts';
import type { Actor } from '../shared/access.ts';
import { createDraft, publish, returnToDraft, submitForReview } from '../standards/standard.service.ts';
import { standardRepository } from '../standards/standard.repository.ts';
import { openTrainingForCurrent } from '../training/training.service.ts';
import { DomainError } from '../shared/errors.ts';

/** What a built-in service action may use: the transaction, the instance, and a way to start another workflow. */
export interface ActionContext {
  em: EntityManager;
  instanceId: number;
  /** who caused the step: the user completing a task, or the system for timers */
  actor: Actor;
  limits: DocumentLimits;
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
  /**
   * Opens a training (标准培训) of the standard's current published version, or reuses the one open
   * for it. A standard that cannot be trained (not a work instruction, never published) does not
   * stop the rectification: the history records why no training was opened.
   */
  openTraining: async (ctx, effect) => {
    const code = String(effect.variables.code ?? '');
    try {
      const { training, reused } = await openTrainingForCurrent({ em: ctx.em, actor: ctx.actor, limits: ctx.limits }, code);
      return { trainingId: training.id, code, version: training.version, reused };
    } catch (error) {
      if (error instanceof DomainError) return { trainingId: null, code, notOpened: error.code };
      throw error;
    }
  },
  /** Opens a draft of the standard (`code`) unless one is open already. */
  openStandardDraft: async (ctx, effect) => {
    const code = String(effect.variables.code ?? '');
    const open = await standardRepository.findOpenVersion(ctx.em, code);
    if (open) return { code, draftVersion: open.version, reused: true };
    const note = `修订流程 ${ctx.instanceId}${effect.variables.findingId ? `（不合格项 ${effect.variables.findingId}）` : ''}：${effect.variables.reason ?? '按整改预防措施修订'}`;
    const draft = await createDraft({ em: ctx.em, actor: ctx.actor, limits: ctx.limits }, { code, note });
    return { code, draftVersion: draft.version };
  },
  /** Submits the draft for review. */
  submitStandardDraft: async (ctx, effect) => {
    const version = await submitForReview({ em: ctx.em, actor: ctx.actor, limits: ctx.limits }, String(effect.variables.code), String(effect.variables.summary ?? ''));
    return { code: effect.variables.code, version: version.version, status: version.status };
  },
  /** Publishes the reviewed version. */
  publishStandardDraft: async (ctx, effect) => {
    const version = await publish({ em: ctx.em, actor: ctx.actor, limits: ctx.limits }, String(effect.variables.code), String(effect.variables.comment ?? effect.variables.summary ?? '修订流程批准发布'));
    return { code: effect.variables.code, version: version.version, status: version.status };
  },
  /** Returns the version under review to draft. */
  returnStandardDraft: async (ctx, effect) => {
    const version = await returnToDraft({ em: ctx.em, actor: ctx.actor, limits: ctx.limits }, String(effect.variables.code), String(effect.variables.comment ?? '评审退回'));
    return { code: effect.variables.code, version: version.version, status: version.status };
  },
  /** Records the outcome of an innovation-fund project (budget granted, the measured indicator before and after, the result). */
  recordOutcome: async (_ctx, effect) => ({
    budget: effect.variables.budget ?? null, outcome: effect.variables.outcome ?? null,
    indicator: effect.variables.indicator ?? null, before: effect.variables.before ?? null, after: effect.variables.after ?? null,
  }),
};
