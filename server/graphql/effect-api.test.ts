import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { grantRole } from '../../domain/people/people.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { organisationActor } from '../../domain/shared/access.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import { getChecklist, todayInChina } from '../../domain/checklists/checklist.service.ts';
import { submitInspection } from '../../domain/inspections/inspection.service.ts';
import { uploadPhoto } from '../../domain/photos/photo.service.ts';
import { solidPng } from '../seed/png.ts';
import { trainingDemoRepository } from '../seed/training-effect-demo.repository.ts';
import { openTraining } from '../../domain/training/training.service.ts';

const day = (n: number) => todayInChina(new Date(Date.now() - n * 86_400_000));
const CODE = 'M01.P01.W002';
const BEFORE = { from: day(60), to: day(41) };
const AFTER = { from: day(20), to: day(1) };

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
let items = 0;
let failable = 0;
let trainingId = 0;
let photo = '';

/** A daily inspection of CODE on `code`'s project that day, failing the first `fail` items with a failing answer. */
async function inspectDay(project: string, daysAgo: number, fail: number, scope = CODE) {
  const ctx = { ...t.app.context(organisationActor('inspector', ['inspector'], 1)), photos: t.app.photos };
  const { checklist } = await getChecklist(ctx, { projectId: ids[project], tier: 'daily', date: day(daysAgo), scope });
  let left = fail;
  const answers = checklist.items.map((item) => (failingValue(item) !== null && left-- > 0 ? { itemId: item.id, value: failingValue(item), photos: [photo] } : passingAnswers([item], [photo])[0]));
  await submitInspection(ctx, { checklistId: checklist.id, clientSubmissionId: `effect-${project}-${daysAgo}-${scope}`, answers, inspectedOn: day(daysAgo) });
  return checklist.items;
}

const EFFECT = `query($code: String, $p: Int, $b: EffectWindowInput, $a: EffectWindowInput, $tr: Int, $days: Int) {
  trainingEffect(code: $code, projectId: $p, before: $b, after: $a, trainingId: $tr, days: $days) { __typename
    ... on TrainingEffect { code projectId before { from to } after { from to }
      rows { projectCode code level before { applicable passed inspections rate low high smallSample } after { applicable passed inspections rate smallSample } changePoints z significant }
      weeks { week applicable passed inspections rate phase } }
    ... on ValidationError { issues { pointer message } } ... on Error { message } } }`;
const effect = async (vars: Record<string, unknown>, who = 'manager') => (await t.gql(EFFECT, vars, tokens[who])).data.trainingEffect;

beforeAll(async () => {
  t = await startTestApp();
  await seed(t.app, () => {});
  for (const [id, code] of (await t.em().execute<{ id: number; code: string }[]>(`select id, code from project`)).map((r) => [r.id, r.code] as const)) ids[code] = id;
  const inspector = { ...t.app.context(organisationActor('inspector', ['inspector'], 1)), photos: t.app.photos };
  photo = (await uploadPhoto(inspector, new File([new Uint8Array(solidPng(64, 48, [120, 130, 140]))], 'site.png', { type: 'image/png' }))).sha256;
  // given HD01: 4 inspections before failing 2 items each, 5 after failing none; HN02: 1 before failing 1
  for (const d of [58, 55, 50, 45]) items = (await inspectDay('HD01', d, 2)).length;
  for (const d of [18, 12, 8, 4, 2]) await inspectDay('HD01', d, 0);
  await inspectDay('HN02', 50, 1);
  // and one inspection of another M01.P01 instruction in HD01 before (for the procedure's rows)
  await inspectDay('HD01', 44, 1, 'M01.P01.W001');
  failable = 2;
  // a training on CODE with sessions 40 and 21 days ago
  trainingId = (await openTraining({ em: t.em(), actor: organisationActor('manager', ['quality_manager'], 1), limits: t.app.limits }, CODE, 1)).training.id;
  await trainingDemoRepository.insertSessions(t.em(), 1, trainingId, ids.HD01, [day(40), day(30), day(21)]);
  // a project manager of HN02 only
  const admin = { em: t.em(), actor: organisationActor('admin', ['admin'], 1), limits: t.app.limits };
  await createUser(admin.em, admin.actor, { username: 'pm-hn02', displayName: '项目经理 HN02', password: DEMO_PASSWORD, roles: [], rolesLater: true, qualifications: [] });
  await grantRole(admin, { username: 'pm-hn02', role: 'project_manager', projectId: ids.HN02 });
  for (const who of ['manager', 'pm-hn02', 'frontline']) tokens[who] = await t.login(who);
}, 300_000); // the library imported, then eleven inspections judged
afterAll(() => t.close());

