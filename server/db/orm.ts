import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { Config } from '../config.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { entities } from './entities.ts';
import { DATABASE_LOCKS, withDatabaseLock } from './database-lock.ts';
import { lockDataDir, unlockDataDir } from './data-dir-lock.ts';
import { Migration20261124000000Initial } from './migrations/Migration20261124000000Initial.ts';
import { Migration20261124100000LibraryData } from './migrations/Migration20261124100000LibraryData.ts';
import { Migration20261124200000Inspections } from './migrations/Migration20261124200000Inspections.ts';
import { Migration20261124300000Workflows } from './migrations/Migration20261124300000Workflows.ts';
import { Migration20261203000000LoginThrottle } from './migrations/Migration20261203000000LoginThrottle.ts';
import { Migration20261203100000PhotoTakenAt } from './migrations/Migration20261203100000PhotoTakenAt.ts';
import { Migration20261203113000DocumentControl } from './migrations/Migration20261203113000DocumentControl.ts';
import { Migration20261203112000RectifyWithinHours } from './migrations/Migration20261203112000RectifyWithinHours.ts';
import { APP_ROLE, Migration20261203151000Organisations } from './migrations/Migration20261203151000Organisations.ts';
import { Migration20261203162000Layers } from './migrations/Migration20261203162000Layers.ts';
import { Migration20261203161000FlyingInspections } from './migrations/Migration20261203161000FlyingInspections.ts';
import { Migration20261203170000CustomerVoice } from './migrations/Migration20261203170000CustomerVoice.ts';
import { Migration20261203171000Surveys } from './migrations/Migration20261203171000Surveys.ts';
import { Migration20261203170200ClosingTheLoop } from './migrations/Migration20261203170200ClosingTheLoop.ts';
import { Migration20261203171100SurveyTokens } from './migrations/Migration20261203171100SurveyTokens.ts';
import { Migration20261203180000Training } from './migrations/Migration20261203180000Training.ts';
import { Migration20261203182000Qualifications } from './migrations/Migration20261203182000Qualifications.ts';
import { Migration20261203183000Assessments } from './migrations/Migration20261203183000Assessments.ts';
import { Migration20261204120000QueryIndexes } from './migrations/Migration20261204120000QueryIndexes.ts';
import { Migration20261204200000MultiInstanceTasks } from './migrations/Migration20261204200000MultiInstanceTasks.ts';
import { Migration20261204200000Summaries } from './migrations/Migration20261204200000Summaries.ts';
import { Migration20261204200000WorkflowDrafts } from './migrations/Migration20261204200000WorkflowDrafts.ts';
import { Migration20261205020000CallActivities } from './migrations/Migration20261205020000CallActivities.ts';
import { Migration20261205030000LaneRoles } from './migrations/Migration20261205030000LaneRoles.ts';
import { Migration20261205040000RectificationSummaries } from './migrations/Migration20261205040000RectificationSummaries.ts';
import { Migration20261205050000AccessNotifications } from './migrations/Migration20261205050000AccessNotifications.ts';
import type { Actor } from '../../domain/shared/access.ts';

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
  { name: 'Migration20261203151000Organisations', class: Migration20261203151000Organisations },
  { name: 'Migration20261203161000FlyingInspections', class: Migration20261203161000FlyingInspections },
  { name: 'Migration20261203162000Layers', class: Migration20261203162000Layers },
  { name: 'Migration20261203170000CustomerVoice', class: Migration20261203170000CustomerVoice },
  { name: 'Migration20261203171000Surveys', class: Migration20261203171000Surveys },
  { name: 'Migration20261203170200ClosingTheLoop', class: Migration20261203170200ClosingTheLoop },
  { name: 'Migration20261203171100SurveyTokens', class: Migration20261203171100SurveyTokens },
  { name: 'Migration20261203180000Training', class: Migration20261203180000Training },
  { name: 'Migration20261203182000Qualifications', class: Migration20261203182000Qualifications },
  { name: 'Migration20261203183000Assessments', class: Migration20261203183000Assessments },
  { name: 'Migration20261204120000QueryIndexes', class: Migration20261204120000QueryIndexes },
  { name: 'Migration20261204200000MultiInstanceTasks', class: Migration20261204200000MultiInstanceTasks },
  { name: 'Migration20261204200000Summaries', class: Migration20261204200000Summaries },
  { name: 'Migration20261204200000WorkflowDrafts', class: Migration20261204200000WorkflowDrafts },
  { name: 'Migration20261205020000CallActivities', class: Migration20261205020000CallActivities },
  { name: 'Migration20261205030000LaneRoles', class: Migration20261205030000LaneRoles },
  { name: 'Migration20261205040000RectificationSummaries', class: Migration20261205040000RectificationSummaries },
  { name: 'Migration20261205050000AccessNotifications', class: Migration20261205050000AccessNotifications },
];

