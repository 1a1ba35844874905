import type { SqlEntityManager } from '@mikro-orm/sql';
import { SYSTEM_ACTOR } from './auth/roles.ts';
import { ensureDemoUsers } from './auth/user.service.ts';
import { Edition } from './entities/edition.entity.ts';
import { StandardDocument } from './entities/standard-document.entity.ts';
import { readLibraryPackage } from './library-files.ts';
import { ensureSampleProjects } from './inspections/project.service.ts';
import { importLibraryPackage } from './standards/library.service.ts';
import type { App } from './app.ts';

export const SHIPPED_LIBRARY = new URL('../standards/library/', import.meta.url).pathname;

/**
 * First start on the embedded default: demo users, and the shipped library imported with its
 * history (editions 2026-Q3 and 2026-Q4), so a new user sees the real standards system. Runs only
 * while the store is empty.
 */
export async function seed(app: App, log: (line: string) => void = console.log): Promise<void> {
  const em = app.orm.em.fork() as SqlEntityManager;
  const users = await ensureDemoUsers(em, SYSTEM_ACTOR);
  if (users > 0) log(`created ${users} demo users (password "pinzhi-demo")`);
  if ((await em.count(StandardDocument)) === 0 && (await em.count(Edition)) === 0) {
    const result = await importLibraryPackage(em, SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY), app.limits);
    for (const e of result.editions) log(`imported edition ${e.name}: ${e.created} new, ${e.revised} revised, ${e.retired} retired standards`);
    log(`imported ${result.touchpoints} touchpoints and variants ${result.variants.join(', ')}`);
  }
  const projects = await ensureSampleProjects(em);
  if (projects > 0) log(`created ${projects} sample projects with their places`);
}
