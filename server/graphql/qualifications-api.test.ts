import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR, systemFor } from '../../domain/shared/access.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { grantRole } from '../../domain/people/people.service.ts';
import { importLibraryPackage } from '../../domain/editions/library.service.ts';
import { readLibraryPackage } from '../../domain/editions/library-files.ts';
import { inspect, SITE_PHOTOS, uploadPhoto } from '../../test/browser/activity.ts';
import { sendExpiryWarnings } from '../../domain/qualifications/qualification-warnings.service.ts';
import { addDays } from '../../domain/qualifications/certificates.ts';
import { SHIPPED_LIBRARY } from '../bootstrap.ts';

/**
 * Qualifications through the API on a real database: a user task requiring a certificate
 * (pinzhi:qualification) refused without one or with an expired one, completed with a valid one,
 * every check in the instance's history; inspection requirements by tier, refused and recorded in
 * the audit trail; managing requirements and certificates; the expiry warnings, once per person,
 * certificate and threshold.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const as = (who: string) => (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, tokens[who]);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const BPMN = readFileSync(new URL('../../domain/workflows/compiler/fixtures/linear.bpmn', import.meta.url), 'utf8')
  .replace('pinzhi:candidateRole="quality_manager"', 'pinzhi:candidateRole="quality_manager" pinzhi:qualification="物业经理证"');
const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename ... on Error { message } } }`;
const START = `mutation ($k: String!) { startWorkflow(key: $k) { __typename ... on WorkflowInstance { id tasks { id } } ... on Error { message } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on WorkflowTask { status completedBy }
  ... on QualificationRequiredError { code certificate number expiresOn message } ... on Error { code } } }`;
const HISTORY = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status history { event actor detail } } } }`;
const SET = `mutation ($u: String!, $c: [CertificateInput!]!) { setCertificates(username: $u, certificates: $c) { __typename ... on CertifiedPerson { username } ... on ValidationError { issues { pointer } } ... on Error { code } } }`;
const ADD = `mutation ($s: String!, $t: String!, $c: String!) { addQualificationRequirement(subject: $s, target: $t, certificate: $c) { __typename ... on QualificationRequirement { id subject target certificate } ... on ValidationError { issues { pointer } } ... on Error { code } } }`;
const WARNINGS = `{ myQualificationWarnings { __typename ... on QueryMyQualificationWarningsSuccess { data { holder certificate expiresOn threshold } } } }`;

beforeAll(async () => {
  t = await startTestApp();
  await importLibraryPackage(t.em(), SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY), t.app.limits);
  await ensureSampleProjects(t.em());
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await createUser(t.em(), systemFor(other.id), { username: 'yj-admin', password: DEMO_PASSWORD, roles: ['admin'] });
  for (const r of await t.em().execute<{ code: string; id: number }[]>('select code, id from project')) ids[r.code] = r.id;
  for (const [username, role] of [['site', 'inspector'], ['site-pm', 'project_manager']] as const) {
    await createUser(t.em(), systemFor(1), { username, password: DEMO_PASSWORD, roles: [], rolesLater: true });
    await grantRole(t.app.context(systemFor(1)), { username, role, projectId: ids.HD01 });
  }
  for (const u of ['admin', 'manager', 'reviewer', 'inspector', 'site', 'site-pm', 'frontline', 'yj-admin']) tokens[u] = await t.login(u);
}, 300_000);
afterAll(() => t?.close());

describe('a task requiring a certificate', () => {
  it('is refused without it and with an expired one, completed with a valid one; every check is in the history', async () => {
    expect((await as('manager')(DEPLOY, { k: 'licensed', x: BPMN })).data.deployWorkflow.__typename).toBe('DeployWorkflowSuccess');
    const started = (await as('manager')(START, { k: 'licensed' })).data.startWorkflow;
    const task = started.tasks[0].id;
    expect((await as('manager')(COMPLETE, { id: task, d: { approved: true } })).data.completeTask).toMatchObject({ __typename: 'QualificationRequiredError', code: 'qualification.missing', certificate: '物业经理证', expiresOn: null });
    const expired = addDays(today(), -3);
    expect((await as('admin')(SET, { u: 'manager', c: [{ certificate: '物业经理证', number: 'WY-001', expiresOn: expired }] })).data.setCertificates.__typename).toBe('CertifiedPerson');
    expect((await as('manager')(COMPLETE, { id: task, d: { approved: true } })).data.completeTask).toEqual({
      __typename: 'QualificationRequiredError', code: 'qualification.expired', certificate: '物业经理证', number: 'WY-001', expiresOn: expired,
      message: `manager's 物业经理证 (No. WY-001) expired on ${expired}; task 审批 requires a valid one`,
    });
    await as('admin')(SET, { u: 'manager', c: [{ certificate: '物业经理证', number: 'WY-001', expiresOn: expired }, { certificate: '物业经理证', number: 'WY-002', expiresOn: addDays(today(), 400) }] });
    expect((await as('manager')(COMPLETE, { id: task, d: { approved: true } })).data.completeTask).toEqual({ __typename: 'WorkflowTask', status: 'completed', completedBy: 'manager' });
    const view = (await as('manager')(HISTORY, { id: started.id })).data.workflowInstance;
    expect(view.status).toBe('completed');
    const checks = view.history.filter((h: { event: string }) => h.event === 'qualification_check').map((h: { detail: { checks: unknown[] } }) => h.detail.checks[0]);
    expect(checks).toEqual([
      { certificate: '物业经理证', number: null, expiresOn: null, passed: false, reason: 'missing' },
      { certificate: '物业经理证', number: 'WY-001', expiresOn: expired, passed: false, reason: 'expired' },
      { certificate: '物业经理证', number: 'WY-002', expiresOn: addDays(today(), 400), passed: true, reason: 'valid' },
    ]);
  });

  it('refuses certificates with bad dates at their pointers, and people of another organisation as missing', async () => {
    expect((await as('admin')(SET, { u: 'manager', c: [{ certificate: ' ', expiresOn: '2026-02-30' }] })).data.setCertificates.issues).toEqual([{ pointer: '/certificates/0/certificate' }, { pointer: '/certificates/0/expiresOn' }]);
    expect((await as('yj-admin')(SET, { u: 'manager', c: [] })).data.setCertificates).toEqual({ __typename: 'NotFoundError', code: 'qualification.person_not_found' });
    expect((await as('frontline')(SET, { u: 'manager', c: [] })).data.setCertificates.__typename).toBe('ForbiddenError');
  });
});

describe('inspection requirements', () => {
  it('are managed by quality managers, one per target and certificate', async () => {
    expect((await as('manager')(ADD, { s: 'shift', t: ' ', c: '内审员证' })).data.addQualificationRequirement.issues).toEqual([{ pointer: '/subject' }, { pointer: '/target' }]);
    expect((await as('inspector')(ADD, { s: 'tier', t: 'quarterly', c: '内审员证' })).data.addQualificationRequirement.__typename).toBe('ForbiddenError');
    const added = (await as('manager')(ADD, { s: 'tier', t: 'quarterly', c: '内审员证' })).data.addQualificationRequirement;
    expect(added).toMatchObject({ __typename: 'QualificationRequirement', subject: 'tier', target: 'quarterly', certificate: '内审员证' });
    expect((await as('manager')(ADD, { s: 'tier', t: 'quarterly', c: '内审员证' })).data.addQualificationRequirement.__typename).toBe('ConflictError');
    const removeForeign = (await as('yj-admin')(`mutation { removeQualificationRequirement(id: ${added.id}) { __typename } }`)).data.removeQualificationRequirement;
    expect(removeForeign.__typename).toBe('NotFoundError');
    expect((await as('yj-admin')('{ qualificationRequirements { ... on QueryQualificationRequirementsSuccess { data { id } } } }')).data.qualificationRequirements.data).toEqual([]);
  });

  it('refuse a quarterly inspection by an inspector without the certificate (recorded in the audit trail), accept it with one', async () => {
    const photos = [await uploadPhoto(t, tokens.inspector, SITE_PHOTOS[0]!)];
    await expect(inspect(t, tokens.inspector, { projectId: ids.HD01, scope: 'M06.P02', fail: () => false, submissionId: 'q-1', photos })).rejects.toThrow('inspector holds no 内审员证, which this inspection requires');
    const [refused] = await t.em().execute<{ detail: string }[]>(`select detail from audit_event where action = 'inspection.qualification_refused'`);
    expect(JSON.parse(refused!.detail)).toMatchObject({ clientSubmissionId: 'q-1', checks: [{ certificate: '内审员证', passed: false, reason: 'missing' }] });
    await as('admin')(SET, { u: 'inspector', c: [{ certificate: '内审员证', number: 'NS-7', expiresOn: addDays(today(), 10) }] });
    const done = await inspect(t, tokens.inspector, { projectId: ids.HD01, scope: 'M06.P02', fail: () => false, submissionId: 'q-2', photos });
    const [submitted] = await t.em().execute<{ detail: string }[]>(`select detail from audit_event where action = 'inspection.submitted' and subject_key = ?`, [String(done.inspectionId)]);
    expect(JSON.parse(submitted!.detail).qualifications).toEqual([{ certificate: '内审员证', number: 'NS-7', expiresOn: addDays(today(), 10), passed: true, reason: 'valid' }]);
  });

  it('of a document apply to inspections scoped to it or within it, not to those of other documents', async () => {
    const photos = [await uploadPhoto(t, tokens.inspector, SITE_PHOTOS[0]!)];
    expect((await as('manager')(ADD, { s: 'document', t: 'M06.P02', c: '电工证' })).data.addQualificationRequirement.__typename).toBe('QualificationRequirement');
    await expect(inspect(t, tokens.inspector, { projectId: ids.HD01, scope: 'M06.P02', fail: () => false, submissionId: 'q-3', photos })).rejects.toThrow('inspector holds no 电工证, which this inspection requires');
    // another procedure of the module needs only the quarterly audit's 内审员证, which the inspector holds
    const other = await inspect(t, tokens.inspector, { projectId: ids.HD01, scope: 'M06.P01', fail: () => false, submissionId: 'q-4', photos });
    const [submitted] = await t.em().execute<{ detail: string }[]>(`select detail from audit_event where action = 'inspection.submitted' and subject_key = ?`, [String(other.inspectionId)]);
    expect(JSON.parse(submitted!.detail).qualifications.map((c: { certificate: string }) => c.certificate)).toEqual(['内审员证']);
  });
});

describe('expiry warnings', () => {
  it('warn the holder and their managers once per certificate and threshold', async () => {
    // inspector (organisation-wide) holds 内审员证 expiring in 10 days; site (at HD01) an expired one
    await as('admin')(SET, { u: 'site', c: [{ certificate: '泳池水质管理培训证明', expiresOn: addDays(today(), -1) }, { certificate: '电工证', expiresOn: addDays(today(), 90) }] });
    const stored = await sendExpiryWarnings(t.em(), today());
    expect(await sendExpiryWarnings(t.em(), today())).toBe(0);
    const mine = async (who: string) => (await as(who)(WARNINGS)).data.myQualificationWarnings.data.map((w: { holder: string; certificate: string; threshold: string }) => `${w.holder}:${w.certificate}:${w.threshold}`).sort();
    expect(await mine('inspector')).toEqual(['inspector:内审员证:30d']);
    // the organisation's quality managers manage people of no project; the project's manager those of theirs
    expect(await mine('manager')).toEqual(['inspector:内审员证:30d']);
    expect(await mine('reviewer')).toEqual(['inspector:内审员证:30d']);
    expect(await mine('site')).toEqual(['site:泳池水质管理培训证明:expired']);
    expect(await mine('site-pm')).toEqual(['site:泳池水质管理培训证明:expired']);
    expect(await mine('yj-admin')).toEqual([]);
    expect(stored).toBe(await t.em().execute<{ n: string }[]>('select count(*) as n from qualification_warning').then(([r]) => Number(r!.n)));
  });

  it('list every certificate of the organisation with its status today', async () => {
    const list = (await as('manager')('{ personCertificates { ... on QueryPersonCertificatesSuccess { data { username certificate status } } } }')).data.personCertificates.data;
    expect(list).toEqual(expect.arrayContaining([
      { username: 'inspector', certificate: '内审员证', status: 'expiring' }, { username: 'site', certificate: '泳池水质管理培训证明', status: 'expired' }, { username: 'site', certificate: '电工证', status: 'valid' },
    ]));
  });
});
