import type { EntityManager } from './persistence.ts';
import type { DocumentLimits } from '../standards/validate.ts';
import type { Actor } from '../users/roles.ts';
import type { Jobs } from '../jobs/jobs.ts';

/** What a service is given: the caller's EntityManager fork, the caller, and the document limits. */
export interface ServiceContext {
  em: EntityManager;
  actor: Actor | null;
  limits: DocumentLimits;
}

/** The context of services whose changes cause follow-up work (timers, rectifications to open). */
export interface JobsContext extends ServiceContext {
  jobs: Jobs;
}
