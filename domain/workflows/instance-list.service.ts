import { ValidationError } from '../shared/errors.ts';
import { authorize } from '../users/roles.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { readPage, type PageArgs } from '../shared/paging.ts';
import { instanceRepository, type WorkflowInstance } from './instance.repository.ts';

export interface InstanceFilter {
  key?: string | null;
  /** running, completed, cancelled or incident */
  status?: string | null;
  businessKey?: string | null;
}

const STATUSES = ['running', 'completed', 'cancelled', 'incident'];

/** Workflow instances, newest first, by process key, status and business key, a page at a time. */
export async function listInstances(ctx: ServiceContext, filter: InstanceFilter, page: PageArgs): Promise<{ totalCount: number; items: WorkflowInstance[] }> {
  authorize(ctx.actor, 'readStandards');
  if (filter.status && !STATUSES.includes(filter.status)) throw new ValidationError(`Unknown instance status ${filter.status}`, [{ pointer: '/status', message: `must be one of ${STATUSES.join(', ')}` }]);
  const { first, offset } = readPage(page);
  return instanceRepository.page(ctx.em, filter, first, offset);
}
