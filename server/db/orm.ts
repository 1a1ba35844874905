import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { Config } from '../config.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { entities } from './entities.ts';
import { Migration20261124000000Initial } from './migrations/Migration20261124000000Initial.ts';
import { Migration20261124100000LibraryData } from './migrations/Migration20261124100000LibraryData.ts';
import { Migration20261124200000Inspections } from './migrations/Migration20261124200000Inspections.ts';
import { Migration20261124300000Workflows } from './migrations/Migration20261124300000Workflows.ts';
import { Migration20261203000000LoginThrottle } from './migrations/Migration20261203000000LoginThrottle.ts';
import { Migration20261203100000PhotoTakenAt } from './migrations/Migration20261203100000PhotoTakenAt.ts';
import { Migration20261203113000DocumentControl } from './migrations/Migration20261203113000DocumentControl.ts';
import { Migration20261203112000RectifyWithinHours } from './migrations/Migration20261203112000RectifyWithinHours.ts';

/** The checked-in migrations, in order. */
export const migrationsList = [
  { name: 'Migration20261124000000Initial', class: Migration20261124000000Initial },
  { name: 'Migration20261124100000LibraryData', class: Migration20261124100000LibraryData },
  { name: 'Migration20261124200000Inspections', class: Migration20261124200000Inspections },
  { name: 'Migration20261124300000Workflows', class: Migration20261124300000Workflows },
  { name: 'Migration20261203000000LoginThrottle', class: Migration20261203000000LoginThrottle },
  { name: 'Migration20261203100000PhotoTakenAt', class: Migration20261203100000PhotoTakenAt },
  { name: 'Migration20261203112000RectifyWithinHours', class: Migration20261203112000RectifyWithinHours },
  { name: 'Migration20261203113000DocumentControl', class: Migration20261203113000DocumentControl },
];

export type Orm = MikroORM;

/** A fresh unit of work on the database (its own identity map), typed for the SQL driver. */
export function forkEm(orm: Orm): EntityManager {
  return orm.em.fork() as EntityManager;
}

function baseOptions(config: Pick<Config, 'logQueries'>): Options {
  return {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: config.logQueries,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  } as unknown as Options;
}

/**
 * Opens the database: PostgreSQL through `pg` when `databaseUrl` is set, otherwise embedded
 * PGlite persisted under `dataDir/pglite` (or in memory for `dataDir: 'memory://'`).
 * Pending migrations are applied before it returns.
 */
export async function openOrm(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'logQueries'>): Promise<Orm> {
  let orm: Orm;
  if (config.databaseUrl) {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    orm = await MikroORM.init({ ...baseOptions(config), clientUrl: config.databaseUrl } as never);
  } else {
    const { MikroORM } = await import('@mikro-orm/pglite');
    let dbName = 'memory://';
    if (!config.dataDir.startsWith('memory:')) {
      mkdirSync(config.dataDir, { recursive: true });
      dbName = join(config.dataDir, 'pglite');
    }
    orm = await MikroORM.init({ ...baseOptions(config), dbName } as never);
  }
  await orm.migrator.up();
  return orm;
}