export type Orm = MikroORM;

/** The embedded PGlite instance under the ORM (for what MikroORM does not wrap: its notifications). */
export function embeddedDatabase<T>(orm: Orm): Promise<T> {
  return (orm.em.getConnection() as unknown as { getNativeClient(): Promise<T> }).getNativeClient();
}

/** A fresh unit of work on the database (its own identity map), typed for the SQL driver. */
export function forkEm(orm: Orm): EntityManager {
  return orm.em.fork() as EntityManager;
}

/** The session variable row-level security reads the organisation from (see the Organisations migration). */
export const ORGANISATION_SETTING = 'pinzhi.organisation';

/**
 * A unit of work for an actor. A person's (or an anonymous caller's) runs every statement under the
 * application's database role with their organisation in the session, so PostgreSQL's row-level
 * security shows and accepts only that organisation's rows — a second guard behind the services'
 * own scoping. The system acting for one organisation (timers, rectifications opened after commit)
 * names it, so the rows it adds are that organisation's; the system acting for none sees everything.
 */
export function forkFor(orm: Orm, actor: Actor | null): EntityManager {
  const em = forkEm(orm);
  const person = !actor || actor.reach !== undefined;
  // the role as a setting too (`set_config('role', …)` is `set local role`): one statement per transaction instead of two
  if (person) em.setSessionContext({ variables: { [ORGANISATION_SETTING]: actor?.organisationId ?? 'none', role: APP_ROLE } });
  else if (actor.organisationId !== null) em.setSessionContext({ variables: { [ORGANISATION_SETTING]: actor.organisationId } });
  return em;
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
 * Read replicas (PostgreSQL only). Queries go to them only when they ask for a read connection
 * (`readImmutable` in domain/shared/persistence.ts): MikroORM's default would send every read
 * outside a transaction there, and most data here changes.
 */
function replicaOptions(replicaUrls: readonly string[] = []): Partial<Options> {
  if (replicaUrls.length === 0) return {};
  return { preferReadReplicas: false, replicas: replicaUrls.map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl })) };
}

/**
 * Opens the database: PostgreSQL through `pg` when `databaseUrl` is set (with its read replicas
 * when `replicaUrls` lists some), otherwise embedded PGlite persisted under `dataDir/pglite` (or
 * in memory for `dataDir: 'memory://'`), which this process then holds until it exits.
 * Pending migrations are applied before it returns — one server at a time, when several start.
 */
export async function openOrm(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'logQueries'> & { replicaUrls?: readonly string[] }): Promise<Orm> {
  let orm: Orm;
  if (config.databaseUrl) {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    orm = await MikroORM.init({ ...baseOptions(config), ...replicaOptions(config.replicaUrls), clientUrl: config.databaseUrl } as never);
  } else {
    const { MikroORM } = await import('@mikro-orm/pglite');
    let dbName = 'memory://';
    if (!config.dataDir.startsWith('memory:')) {
      mkdirSync(config.dataDir, { recursive: true });
      lockDataDir(config.dataDir);
      dbName = join(config.dataDir, 'pglite');
    }
    orm = await MikroORM.init({ ...baseOptions(config), dbName } as never);
    if (!config.dataDir.startsWith('memory:')) {
      // closing the database gives the folder up (a tool run after an in-process use, a restart in tests)
      const dataDir = config.dataDir;
      const close = orm.close.bind(orm);
      orm.close = async (force?: boolean) => {
        try {
          await close(force);
        } finally {
          unlockDataDir(dataDir);
        }
      };
    }
  }
  await withDatabaseLock(config.databaseUrl, DATABASE_LOCKS.migrations, () => orm.migrator.up());
  return orm;
}
