import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { solidPng } from '../../server/seed/png.ts';
import { ApiClient, eventually, freshStore, startServer, type ServerProcess, type Store, signedIn } from './server-process.ts';
import { onDatabase, pauseReplay, query, replicated, tableStats } from './replica.ts';
import { EFFECT_DEMO_INSPECTIONS } from '../../server/seed/training-effect-demo.ts';
import { DEMO_ASSESSMENTS } from '../../server/seed/assessment-demo.ts';

/**
 * Scale-out, as users run it. On PostgreSQL (TEST_DATABASE_URL) two server processes start at the
 * same moment on one fresh database — migrations and the first-start work race — and then share the
 * work: every job and timer happens once, whichever server takes it. With TEST_REPLICA_URL (a
 * streaming replica of that server, started by .ci/run) both read immutable data from the replica.
 * On the embedded PGlite a second process on the same data folder is refused, read replicas are
 * refused, and the one server shows the same exactly-once work.
 */
const WAIT_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t">
  <bpmn:process id="scale-timer" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="confirm" pinzhi:candidateRole="quality_manager" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="pause" /><bpmn:sequenceFlow id="f2" sourceRef="pause" targetRef="confirm" /><bpmn:sequenceFlow id="f3" sourceRef="confirm" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { __typename ... on WorkflowInstance { id states history { event } } } }`;
const BY_KEY = `query ($k: String!) { workflowInstances(businessKey: $k) { ... on WorkflowInstanceConnection { nodes { id key } } } }`;
const RECTIFICATIONS = `{ workflowInstances(key: "rectification", first: 1) { ... on WorkflowInstanceConnection { totalCount } } }`;

const replicaServer = process.env.TEST_DATABASE_URL ? process.env.TEST_REPLICA_URL : undefined;
let store: Store;
/** the servers on the store: two on PostgreSQL, one on PGlite */
let servers: ServerProcess[] = [];
/** PGlite: the second process started on the same data folder, once it ended */
let refused: { code: number | string; output: string } | null = null;
let replicaUrl: string | undefined;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How a process ended, or 'still running' after `ms`. */
async function exitWithin(server: ServerProcess, ms: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still running'), ms)));
  try {
    return await Promise.race([server.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The id of a generated daily checklist of one module for a project. */
async function checklistId(client: ApiClient, projectId: number, scope: string): Promise<string> {
  const result = (await client.gql(`{ checklist(projectId: ${projectId}, tier: daily, scope: "${scope}") { ... on Checklist { id } ... on Error { message } } }`)).data.checklist;
  if (!result.id) throw new Error(`no checklist: ${JSON.stringify(result)}`);
  return result.id;
}

beforeAll(async () => {
  store = await freshStore();
  if (store.backend === 'postgresql') {
    const env: Record<string, string> = {};
    if (replicaServer) {
      const database = new URL(store.env.DATABASE_URL).pathname.slice(1);
      await replicated(replicaServer, database);
      replicaUrl = onDatabase(replicaServer, database);
      env.DATABASE_REPLICA_URLS = replicaUrl;
    }
    // both at the same moment, on the empty database
    servers = await Promise.all([startServer(store, env), startServer(store, env)]);
    await Promise.all(servers.map((s) => s.ready(280_000)));
  } else {
    servers = [await startServer(store)];
    await servers[0].ready(280_000);
    const second = await startServer(store);
    const code = await exitWithin(second, 60_000);
    if (code === 'still running') second.child.kill('SIGKILL');
    refused = { code, output: second.output() };
  }
}, 300_000);

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await store?.drop();
});

describe(`several servers on one database (${process.env.TEST_DATABASE_URL ? `PostgreSQL${replicaServer ? ' with a streaming replica' : ''}` : 'embedded PGlite'})`, () => {
  if (process.env.TEST_DATABASE_URL) {
    it('two servers started at once on one fresh database both come up, and the first start is done once', async () => {
      const outputs = servers.map((s) => s.output());
      expect(outputs.every((o) => /Pinzhi ready/.test(o))).toBe(true);
      expect(outputs.filter((o) => /created 8 demo users/.test(o))).toHaveLength(1);
      expect(outputs.filter((o) => /imported edition 2026-Q3/.test(o))).toHaveLength(1);
      expect(outputs.filter((o) => /demo activity: 18 inspections/.test(o))).toHaveLength(1);
      // and each server reads the one store
      for (const server of servers) {
        const auditor = await signedIn(server, 'auditor');
        expect((await auditor.gql('{ editions { ... on EditionConnection { nodes { name } } } }')).data.editions.nodes.map((e: { name: string }) => e.name).sort()).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
        expect((await auditor.gql('{ inspections(first: 1) { ... on InspectionConnection { totalCount } } }')).data.inspections.totalCount).toBe(18 + DEMO_ASSESSMENTS.scenario + DEMO_ASSESSMENTS.mystery + EFFECT_DEMO_INSPECTIONS);
      }
    });
  } else {
    it('a second server process on the same data folder is refused, naming the process that holds it', async () => {
      expect(refused).toEqual({ code: 1, output: expect.stringContaining(`is in use by process ${servers[0].child.pid}`) });
      expect(refused!.output).toMatch(/PGlite serves one process at a time.*PostgreSQL \(DATABASE_URL\)/);
      // and the first server goes on serving
      expect((await signedIn(servers[0], 'auditor')).token).not.toBe('');
    });
  }

  it('an inspection opens each rectification once, whichever server\'s queue takes the job', async () => {
    const manager = await signedIn(servers[servers.length - 1], 'manager');
    const before = (await manager.gql(RECTIFICATIONS)).data.workflowInstances.totalCount as number;
    // given an inspection through the first server with major and critical items failing
    const inspector = await signedIn(servers[0], 'inspector');
    const list = (await inspector.gql(`{ checklist(projectId: 1, tier: quarterly) { ... on Checklist { id items { id key code version title severity input evidence touchpoints options schema } } } }`)).data.checklist;
    const photo = await inspector.upload(solidPng(64, 48, [90, 140, 120]));
    const items = list.items as ChecklistItem[];
    const failing = new Set(['major', 'critical'].flatMap((severity) => items.filter((i) => i.severity === severity && failingValue(i) !== null).slice(0, 2).map((i) => i.id)));
    const answers = passingAnswers(items, [photo]).map((a) => (failing.has(a.itemId) ? { itemId: a.itemId, value: failingValue(items.find((i) => i.id === a.itemId)!), photos: [photo] } : a));
    const submitted = (await inspector.gql(`mutation ($c: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: "scale-out-1", answers: $a) { ... on SubmitInspectionSuccess { inspection { findings { id severity } } } ... on Error { message } } }`, { c: list.id, a: answers })).data.submitInspection;
    const findings = (submitted.inspection.findings as { id: number; severity: string }[]).filter((f) => f.severity !== 'minor');
    expect(findings.length).toBeGreaterThanOrEqual(4);
    // when the queues of every server have had time to take the job (and any duplicate)
    await eventually('the rectifications', async () => ((await manager.gql(RECTIFICATIONS)).data.workflowInstances.totalCount >= before + findings.length ? true : undefined), 60_000);
    await pause(4000);
    // then each major or critical finding has one rectification, and there are that many more in all
    for (const finding of findings) expect((await manager.gql(BY_KEY, { k: `finding:${finding.id}` })).data.workflowInstances.nodes).toHaveLength(1);
    expect((await manager.gql(RECTIFICATIONS)).data.workflowInstances.totalCount).toBe(before + findings.length);
  }, 120_000);

  it('a role granted or revoked, or an account disabled, through one server counts on its next request there, and on every server once the database announces it', async () => {
    const ME = '{ me { roles } }';
    const GRANT = 'mutation ($u: String!, $r: String!) { grantRole(username: $u, role: $r) { __typename ... on Membership { id } ... on Error { message } } }';
    const REVOKE = 'mutation ($id: Int!) { revokeRole(membershipId: $id) { __typename ... on Error { message } } }';
    const ACTIVE = 'mutation ($u: String!, $a: Boolean!) { setUserActive(username: $u, active: $a) { __typename ... on Error { message } } }';
    const [a, b] = [servers[0], servers.at(-1)!];
    const admin = await signedIn(a, 'admin');
    const onA = await signedIn(a, 'auditor');
    const onB = new ApiClient(b.base);
    onB.token = onA.token;
    const roles = async (client: ApiClient) => ((await client.gql<{ me: { roles: string[] } | null }>(ME)).data?.me?.roles ?? null);
    const onEvery = (what: string, holds: (r: string[] | null) => boolean) => eventually(what, async () => (holds(await roles(onB)) ? true : undefined));
    // given both servers keeping the auditor's access
    expect(await roles(onA)).toEqual(['auditor']);
    expect(await roles(onB)).toEqual(['auditor']);
    // when the admin grants a role through the first server, then it counts there at once, and on the other once announced
    const granted = (await admin.gql(GRANT, { u: 'auditor', r: 'fund_committee' })).data.grantRole;
    expect(granted.__typename).toBe('Membership');
    expect(await roles(onA)).toEqual(expect.arrayContaining(['auditor', 'fund_committee']));
    await onEvery('the grant on every server', (r) => r?.includes('fund_committee') ?? false);
    // and a revoke likewise
    expect((await admin.gql(REVOKE, { id: granted.id })).data.revokeRole.__typename).toBe('Person');
    expect(await roles(onA)).toEqual(['auditor']);
    await onEvery('the revoke on every server', (r) => r !== null && !r.includes('fund_committee'));
    // and a disabled account is nobody, on every server; enabled again, it is back
    expect((await admin.gql(ACTIVE, { u: 'auditor', a: false })).data.setUserActive.__typename).toBe('Person');
    expect(await roles(onA)).toBeNull();
    await onEvery('the disabled account on every server', (r) => r === null);
    expect((await admin.gql(ACTIVE, { u: 'auditor', a: true })).data.setUserActive.__typename).toBe('Person');
    await onEvery('the enabled account on every server', (r) => r !== null);
    if (store.backend === 'postgresql') {
      // when an operator disables the account in SQL, outside every server, then every server hears of it
      await query(store.env.DATABASE_URL, `update app_user set active = false where username = 'auditor'`);
      await eventually('the operator\'s change on the first server', async () => ((await roles(onA)) === null ? true : undefined));
      await onEvery('the operator\'s change on every server', (r) => r === null);
      await query(store.env.DATABASE_URL, `update app_user set active = true where username = 'auditor'`);
      await onEvery('the account back on every server', (r) => r !== null);
    }
  });

  it('timers started through either server fire once each', async () => {
    const managers = await Promise.all(servers.map((s) => signedIn(s, 'manager')));
    expect((await managers[0].gql(`mutation ($x: String!) { deployWorkflow(key: "scale-timer", bpmnXml: $x) { __typename } }`, { x: WAIT_BPMN })).data.deployWorkflow.__typename).toBe('DeployWorkflowSuccess');
    // given six instances waiting on 2-second timers, started through the servers in turn
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await managers[i % managers.length].gql('mutation { startWorkflow(key: "scale-timer") { ... on WorkflowInstance { id } } }')).data.startWorkflow.id);
    // when their timers fall due and every server's queue has had its chance at them
    const reader = managers[managers.length - 1];
    await eventually('every timer to fire', async () => {
      const views = await Promise.all(ids.map(async (id) => (await reader.gql(INSTANCE, { id })).data.workflowInstance));
      return views.every((v) => v.states[0] === 'confirm') ? true : undefined;
    }, 30_000);
    await pause(3000);
    // then each fired once
    for (const id of ids) expect((await reader.gql(INSTANCE, { id })).data.workflowInstance.history.map((h: { event: string }) => h.event)).toEqual(['start', 'timer']);
  }, 90_000);

  if (replicaServer) {
    it('immutable reads go to the streaming replica, everything else to the primary; a lagging replica is covered by the primary', async () => {
      const [a, b] = servers;
      const primaryUrl = store.env.DATABASE_URL;
      const replica = replicaUrl!;
      expect((await query<{ standby: boolean }>(replica, 'select pg_is_in_recovery() as standby'))[0].standby).toBe(true);
      const [onA, onB] = [await signedIn(a, 'inspector'), await signedIn(b, 'inspector')];
      // given a checklist generated through A, written on the primary and replayed on the replica
      const inserted = (await tableStats(primaryUrl, 'checklist')).inserted;
      const first = await checklistId(onA, 3, 'M01');
      await eventually('the primary to count the insert', async () => ((await tableStats(primaryUrl, 'checklist')).inserted > inserted ? true : undefined));
      const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
      await eventually('the replica to replay it', async () => ((await query<{ done: boolean }>(replica, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]))[0].done ? true : undefined));
      const scans = await tableStats(replica, 'checklist');
      const pins = await tableStats(replica, 'edition_entry');
      // when B, which never saw it, serves it by id, and lists standards through the newest edition
      const response = await fetch(`${b.base}/checklists/${first}`, { headers: { authorization: `Bearer ${onB.token}` } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { id: string }).id).toBe(first);
      expect((await onB.gql('{ standards(first: 3) { ... on StandardConnection { nodes { code } } } }')).data.standards.nodes).toHaveLength(3);
      // then the replica answered both: its scans of the checklist and of the edition's pins moved
      await eventually('the replica to count the reads', async () => {
        const [c, p] = [await tableStats(replica, 'checklist'), await tableStats(replica, 'edition_entry')];
        return c.scans > scans.scans && p.scans > pins.scans ? true : undefined;
      });

      // given the replica falls behind (its replay paused)
      await pauseReplay(replica, true);
      try {
        await eventually('replay to pause', async () => ((await query<{ s: string }>(replica, 'select pg_get_wal_replay_pause_state() as s'))[0].s === 'paused' ? true : undefined));
        const [{ lsn: held }] = await query<{ lsn: string }>(replica, 'select pg_last_wal_replay_lsn()::text as lsn');
        // when A generates another checklist and starts a workflow instance
        const second = await checklistId(onA, 8, 'M02');
        const started = (await (await signedIn(a, 'manager')).gql('mutation { startWorkflow(key: "scale-timer") { ... on WorkflowInstance { id } } }')).data.startWorkflow.id;
        const [{ behind }] = await query<{ behind: boolean }>(replica, 'select pg_last_wal_replay_lsn() = $1::pg_lsn as behind', [held]);
        expect(behind).toBe(true);
        // then B serves the checklist the replica lacks (from the primary) and reads the instance
        // at once: what changes is never read from the replica
        const late = await fetch(`${b.base}/checklists/${second}`, { headers: { authorization: `Bearer ${onB.token}` } });
        expect(late.status).toBe(200);
        expect(((await late.json()) as { id: string }).id).toBe(second);
        expect((await (await signedIn(b, 'manager')).gql(INSTANCE, { id: started })).data.workflowInstance).toMatchObject({ __typename: 'WorkflowInstance', id: started });
      } finally {
        await pauseReplay(replica, false);
      }
    }, 120_000);
  } else if (process.env.TEST_DATABASE_URL) {
    it('without a replica configured, the immutable reads go to the primary', async () => {
      const primaryUrl = store.env.DATABASE_URL;
      const [onA, onB] = [await signedIn(servers[0], 'inspector'), await signedIn(servers[1], 'inspector')];
      const id = await checklistId(onA, 3, 'M01');
      const scans = (await tableStats(primaryUrl, 'checklist')).scans;
      const response = await fetch(`${servers[1].base}/checklists/${id}`, { headers: { authorization: `Bearer ${onB.token}` } });
      expect(response.status).toBe(200);
      await eventually('the primary to count the read', async () => ((await tableStats(primaryUrl, 'checklist')).scans > scans ? true : undefined));
    });
  } else {
    it('read replicas are refused on the embedded database, with a clear message', async () => {
      const server = await startServer(store, { DATABASE_REPLICA_URLS: 'postgres://root@127.0.0.1:5433/pinzhi' });
      expect(await exitWithin(server, 30_000)).toBe(1);
      expect(server.output()).toContain('DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded PGlite has no read replicas');
    });
  }
});
