import { forkEm, openOrm } from './db/orm.ts';
import { DATABASE_LOCKS, withDatabaseLock } from './db/database-lock.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { createApp, type App } from './app.ts';
import { seed } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createHttpServer } from './http.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { deployShippedWorkflows } from '../domain/findings/rectification.service.ts';
import { startWorkers } from './workers.ts';
import { demoActivityUnfinished, markDemoActivityDue, seedDemoActivity } from './seed/demo-activity.ts';
import { seedTrainingEffectDemo } from './seed/training-effect-demo.ts';

/** A stop (SIGTERM, SIGINT) ends the process within this long, whatever is running. */
const STOP_DEADLINE_MS = 10_000;

/** Serves at once, starts the app behind the listening socket, and stops in order on SIGTERM or SIGINT. */
function main(): void {
  const config = loadConfig();
  let app: App | null = null;
  const server = createHttpServer(() => app, config);
  server.listen(config.port, config.host, () => {
    console.log(`Pinzhi starting on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`})`);
    for (const line of config.notices) console.log(line);
  });

  /**
   * Opens the database, then does the first-start work one server at a time: a second server
   * started beside this one on the same PostgreSQL waits for the lock and finds it done.
   */
  async function start(): Promise<App> {
    const orm = await openOrm(config);
    return withDatabaseLock(config.databaseUrl, DATABASE_LOCKS.startUp, async () => {
      const ready = await createApp(config, orm, { supervise: true });
      // demo activity only on the database this start created, never on one already in use
      const fresh = config.seed ? (await seed(ready)).importedLibrary : false;
      if (fresh) await markDemoActivityDue(ready);
      const deployed = await deployShippedWorkflows(forkEm(ready.orm), SYSTEM_ACTOR);
      if (deployed.length > 0) console.log(`deployed workflows ${deployed.join(', ')}`);
      if (fresh || (config.seed && (await demoActivityUnfinished(forkEm(ready.orm))))) {
        await seedDemoActivity(ready);
        await seedTrainingEffectDemo(ready);
      }
      const work = await startWorkers(ready);
      console.log(`job queue: ${work.opened} rectifications opened and ${work.fired} timers fired that fell due while stopped; ${work.queued} timers queued`);
      return ready;
    });
  }

  void start().then(
    (ready) => {
      app = ready;
      console.log(`Pinzhi ready: GraphQL at http://localhost:${config.port}/graphql, admin UI at http://localhost:${config.port}/admin/, phone app at http://localhost:${config.port}/m/`);
      return ready;
    },
    (error: unknown) => {
      // a data folder another process holds is an operator's situation, not a bug: no stack
      console.error('Pinzhi failed to start:', error instanceof DataDirInUseError ? error.message : error);
      server.close();
      process.exit(1);
    },
  );

  /**
   * Stops in order: no new connections, the workers (a running job may finish), the requests in
   * flight, then the queue and the database. Whatever still runs at the deadline is cut off — the
   * next start finishes what was due. During start-up it stops at once.
   */
  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    setTimeout(() => {
      console.error(`still stopping after ${STOP_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (!app) {
      // nothing is served yet: stop at once; each start-up step is a transaction, and the next
      // start does what this one did not
      console.log('stopped during start-up; the next start completes it');
      process.exit(0);
    }
    const ready = app;
    await ready.jobs.stop(4000);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 3000))]);
    server.closeAllConnections();
    await ready.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main();
