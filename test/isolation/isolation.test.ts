/**
 * Isolation, generated from the schema: every query and mutation the GraphQL schema has is asked by
 * callers of another organisation (each role) and by project-scoped callers of the same one, with the
 * ids of the first organisation's objects. Nothing of the first organisation may come back, an id of
 * its objects answers exactly as a missing one, and no mutation changes its rows. Then raw SQL under
 * the application's database role: a session of one organisation reads no row of another.
 */
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLOutputType } from 'graphql';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { startTestApp, type TestApp } from '../harness.ts';
import { inspect, SITE_PHOTOS, uploadPhoto } from '../browser/activity.ts';
import { seed } from '../../server/bootstrap.ts';
import { schema } from '../../server/graphql/schema.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { ROLES, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SAMPLE_PROJECTS, type ProjectSeed } from '../../domain/projects/sample-projects.ts';
import { forkFor } from '../../server/db/orm.ts';
import { actorOf } from '../../domain/organisations/actor.service.ts';
import { APP_ROLE, ORGANISATION_TABLES } from '../../server/db/migrations/Migration20261203151000Organisations.ts';

let t: TestApp;
let orgB: number;
/** ids of organisation A's objects, by argument name */
const A: Record<string, number | string> = {};
/** what must never reach a caller outside organisation A (or outside HD01, for the project-scoped) */
let markersOfA: string[] = [];
let markersBeyondHD01: string[] = [];
const tokens: Record<string, string> = {};

const B_PROJECTS: ProjectSeed[] = [{ code: 'YJ01', name: '悦居澜庭', type: 'residential', region: '西南区域', profile: 'standard', address: '成都市高新区天府大道北段999号', buildings: 4 }];
const PROPOSAL_MARKER = '甲方机密提案-车库照明改造';

beforeAll(async () => {
  t = await startTestApp();
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  // organisation A (the first): inspections with findings and rectifications on two projects, photos, a proposal
  const manager = await t.login('manager');
  const inspector = await t.login('inspector');
  const projects = (await t.gql('{ projects(first: 100) { ... on ProjectConnection { nodes { id code name } } } }', {}, manager)).data.projects.nodes as { id: number; code: string; name: string }[];
  const byCode = Object.fromEntries(projects.map((p) => [p.code, p.id]));
  const photos = await Promise.all(SITE_PHOTOS.slice(0, 2).map((bytes) => uploadPhoto(t, inspector, bytes)));
  await inspect(t, inspector, { projectId: byCode.HD01, scope: 'M06.P02', fail: (i) => i.severity !== 'minor', submissionId: 'iso-1', photos });
  const second = await inspect(t, inspector, { projectId: byCode.HN02, scope: 'M02.P02', fail: (i) => i.severity !== 'minor', submissionId: 'iso-2', photos });
  const frontline = await t.login('frontline');
  const proposal = await t.gql('mutation ($i: ProposalInput!) { submitProposal(input: $i) { __typename ... on Proposal { id } ... on Error { message } } }',
    { i: { title: PROPOSAL_MARKER, problem: '地下车库照明不足，夜间投诉多', idea: '更换为感应式LED灯具', expectedEffect: '投诉下降', budget: 12000 } }, frontline);
  const em = t.em();
  const [finding] = await em.execute<{ id: number }[]>(`select id from finding where inspection_id = ? order by id limit 1`, [second.inspectionId]);
  const [task] = await em.execute<{ id: number; instance_id: number }[]>(`select t.id, t.instance_id from workflow_task t join workflow_instance w on w.id = t.instance_id where w.project_id = ? and t.status = 'open' order by t.id limit 1`, [byCode.HN02]);
  const [checklist] = await em.execute<{ id: string }[]>(`select id from checklist where project_id = ? limit 1`, [byCode.HN02]);
  const [feedback] = await em.execute<{ id: number }[]>(`select id from feedback where project_id = ? order by id limit 1`, [byCode.HN02]);
  const [wave] = await em.execute<{ id: number }[]>(`select id from survey_wave where organisation_id = 1 order by id limit 1`);
  // the first start's demo training (with its sessions) and coaching visits
  const [session] = await em.execute<{ id: number; training_id: number }[]>(`select id, training_id from training_session where organisation_id = 1 order by id limit 1`);
  const [coaching] = await em.execute<{ id: number }[]>(`select id from coaching where organisation_id = 1 order by id limit 1`);
  Object.assign(A, {
    projectId: byCode.HN02, inspectionId: second.inspectionId, findingId: finding.id, taskId: task.id, instanceId: task.instance_id,
    checklistId: checklist.id, feedbackId: feedback.id, waveId: wave.id, trainingId: session.training_id, sessionId: session.id, coachingId: coaching.id, proposalId: proposal.data?.submitProposal?.id ?? task.instance_id, sha256: photos[0],
  });
  markersOfA = [...SAMPLE_PROJECTS.map((p) => p.name), PROPOSAL_MARKER, photos[0]];
  markersBeyondHD01 = SAMPLE_PROJECTS.filter((p) => p.code !== 'HD01').map((p) => p.name);

  // organisation B: its own region and project, and a person of every role
  const [row] = await em.execute<{ id: number }[]>(`insert into organisation (code, name, created_at) values ('yifang', '乙方物业', now()) returning id`);
  orgB = row.id;
  await ensureSampleProjects(t.em(), orgB, B_PROJECTS);
  for (const role of ROLES) await createUser(t.em(), SYSTEM_ACTOR, { username: `b-${role.replace('_', '-')}`, password: DEMO_PASSWORD, roles: [role], organisationId: orgB });
  // project-scoped people of A: an inspector and a project manager of HD01 only
  for (const [username, role] of [['a-inspector-hd01', 'inspector'], ['a-pm-hd01', 'project_manager']] as const) {
    await createUser(t.em(), SYSTEM_ACTOR, { username, password: DEMO_PASSWORD, roles: [role], organisationId: 1 });
    await t.em().execute(`update membership set project_id = ? where username = ?`, [byCode.HD01, username]);
  }
  for (const username of [...ROLES.map((r) => `b-${r.replace('_', '-')}`), 'a-inspector-hd01', 'a-pm-hd01']) tokens[username] = await t.login(username);
}, 300_000);

