import type { Config } from './config.ts';
import { businessKeys } from './business-keys.ts';
import { embeddedDatabase, openOrm, type Orm, forkEm, forkFor } from './db/orm.ts';
import { TokenService } from '../domain/users/token.ts';
import { tokenSecret } from '../domain/users/user.service.ts';
import type { Actor } from '../domain/shared/access.ts';
import { createPinzhiYoga } from './yoga.ts';
import { responseMeta } from './graphql/response-meta.ts';
import { type DocumentLimits } from '../domain/shared/limits.ts';
import type { PhotoStore } from '../domain/photos/photo.service.ts';
import { JobQueue } from './job-queue.ts';
import { AccessCache, pgliteAccessChanges, postgresAccessChanges } from './access-cache.ts';
import { actorOf } from '../domain/organisations/actor.service.ts';
import type { JobsContext } from '../domain/shared/service-context.ts';

export interface App {
  config: Config;
  orm: Orm;
  tokens: TokenService;
  limits: DocumentLimits;
  photos: PhotoStore;
  /** the job queue: services record follow-up work on it; `startWorkers` runs it */
  jobs: JobQueue;
  yoga: ReturnType<typeof createPinzhiYoga>;
  /** callers' access, kept between requests while the database announces its changes */
  access: AccessCache;
  /** The headers resolvers added to a request's response (for example `Retry-After`), for answers written without Yoga. */
  resolverHeaders(request: Request): Headers;
  /** A service context for `actor` on a fresh EntityManager fork, scoped to the actor's organisation (start-up work, seeds, workers, tests). */
  context(actor: Actor): JobsContext;
  close(): Promise<void>;
}

type PGliteListener = { listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> };

/**
 * Opens the database (applying migrations) and the job queue, and wires the GraphQL server.
 * `supervise` runs the queue's maintenance in this process (the server does; tools need not).
 */
export async function createApp(config: Config, orm?: Orm, options: { supervise?: boolean } = {}): Promise<App> {
  const db = orm ?? (await openOrm(config));
  const em = forkEm(db);
  const tokens = new TokenService(await tokenSecret(em, config.authSecret), config.tokenTtlSeconds);
  const limits: DocumentLimits = { maxBytes: config.maxDocumentBytes, maxDepth: 32 };
  const photos: PhotoStore = { dir: config.photoDir, maxBytes: config.maxPhotoBytes };
  const jobs = await JobQueue.open(db, { databaseUrl: config.databaseUrl, supervise: options.supervise ?? false });
  const meta = responseMeta();
  const changes = !config.accessCache ? null
    : config.databaseUrl ? postgresAccessChanges(config.databaseUrl)
    : pgliteAccessChanges(() => embeddedDatabase<PGliteListener>(db));
  const access = new AccessCache((username) => actorOf(forkEm(db), username), changes);
  await access.start();
  const yoga = createPinzhiYoga({ orm: db, tokens, limits, photos, jobs, keys: businessKeys, corsOrigins: config.corsOrigins, access }, meta);
  return {
    config, orm: db, tokens, limits, photos, jobs, yoga, access, resolverHeaders: meta.headersFor,
    context: (actor) => ({ em: forkFor(db, actor), actor, limits, jobs, keys: businessKeys }),
    close: async () => {
      await access.close();
      await jobs.stop();
      await db.close();
    },
  };
}