describe('trainingEffect', () => {
  it('gives each project its exact rates before and after, with sample sizes, the change and a z-test', async () => {
    const result = await effect({ code: CODE, b: BEFORE, a: AFTER });
    expect(result.__typename).toBe('TrainingEffect');
    const [hd01, hn02] = result.rows;
    expect(hd01).toMatchObject({ projectCode: 'HD01', code: CODE, level: 'project',
      before: { applicable: 4 * items, passed: 4 * (items - failable), inspections: 4, rate: Math.round(((items - failable) / items) * 10000) / 10000, smallSample: false },
      after: { applicable: 5 * items, passed: 5 * items, inspections: 5, rate: 1, smallSample: false } });
    expect(hd01.changePoints).toBeCloseTo((1 - (items - failable) / items) * 100, 1);
    expect(hd01.before.low).toBeLessThan(hd01.before.rate);
    expect(hd01.before.high).toBeGreaterThan(hd01.before.rate);
    expect(typeof hd01.z).toBe('number');
    expect(hn02).toMatchObject({ projectCode: 'HN02', before: { applicable: items, passed: items - 1, inspections: 1, smallSample: items < 10 }, after: { applicable: 0, rate: null }, changePoints: null, significant: false });
    // the weekly series covers both windows: every inspection once
    expect(result.weeks.reduce((n: number, w: { inspections: number }) => n + w.inspections, 0)).toBe(10);
    expect(result.weeks[0].phase).toBe('before');
    expect(result.weeks.at(-1).phase).toBe('after');
  });

  it('narrows to one project, and breaks a procedure down by instruction', async () => {
    const one = await effect({ code: CODE, p: ids.HD01, b: BEFORE, a: AFTER });
    expect(one.rows.map((r: { projectCode: string }) => r.projectCode)).toEqual(['HD01']);
    const procedure = await effect({ code: 'M01.P01', p: ids.HD01, b: BEFORE, a: AFTER });
    expect(procedure.rows.map((r: { code: string; level: string }) => `${r.level} ${r.code}`)).toEqual(['project M01.P01', 'instruction M01.P01.W001', `instruction ${CODE}`]);
    const [all, w001, w002] = procedure.rows;
    expect(all.before.applicable).toBe(w001.before.applicable + w002.before.applicable);
    expect(all.before.inspections).toBe(5);
    expect(w002.before).toEqual(one.rows[0].before);
  });

  it('takes the windows from a training: N days before its first session and after its last', async () => {
    const result = await effect({ tr: trainingId, days: 20 });
    expect(result).toMatchObject({ code: CODE, projectId: ids.HD01, before: { from: day(60), to: day(41) }, after: { from: day(20), to: day(1) } });
    expect(result.rows[0].before.inspections).toBe(4);
    expect(result.rows[0].after.inspections).toBe(5);
    const defaults = await effect({ tr: trainingId });
    expect(defaults.before).toEqual({ from: day(70), to: day(41) });
    expect((await effect({ tr: 999_999 })).__typename).toBe('NotFoundError');
  });

  it('refuses bad windows and codes with a pointer at each', async () => {
    const reversed = await effect({ code: CODE, b: { from: day(40), to: day(50) }, a: AFTER });
    expect(reversed.__typename).toBe('ValidationError');
    expect(reversed.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/before/to']);
    const overlap = await effect({ code: CODE, b: BEFORE, a: { from: day(45), to: day(1) } });
    expect(overlap.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/after/from']);
    const bad = await effect({ code: 'X01', b: { from: '2026-02-30', to: day(1) } });
    expect(bad.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/before/from']);
    const missing = await effect({ code: 'X01' });
    expect(missing.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/code', '/before', '/after']);
  });

  it('shows a project manager their projects only, and refuses those without readTraining', async () => {
    const mine = await effect({ code: CODE, b: BEFORE, a: AFTER }, 'pm-hn02');
    expect(mine.rows.map((r: { projectCode: string }) => r.projectCode)).toEqual(['HN02']);
    expect((await effect({ code: CODE, p: ids.HD01, b: BEFORE, a: AFTER }, 'pm-hn02')).__typename).toBe('NotFoundError');
    expect((await effect({ code: CODE, b: BEFORE, a: AFTER }, 'frontline')).__typename).toBe('ForbiddenError');
  });
});