afterAll(() => t?.close());

// ---- operations generated from the schema ----

const MISSING_ID = 987654;

/** The value of an argument: A's object of the kind its name (or its field's name) says, else a plain value of its type. */
function valueFor(name: string, field: string, type: GraphQLInputType, ids: Record<string, number | string>, depth = 0): unknown {
  const named = getNamedType(type);
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const inner = valueFor(name, field, nullable.ofType as GraphQLInputType, ids, depth);
    return inner === undefined ? [] : [inner];
  }
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    if (depth > 3) return undefined;
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (!isNonNullType(f.type)) continue;
      out[f.name] = valueFor(f.name, field, f.type, ids, depth + 1);
    }
    return out;
  }
  const key = name === 'id' ? idKind(field) : name;
  if (named.name === 'Int') return typeof ids[key] === 'number' ? ids[key] : name === 'first' || name === 'last' ? 5 : 1;
  if (named.name === 'Float') return 1;
  if (named.name === 'Boolean') return false;
  if (named.name === 'String' || named.name === 'ID') {
    if (typeof ids[key] === 'string') return ids[key];
    if (typeof ids[key] === 'number') return String(ids[key]);
    if (/date|from|to|asOf|on$/i.test(name)) return '2026-12-01';
    return 'x';
  }
  if (named.name === 'DateTime') return new Date().toISOString();
  return {};
}

/** Which of A's objects an `id` argument of a field stands for. */
function idKind(field: string): string {
  if (/training/i.test(field)) return 'trainingId';
  if (/coaching/i.test(field)) return 'coachingId';
  if (/feedback/i.test(field)) return 'feedbackId';
  if (/wave/i.test(field)) return 'waveId';
  if (/finding/i.test(field)) return 'findingId';
  if (/inspection/i.test(field)) return 'inspectionId';
  if (/project/i.test(field)) return 'projectId';
  if (/task/i.test(field)) return 'taskId';
  if (/proposal/i.test(field)) return 'proposalId';
  if (/instance|workflow/i.test(field)) return 'instanceId';
  if (/checklist/i.test(field)) return 'checklistId';
  return 'inspectionId';
}

