import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createHttpServer } from '../server/http.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { ensureDemoUsers } from '../domain/users/user.service.ts';
import { readLibraryPackage } from '../domain/editions/library-files.ts';
import { importLibraryPackage } from '../domain/editions/library.service.ts';
import { SHIPPED_LIBRARY } from '../server/bootstrap.ts';
import { ensureSampleProjects, listProjects } from '../domain/projects/project.service.ts';
import { getChecklist } from '../domain/checklists/checklist.service.ts';

/**
 * Child process of the benchmark: Pinzhi on the database in DATABASE_URL, and beside it a plain
 * node:http server that returns the same response bytes, pre-serialized. Sends the ports to the parent.
 * BENCH_CHECKLIST=1 measures a project's full quarterly checklist fetched by id instead of a standard.
 */
const config = { ...loadConfig(), port: 0, seed: false };
const app = await createApp(config);
const em = app.orm.em.fork() as SqlEntityManager;
await ensureDemoUsers(em, SYSTEM_ACTOR);
await importLibraryPackage(em, SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY));
const pinzhi = createHttpServer(() => app, config);
await new Promise<void>((resolve) => pinzhi.listen(0, '127.0.0.1', resolve));
const uncached = createHttpServer(() => app, { ...config, responseCacheTtlMs: 0 });
await new Promise<void>((resolve) => uncached.listen(0, '127.0.0.1', resolve));
const { token } = app.tokens.issue('inspector');
let text = process.env.BENCH_QUERY ?? '{ standard(code: "M03.P01.W002") { ... on Standard { code title current { version contentHash schema } } } }';
if (process.env.BENCH_CHECKLIST) {
  // The full quarterly checklist of a project, generated once, then fetched by id.
  await ensureSampleProjects(em);
  const project = (await listProjects({ em, actor: SYSTEM_ACTOR, limits: app.limits })).find((p) => p.profile === 'standard')!;
  const { checklist } = await getChecklist({ em, actor: SYSTEM_ACTOR, limits: app.limits }, { projectId: project.id, tier: 'quarterly' });
  text = `{ checklistById(id: "${checklist.id}") { ... on Checklist { id edition itemCount answerSchema items { id code version title criterion { zh en } input unit options evidence severity weight touchpoints rectifyWithinHours schema } } } }`;
}
const query = JSON.stringify({ query: text });
const sample = await app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: query });
const bytes = Buffer.from(await sample.arrayBuffer());
const plain = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  });
});
await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
process.send?.({ pinzhi: (pinzhi.address() as AddressInfo).port, uncached: (uncached.address() as AddressInfo).port, plain: (plain.address() as AddressInfo).port, token, query, bytes: bytes.length });
process.on('SIGINT', () => process.exit(0));
