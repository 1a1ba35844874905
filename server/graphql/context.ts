import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Actor } from '../../domain/users/roles.ts';
import type { TokenService } from '../../domain/users/token.ts';
import type { DocumentLimits } from '../../domain/standards/validate.ts';
import type { PhotoStore } from '../../domain/inspections/photo.service.ts';
import type { Jobs } from '../../domain/jobs/jobs.ts';
import type { Locale } from '../../domain/shared/messages.ts';

/** What every resolver gets: its own EntityManager fork, the caller, the reader's language, and shared services. */
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
  /** the language messages are rendered in, from Accept-Language (Chinese by default) */
  locale: Locale;
}
