import type { SqlEntityManager } from '@mikro-orm/sql';
import { SYSTEM_ACTOR } from './auth/roles.ts';
import { ensureDemoUsers } from './auth/user.service.ts';
import { Edition } from './entities/edition.entity.ts';
import { StandardDocument } from './entities/standard-document.entity.ts';
import { readLibraryDir } from './library-files.ts';
import { importLibrary } from './standards/library.service.ts';
import type { App } from './app.ts';

export const STARTER_LIBRARY = new URL('../standards/library/', import.meta.url).pathname;
export const STARTER_EDITION = 'initial';

/**
 * First start on the embedded default: demo users, and the shipped library imported as edition
 * `initial`, so a new user sees real standards. Runs only while the store is empty.
 */
export async function seed(app: App, log: (line: string) => void = console.log): Promise<void> {
  const em = app.orm.em.fork() as SqlEntityManager;
  const users = await ensureDemoUsers(em, SYSTEM_ACTOR);
  if (users > 0) log(`created ${users} demo users (password "pinzhi-demo")`);
  if ((await em.count(StandardDocument)) === 0 && (await em.count(Edition)) === 0) {
    const result = await importLibrary(em, SYSTEM_ACTOR, readLibraryDir(STARTER_LIBRARY), { edition: STARTER_EDITION, note: 'starter library', limits: app.limits });
    log(`imported ${result.created.length} standards as edition "${STARTER_EDITION}"`);
  }
}
