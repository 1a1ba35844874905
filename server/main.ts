import { createApp, type App } from './app.ts';
import { seed } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createHttpServer } from './http.ts';

const config = loadConfig();
let app: App | null = null;
const server = createHttpServer(() => app, config);
server.listen(config.port, config.host, () => {
  console.log(`Pinzhi starting on http://localhost:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`})`);
});

try {
  const ready = await createApp(config);
  if (config.seed) await seed(ready);
  app = ready;
  console.log(`Pinzhi ready: GraphQL and GraphiQL at http://localhost:${config.port}/graphql`);
} catch (error) {
  console.error('Pinzhi failed to start:', error);
  server.close();
  process.exit(1);
}

const shutdown = async () => {
  server.close();
  await app?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
