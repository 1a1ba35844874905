import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Actor } from '../auth/roles.ts';
import type { TokenService } from '../auth/token.ts';
import type { DocumentLimits } from '../../standards/validate.ts';
import type { PhotoStore } from '../inspections/photo.service.ts';
import type { Jobs } from '../jobs/jobs.ts';

/** What every resolver gets: its own EntityManager fork, the caller, and shared services. */
export interface GraphQLContext {
  em: SqlEntityManager;
  actor: Actor | null;
  limits: DocumentLimits;
  tokens: TokenService;
  photos: PhotoStore;
  jobs: Jobs;
  /** the HTTP request (Yoga's) */
  request: Request;
  /** where the request came from (the socket's peer, or X-Forwarded-For behind a trusted proxy) */
  clientAddress: string;
}
