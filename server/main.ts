import { createApp, type App } from './app.ts';
import { seed } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createHttpServer } from './http.ts';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { SYSTEM_ACTOR } from './auth/roles.ts';
import { deployShippedWorkflows } from './workflows/rectification.ts';
import { startTimerService } from './workflows/timer-service.ts';
import { seedDemoActivity } from './seed/demo-activity.ts';

const config = loadConfig();
let app: App | null = null;
let stopTimers: () => Promise<void> = async () => {};
const server = createHttpServer(() => app, config);
server.listen(config.port, config.host, () => {
  console.log(`Pinzhi starting on http://localhost:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`})`);
});

try {
  const ready = await createApp(config);
  // demo activity only on the database this start created, never on one already in use
  const fresh = config.seed ? (await seed(ready)).importedLibrary : false;
  const deployed = await deployShippedWorkflows(ready.orm.em.fork() as SqlEntityManager, SYSTEM_ACTOR);
  if (deployed.length > 0) console.log(`deployed workflows ${deployed.join(', ')}`);
  if (fresh) await seedDemoActivity(ready);
  stopTimers = await startTimerService(ready);
  app = ready;
  console.log(`Pinzhi ready: GraphQL and GraphiQL at http://localhost:${config.port}/graphql`);
} catch (error) {
  console.error('Pinzhi failed to start:', error);
  server.close();
  process.exit(1);
}

const shutdown = async () => {
  server.close();
  await stopTimers();
  await app?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
