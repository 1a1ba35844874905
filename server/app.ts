import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Config } from './config.ts';
import { openOrm, type Orm } from './db/orm.ts';
import { TokenService } from './auth/token.ts';
import { tokenSecret } from './auth/user.service.ts';
import { createPinzhiYoga } from './yoga.ts';
import type { DocumentLimits } from '../standards/validate.ts';
import type { PhotoStore } from './inspections/photo.service.ts';

export interface App {
  config: Config;
  orm: Orm;
  tokens: TokenService;
  limits: DocumentLimits;
  photos: PhotoStore;
  yoga: ReturnType<typeof createPinzhiYoga>;
  close(): Promise<void>;
}

/** Opens the database (applying migrations) and wires the GraphQL server. */
export async function createApp(config: Config, orm?: Orm): Promise<App> {
  const db = orm ?? (await openOrm(config));
  const em = db.em.fork() as SqlEntityManager;
  const tokens = new TokenService(await tokenSecret(em, config.authSecret), config.tokenTtlSeconds);
  const limits: DocumentLimits = { maxBytes: config.maxDocumentBytes, maxDepth: 32 };
  const photos: PhotoStore = { dir: config.photoDir, maxBytes: config.maxPhotoBytes };
  const yoga = createPinzhiYoga({ orm: db, tokens, limits, photos });
  return { config, orm: db, tokens, limits, photos, yoga, close: () => db.close() };
}