/** A selection of a type's leaves, to a depth (unions and interfaces by their members). */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (depth <= 0) return '{ __typename }';
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : schema.getPossibleTypes(named);
    return `{ __typename ${members.map((m) => `... on ${m.name} ${selectionOf(m, depth - 1)}`).join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const leaf = isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type));
    if (leaf) parts.push(f.name);
    else if (depth > 1) parts.push(`${f.name} ${selectionOf(f.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

interface Operation { kind: 'query' | 'mutation'; field: string; text: string; variables: (ids: Record<string, number | string>) => Record<string, unknown> }

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Operation | null {
  if (field.args.some((a) => getNamedType(a.type).name === 'File' || getNamedType(a.type).name === 'Upload')) return null;
  const args = field.args as readonly GraphQLArgument[];
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const text = `${kind}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field.type, 3)} }`;
  return {
    kind, field: field.name, text,
    variables: (ids) => Object.fromEntries(args.filter((a) => isNonNullType(a.type) || /id$/i.test(a.name) || a.name === 'first').map((a) => [a.name, valueFor(a.name, field.name, a.type, ids)])),
  };
}

const queries = Object.values(schema.getQueryType()!.getFields()).map((f) => operationOf('query', f)).filter((o): o is Operation => o !== null);
const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.name !== 'login').map((f) => operationOf('mutation', f)).filter((o): o is Operation => o !== null);

const leaksIn = (body: unknown, markers: string[]) => { const text = JSON.stringify(body); return markers.filter((m) => text.includes(m)); };
/** A response with the ids asked for written alike, to compare an answer about A's object with one about a missing one. */
const normalised = (body: unknown, ids: (number | string)[]) => ids.reduce<string>((text, id) => text.split(String(id)).join('<id>'), JSON.stringify(body));

/** Rows of organisation A, per organisation-owned table, and the shared library's rows: what no outsider may change. */
async function stateOfA(): Promise<Record<string, string>> {
  const em = t.app.orm.em.fork();
  const out: Record<string, string> = {};
  for (const table of ORGANISATION_TABLES) {
    const [r] = await em.getConnection().execute<{ n: string; h: string | null }[]>(`select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t where organisation_id = 1`);
    out[table] = `${r.n}:${r.h}`;
  }
  // the shared library and A's own documents (B's additions and overlays are B's)
  for (const table of ['standard_document', 'standard_version', 'edition', 'variant_version', 'workflow_definition', 'setting', 'app_user']) {
    const [{ n: owned }] = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from information_schema.columns where table_name = ? and column_name = 'organisation_id'`, [table]);
    const where = Number(owned) > 0 ? `where organisation_id is null or organisation_id = 1` : '';
    const [r] = await em.getConnection().execute<{ n: string; h: string | null }[]>(`select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t ${where}`);
    out[table] = `${r.n}:${r.h}`;
  }
  return out;
}

describe('a caller of another organisation', () => {
  it('is asked every query of the schema with A\'s ids, in each role, and gets nothing of A; an id of A answers as a missing one', async () => {
    expect(queries.length).toBeGreaterThan(40);
    // the same questions from A's own quality manager do find A's things (the check can fail)
    const manager = await t.login('manager');
    const seenByA = new Set<string>();
    for (const op of queries) for (const m of leaksIn(await t.gql(op.text, op.variables(A), manager), markersOfA)) seenByA.add(m);
    expect([...seenByA]).toEqual(expect.arrayContaining([PROPOSAL_MARKER, '珠江御景湾', A.sha256 as string]));
    const leaks: string[] = [];
    const unlike: string[] = [];
    for (const role of ROLES) {
      const token = tokens[`b-${role.replace('_', '-')}`];
      for (const op of queries) {
        const asked = await t.gql(op.text, op.variables(A), token);
        const found = leaksIn(asked, markersOfA);
        if (found.length) leaks.push(`${role} ${op.field}: ${found.join(', ')}`);
        const missing = Object.fromEntries(Object.entries(A).map(([k, v]) => [k, typeof v === 'number' ? MISSING_ID : v]));
        const idsAsked = Object.entries(op.variables(A)).filter(([name, v]) => /id$/i.test(name) && typeof v === 'number').map(([, v]) => v as number);
        if (idsAsked.length) {
          const none = await t.gql(op.text, op.variables(missing), token);
          if (normalised(asked, idsAsked) !== normalised(none, [MISSING_ID])) unlike.push(`${role} ${op.field}: ${normalised(asked, idsAsked).slice(0, 300)} ≠ ${normalised(none, [MISSING_ID]).slice(0, 300)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(unlike).toEqual([]);
  }, 600_000);

  it('runs every mutation of the schema with A\'s ids, in each role, and changes nothing of A nor of the shared library', async () => {
    const before = await stateOfA();
    const leaks: string[] = [];
    for (const role of ROLES) {
      const token = tokens[`b-${role.replace('_', '-')}`];
      for (const op of mutations) {
        const result = await t.gql(op.text, op.variables(A), token);
        const found = leaksIn(result, markersOfA);
        if (found.length) leaks.push(`${role} ${op.field}: ${found.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await stateOfA()).toEqual(before);
    // while A's own manager changing A's schedules does show (the check can fail)
    const scheduled = await t.gql('mutation ($p: Int!) { scheduleInspections(projectId: $p, tier: monthly, inspector: "inspector") { __typename } }', { p: A.projectId }, await t.login('manager'));
    expect(scheduled.data.scheduleInspections.__typename).toBe('Schedule');
    expect((await stateOfA()).schedule).not.toEqual(before.schedule);
  }, 600_000);
});

describe('a project-scoped caller', () => {
  it('gets nothing of the organisation\'s other projects from any query, and cannot complete another project\'s task', async () => {
    const leaks: string[] = [];
    for (const username of ['a-inspector-hd01', 'a-pm-hd01']) {
      for (const op of queries) {
        const found = leaksIn(await t.gql(op.text, op.variables(A), tokens[username]), markersBeyondHD01);
        if (found.length) leaks.push(`${username} ${op.field}: ${found.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
    // the rectification task of HN02 is not theirs to see, nor to complete
    const completed = await t.gql('mutation ($id: Int!) { completeTask(id: $id, data: {}) { __typename ... on Error { message } } }', { id: A.taskId }, tokens['a-pm-hd01']);
    expect(completed.data?.completeTask?.__typename ?? completed.errors?.[0]?.message).toMatch(/NotFound|not found|没有/);
    // and a submission for HN02 is refused as an unknown checklist
    const submitted = await t.gql('mutation ($c: String!) { submitInspection(checklistId: $c, clientSubmissionId: "iso-x", answers: []) { __typename } }', { c: A.checklistId }, tokens['a-inspector-hd01']);
    expect(submitted.data.submitInspection.__typename).toBe('NotFoundError');
  }, 600_000);
});

describe('the database under the application\'s role', () => {
  it('shows a session of one organisation no row of another, in every organisation-owned table', async () => {
    const conn = t.app.orm.em.fork().getConnection();
    const seen = async (organisation: number | string, table: string) => {
      const rows: { organisation_id: number | null }[] = await (t.app.orm.em.fork() as SqlEntityManager).transactional(async (tx) => {
        await tx.execute(`select set_config('pinzhi.organisation', ?, true)`, [String(organisation)]);
        await tx.execute(`set local role ${APP_ROLE}`);
        return tx.execute<{ organisation_id: number | null }[]>(`select organisation_id from ${table}`);
      });
      return rows;
    };
    // every table with an organisation column, read from the catalogue: a table added later is checked too
    const owned = (await conn.execute<{ table_name: string }[]>(`select c.table_name from information_schema.columns c join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.column_name = 'organisation_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE' order by 1`)).map((r: { table_name: string }) => r.table_name);
    expect(owned).toEqual(expect.arrayContaining([...ORGANISATION_TABLES, 'feedback', 'survey_response', 'training', 'training_attendance', 'quiz_attempt', 'coaching', 'qualification_check', 'mystery_link']));
    for (const table of owned) {
      const [{ n }] = await conn.execute<{ n: string }[]>(`select count(*) as n from ${table} where organisation_id = 1`);
      const asB = await seen(orgB, table);
      expect({ table, foreign: asB.filter((r) => r.organisation_id === 1).length }).toEqual({ table, foreign: 0 });
      // the same session for A does see A's rows (the check can fail)
      const asA = await seen(1, table);
      expect({ table, own: asA.filter((r) => r.organisation_id === 1).length }).toEqual({ table, own: Number(n) });
    }
    // the application's own unit of work for a person of B runs as that role with B in the session:
    // a raw query that names no organisation still sees none of A's findings
    const asPersonOfB = forkFor(t.app.orm, await actorOf(t.em(), 'b-admin'));
    expect(await asPersonOfB.execute(`select current_user as who, current_setting('pinzhi.organisation') as org`)).toEqual([{ who: APP_ROLE, org: String(orgB) }]);
    expect(await asPersonOfB.execute(`select count(*)::int as n from finding`)).toEqual([{ n: 0 }]);
    const asPersonOfA = forkFor(t.app.orm, await actorOf(t.em(), 'manager'));
    expect((await asPersonOfA.execute<{ n: number }[]>(`select count(*)::int as n from finding`))[0].n).toBeGreaterThan(0);
    // no organisation in the session: nothing at all
    expect(await seen('none', 'finding')).toEqual([]);
    // and a write of a row into another organisation is refused
    await expect((t.app.orm.em.fork() as SqlEntityManager).transactional(async (tx) => {
      await tx.execute(`select set_config('pinzhi.organisation', ?, true)`, [String(orgB)]);
      await tx.execute(`set local role ${APP_ROLE}`);
      await tx.execute(`insert into region (organisation_id, code, name, created_at) values (1, 'RX', '越权区域', now())`);
    })).rejects.toThrow(/row-level security/);
  });
});
