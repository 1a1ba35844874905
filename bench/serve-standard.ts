import { createServer } from 'node:http';
import { GraphQLScalarType, execute, parse, validate, type DocumentNode } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createHttpServer } from '../server/http.ts';
import { ImmutableResults } from '../server/graphql/immutable-results.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { createUser, DEMO_PASSWORD, ensureDemoUsers } from '../domain/users/user.service.ts';
import { readLibraryPackage } from '../domain/editions/library-files.ts';
import { importLibraryPackage } from '../domain/editions/library.service.ts';
import { SHIPPED_LIBRARY } from '../server/bootstrap.ts';
import { ensureSampleProjects, listProjects } from '../domain/projects/project.service.ts';
import { getChecklist } from '../domain/checklists/checklist.service.ts';

/**
 * Child process of the benchmark: Pinzhi on the database in DATABASE_URL — with the response
 * cache, without it, and (for checklists) without the memo of rendered immutable answers too — and
 * beside them a plain node:http server that returns the same response bytes, pre-serialized, for
 * each request body. The requests rotate over 8 callers (each their own user and token) and several
 * standards, or the full quarterly checklists of 4 projects (BENCH_CHECKLIST=1), so that nothing
 * keyed to one request serves them all. Sends the ports and the requests to the parent.
 */
const CALLERS = 8;
const config = { ...loadConfig(), port: 0, seed: false };
const app = await createApp(config);
const em = app.orm.em.fork() as SqlEntityManager;
await ensureDemoUsers(em, SYSTEM_ACTOR);
await importLibraryPackage(em, SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY));
const listen = async (server: ReturnType<typeof createServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const pinzhi = await listen(createHttpServer(() => app, config));
const uncached = await listen(createHttpServer(() => app, { ...config, responseCacheTtlMs: 0 }));
const bare = await listen(createHttpServer(() => app, { ...config, responseCacheTtlMs: 0, immutableResults: new ImmutableResults(0) }));
// every request executed by Yoga's HTTP layer, as before the direct query path (for reference)
const throughYoga = await listen(createHttpServer(() => app, { ...config, responseCacheTtlMs: 0, immutableResults: new ImmutableResults(0), directQueries: false }));
const tokens: string[] = [];
for (let i = 1; i <= CALLERS; i++) {
  await createUser(app.orm.em.fork() as SqlEntityManager, SYSTEM_ACTOR, { username: `bench-inspector-${i}`, password: DEMO_PASSWORD, roles: ['inspector'], organisationId: 1 });
  tokens.push(app.tokens.issue(`bench-inspector-${i}`).token);
}
let texts: string[];
if (process.env.BENCH_QUERY) texts = [process.env.BENCH_QUERY];
else if (process.env.BENCH_CHECKLIST) {
  // the full quarterly checklists of 4 projects, generated once, then fetched by id
  await ensureSampleProjects(em);
  const projects = (await listProjects({ em, actor: SYSTEM_ACTOR, limits: app.limits })).slice(0, 4);
  texts = [];
  for (const project of projects) {
    const { checklist } = await getChecklist({ em: app.orm.em.fork() as SqlEntityManager, actor: SYSTEM_ACTOR, limits: app.limits }, { projectId: project.id, tier: 'quarterly' });
    texts.push(`{ checklistById(id: "${checklist.id}") { ... on Checklist { id edition itemCount answerSchema items { id code version title criterion { zh en } input unit options evidence severity weight touchpoints rectifyWithinHours schema } } } }`);
  }
} else {
  // 8 instructions of the shipped library
  const codes = ['M01.P01.W001', 'M02.P01.W001', 'M03.P01.W002', 'M04.P01.W001', 'M05.P01.W001', 'M06.P01.W001', 'M07.P01.W001', 'M03.P02.W006'];
  texts = codes.map((code) => `{ standard(code: "${code}") { ... on Standard { code title current { version contentHash schema } } } }`);
}
// every caller asks for every item; the order mixes both
const requests = tokens.flatMap((token, c) => texts.map((_, t) => ({ token, body: JSON.stringify({ query: texts[(t + c) % texts.length] }) })));
const bytesOf = new Map<string, Buffer>();
for (const { token, body } of requests.slice(0, texts.length)) {
  const sample = await app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const bytes = Buffer.from(await sample.arrayBuffer());
  const answer = JSON.parse(bytes.toString('utf8')) as { errors?: unknown; data?: Record<string, { message?: string } | null> };
  if (sample.status !== 200 || answer.errors || !answer.data || Object.values(answer.data).some((v) => !v || v.message)) throw new Error(`benchmark request failed: ${bytes.toString('utf8').slice(0, 300)}`);
  bytesOf.set(body, bytes);
}
const plain = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const bytes = bytesOf.get(Buffer.concat(chunks).toString('utf8'))!;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  });
});
const bytes = [...bytesOf.values()].reduce((sum, b) => sum + b.length, 0) / bytesOf.size;

/*
 * Two references for an executed `standard(code)`, measured beside it: plain node:http that makes one
 * PostgreSQL round trip (`select 1`) before sending the same bytes — the ceiling of a request that
 * makes a round trip of its own; Pinzhi's uncached line passes it because concurrent requests share
 * their fingerprint read (`coalescedReads`) — and graphql-yoga answering the same query with the
 * same data from memory (no database, no sign-in), the ceiling of a request executed by Yoga. A
 * third line: the same schema and data executed by graphql-js inside plain node:http, each query text
 * parsed and validated once — what an executor of our own in the HTTP front, without Yoga's fetch
 * layer, could reach at best.
 */
let ceilings: { pgTrip: number; yogaMemory: number; executorMemory: number } | undefined;
if (!process.env.BENCH_CHECKLIST && !process.env.BENCH_QUERY) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const pgTrip = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = bytesOf.get(Buffer.concat(chunks).toString('utf8'))!;
      pool.query('select 1').then(() => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
        res.end(bytes);
      }, (error: Error) => res.writeHead(500).end(error.message));
    });
  });
  const byCode = new Map<string, unknown>();
  for (const [body, answer] of bytesOf) {
    const code = /standard\(code: "([^"]+)"\)/.exec((JSON.parse(body) as { query: string }).query)![1];
    byCode.set(code, (JSON.parse(answer.toString('utf8')) as { data: { standard: unknown } }).data.standard);
  }
  const json = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value });
  const schema = createSchema({
    typeDefs: 'scalar JSON type Version { version: Int! contentHash: String! schema: JSON! } type Standard { code: String! title: String! current: Version } type Query { standard(code: String!): Standard }',
    resolvers: { JSON: json, Query: { standard: (_: unknown, { code }: { code: string }) => byCode.get(code) } },
  });
  const yoga = createYoga({ graphiql: false, logging: false, schema });
  const documents = new Map<string, DocumentNode>();
  const executor = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        if (validate(schema, document).length) return void res.writeHead(400).end();
        documents.set(query, document);
      }
      Promise.resolve(execute({ schema, document })).then((result) => {
        const bytes = Buffer.from(JSON.stringify(result));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
        res.end(bytes);
      }, (error: Error) => res.writeHead(500).end(error.message));
    });
  });
  ceilings = { pgTrip: await listen(pgTrip), yogaMemory: await listen(createServer(yoga)), executorMemory: await listen(executor) };
}
process.send?.({ pinzhi, uncached, bare, throughYoga, plain: await listen(plain), ceilings, requests, items: texts.length, callers: CALLERS, bytes });
process.on('SIGINT', () => process.exit(0));
