import { ValidationError, issue } from '../shared/errors.ts';
import { scopeOf } from '../organisations/scope.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { instanceRepository, type InstanceFilter, type WorkflowInstance } from './instance.repository.ts';

export type { InstanceFilter };

const STATUSES = ['running', 'completed', 'cancelled', 'incident', 'failed'];
const INSTANCES: Keyset<WorkflowInstance> = { list: 'workflowInstances', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (i) => [i.id] };

/** Workflow instances, newest first, by process key, status and business key, a page at a time. */
export async function listInstances(ctx: ServiceContext, filter: InstanceFilter, page: PageArgs): Promise<Page<WorkflowInstance>> {
  const scoped = { ...filter, scope: scopeOf(ctx.actor, 'readStandards') };
  if (filter.status && !STATUSES.includes(filter.status)) throw new ValidationError(workflowMessage('instance.status_unknown', { status: filter.status }), [issue('/status', workflowMessage('instance.status_rule', { statuses: STATUSES }))]);
  return keysetPage(INSTANCES, page, (window) => instanceRepository.window(ctx.em, scoped, INSTANCES, window), () => instanceRepository.count(ctx.em, scoped));
}
