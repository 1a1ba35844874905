import { issue, ValidationError } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import { authorize } from '../users/roles.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { readPage, type PageArgs } from '../shared/paging.ts';
import type { InstanceRow } from './instance.service.ts';

export interface InstanceFilter {
  key?: string | null;
  /** running, completed, cancelled or incident */
  status?: string | null;
  businessKey?: string | null;
}

const STATUSES = ['running', 'completed', 'cancelled', 'incident'];

/** Workflow instances, newest first, by process key, status and business key, a page at a time. */
export async function listInstances(ctx: ServiceContext, filter: InstanceFilter, page: PageArgs): Promise<{ totalCount: number; items: InstanceRow[] }> {
  authorize(ctx.actor, 'readStandards');
  if (filter.status && !STATUSES.includes(filter.status)) throw new ValidationError(workflowMessage('instance.status_unknown', { status: filter.status }), [issue('/status', workflowMessage('instance.status_rule', { statuses: STATUSES }))]);
  const { first, offset } = readPage(page);
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter.key) { conditions.push('definition_key = ?'); params.push(filter.key); }
  if (filter.status) { conditions.push('status = ?'); params.push(filter.status); }
  if (filter.businessKey) { conditions.push('business_key = ?'); params.push(filter.businessKey); }
  const where = conditions.join(' and ');
  const [{ count }] = await ctx.em.execute<{ count: string }[]>(`select count(*) as count from workflow_instance where ${where}`, params);
  const items = await ctx.em.execute<InstanceRow[]>(`select * from workflow_instance where ${where} order by id desc limit ? offset ?`, [...params, first, offset]);
  return { totalCount: Number(count), items };
}
