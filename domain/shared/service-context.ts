import type { Actor } from './access.ts';
import type { DocumentLimits } from './limits.ts';
import type { EntityManager } from './persistence.ts';

/** What a service is given: the caller's EntityManager fork, the caller, and the document limits. */
export interface ServiceContext {
  em: EntityManager;
  actor: Actor | null;
  limits: DocumentLimits;
}
