import type { Actor } from './access.ts';
import type { DocumentLimits } from './limits.ts';
import type { BusinessKeys } from './business-keys.ts';
import type { Jobs } from './jobs.ts';
import type { EntityManager } from './persistence.ts';

/** What a service is given: the caller's EntityManager fork, the caller, and the document limits. */
export interface ServiceContext {
  em: EntityManager;
  actor: Actor | null;
  limits: DocumentLimits;
}

/**
 * The context of services whose changes start or move workflows: the jobs those changes cause
 * (timers, rectifications to open), and the owners of business keys.
 */
export interface JobsContext extends ServiceContext {
  jobs: Jobs;
  keys: BusinessKeys;
}
