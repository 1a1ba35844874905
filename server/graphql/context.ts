import type { SqlEntityManager } from '@mikro-orm/sql';
import type { BusinessKeys } from '../../domain/shared/business-keys.ts';
import type { Actor } from '../../domain/shared/access.ts';
import type { TokenService } from '../../domain/users/token.ts';
import { type DocumentLimits } from '../../domain/shared/limits.ts';
import type { PhotoStore } from '../../domain/photos/photo.service.ts';
import type { Jobs } from '../../domain/shared/jobs.ts';
import type { Locale } from '../../domain/shared/messages.ts';

/** What every resolver gets: its own EntityManager fork, the caller, the reader's language, and shared services. */
export interface GraphQLContext {
  /** the caller's unit of work: it sees only the caller's organisation (row-level security) */
  em: SqlEntityManager;
  /** a unit of work that sees every organisation: only for signing in, before the organisation is known */
  unscoped: () => SqlEntityManager;
  actor: Actor | null;
  limits: DocumentLimits;
  tokens: TokenService;
  photos: PhotoStore;
  jobs: Jobs;
  /** the owners of workflows' business keys */
  keys: BusinessKeys;
  /** the HTTP request (Yoga's) */
  request: Request;
  /** headers to add to this request's HTTP response (e.g. Retry-After) */
  responseHeaders: Headers;
  /** where the request came from (the socket's peer, or X-Forwarded-For behind a trusted proxy) */
  clientAddress: string;
  /** the language messages are rendered in, from Accept-Language (Chinese by default) */
  locale: Locale;
}
