import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from '../users/token.ts';
import { freePort, scratchDatabase } from '../../test/harness.ts';
import { forkEm, openOrm } from '../../server/db/orm.ts';
import { loadConfig } from '../../server/config.ts';
import { createUser } from '../users/user.service.ts';
import { SYSTEM_ACTOR } from '../shared/access.ts';

/**
 * Real server processes, killed with SIGKILL mid-flow. On PostgreSQL (TEST_DATABASE_URL) two
 * servers share one database; on the embedded PGlite, one server process is killed and restarted
 * on the same data folder (PGlite serves one process).
 */
const SECRET = 'reliability-secret';
const token = new TokenService(SECRET, 3600).issue('admin').token;
const main = new URL('../../server/main.ts', import.meta.url).pathname;
const serverUrl = process.env.TEST_DATABASE_URL;
let env: Record<string, string>;
let cleanup = async () => {};

const WAIT_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t">
  <bpmn:process id="wait" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="confirm" pinzhi:candidateRole="quality_manager" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="pause" /><bpmn:sequenceFlow id="f2" sourceRef="pause" targetRef="confirm" /><bpmn:sequenceFlow id="f3" sourceRef="confirm" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;

/** What the server processes printed on stderr, shown when one does not start. */
let stderr = '';

function startServer(port: number): ChildProcess {
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return child;
}

async function ready(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server on ${port} did not start: ${stderr.slice(-2000)}`);
}

async function gql(port: number, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data: Record<string, any> };
}

const stop = (p: ChildProcess) => new Promise<void>((resolve) => {
  if (p.exitCode !== null || p.signalCode !== null) return resolve();
  p.once('exit', () => resolve());
  p.kill('SIGKILL');
});

beforeAll(async () => {
  if (serverUrl) {
    const database = await scratchDatabase(serverUrl, 'pinzhi_rel');
    env = { DATABASE_URL: database.url, AUTH_SECRET: SECRET, SEED: 'false' };
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'pinzhi-rel-'));
    env = { DATA_DIR: dir, AUTH_SECRET: SECRET, SEED: 'false', DATABASE_URL: '' };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // the administrator the token names (what they may do is read from their memberships)
  const config = loadConfig(env);
  const orm = await openOrm({ ...config, databaseUrl: env.DATABASE_URL || undefined });
  await createUser(forkEm(orm), SYSTEM_ACTOR, { username: 'admin', password: 'reliability-admin', roles: ['admin'] });
  await orm.close();
}, 300_000);
afterAll(() => cleanup());

it('loses no instance and fires every timer once in effect when a server is killed with SIGKILL mid-flow', async () => {
  const [a, b] = [await freePort(), await freePort()];
  let first = startServer(a);
  try {
    await ready(a);
    expect((await gql(a, 'mutation ($x: String!) { deployWorkflow(key: "wait", bpmnXml: $x) { __typename } }', { x: WAIT_BPMN })).data.deployWorkflow.__typename).toBe('DeployWorkflowSuccess');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await gql(a, 'mutation { startWorkflow(key: "wait") { ... on WorkflowInstance { id } } }')).data.startWorkflow.id);
    // given six instances waiting on their 4-second timers, the server dies
    await stop(first);
    await new Promise((r) => setTimeout(r, 5000));
    // when it comes back (with a second server beside it on PostgreSQL)
    first = startServer(a);
    const second = serverUrl ? startServer(b) : null;
    try {
      await ready(a);
      if (second) await ready(b);
      await new Promise((r) => setTimeout(r, 3000));
      // then every instance moved past its timer exactly once and waits on its task
      for (const id of ids) {
        const view = (await gql(a, `{ workflowInstance(id: ${id}) { ... on WorkflowInstance { status states history { event } tasks { id status } } } }`)).data.workflowInstance;
        expect({ id, states: view.states, timers: view.history.filter((h: { event: string }) => h.event === 'timer').length }).toEqual({ id, states: ['confirm'], timers: 1 });
      }
      // and two clients completing one task, through two servers where there are two, get one winner
      const task = (await gql(a, `{ workflowInstance(id: ${ids[0]}) { ... on WorkflowInstance { tasks { id } } } }`)).data.workflowInstance.tasks[0].id;
      const complete = (port: number) => gql(port, `mutation { completeTask(id: ${task}) { __typename } }`);
      const results = await Promise.all([complete(a), complete(second ? b : a)]);
      expect(results.map((r) => r.data.completeTask.__typename).sort()).toEqual(['ConflictError', 'WorkflowTask']);
    } finally {
      if (second) await stop(second);
    }
  } finally {
    await stop(first);
  }
}, 300_000);
