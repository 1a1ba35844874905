import { ValidationError } from '../shared/errors.ts';
import { authorize } from '../users/roles.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import type { InstanceRow } from './instance.service.ts';

export interface InstanceFilter {
  key?: string | null;
  /** running, completed, cancelled or incident */
  status?: string | null;
  businessKey?: string | null;
}

const STATUSES = ['running', 'completed', 'cancelled', 'incident'];
const INSTANCES: Keyset<InstanceRow> = { list: 'workflowInstances', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (i) => [i.id] };

/** Workflow instances, newest first, by process key, status and business key, a page at a time. */
export async function listInstances(ctx: ServiceContext, filter: InstanceFilter, page: PageArgs): Promise<Page<InstanceRow>> {
  authorize(ctx.actor, 'readStandards');
  if (filter.status && !STATUSES.includes(filter.status)) throw new ValidationError(`Unknown instance status ${filter.status}`, [{ pointer: '/status', message: `must be one of ${STATUSES.join(', ')}` }]);
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter.key) { conditions.push('definition_key = ?'); params.push(filter.key); }
  if (filter.status) { conditions.push('status = ?'); params.push(filter.status); }
  if (filter.businessKey) { conditions.push('business_key = ?'); params.push(filter.businessKey); }
  const where = conditions.join(' and ');
  return keysetPage(INSTANCES, page, (window) => {
    const w = sqlWindow(INSTANCES, window);
    return ctx.em.execute<InstanceRow[]>(`select * from workflow_instance where ${where} and ${w.condition} order by ${w.orderBy} limit ?`, [...params, ...w.params, w.limit]);
  }, async () => {
    const [{ count }] = await ctx.em.execute<{ count: string }[]>(`select count(*) as count from workflow_instance where ${where}`, params);
    return Number(count);
  });
}
