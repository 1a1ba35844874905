import { startTestApp, type TestApp } from '../../test/harness.ts';
import { organisationActor, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { SECOND_PROJECTS } from './demo-organisations.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { feedbackClusters } from '../../domain/voice/clusters.service.ts';
import { heatMapRows } from '../../domain/reports/dashboard.service.ts';
import { seedFeedbackDemo } from './feedback-demo.ts';

/** The demo feedback: fast enough for the first start, realistic in volume, and telling its story. */
let t: TestApp;
let seeded = 0;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  await ensureSampleProjects(t.em());
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await ensureSampleProjects(t.em(), other.id, SECOND_PROJECTS);
  seeded = await seedFeedbackDemo(t.em(), () => {});
}, 300_000);
afterAll(() => t?.close());

it('seeds about 3,000 items a month, once', async () => {
  expect(seeded).toBeGreaterThan(8000);
  expect(seeded).toBeLessThan(11_000);
  expect(await seedFeedbackDemo(t.em(), () => {})).toBe(0);
  const [{ n, types }] = await t.em().execute<{ n: string; types: string }[]>('select count(distinct text) as n, count(distinct problem_type) as types from feedback');
  // varied texts, of many kinds
  expect(Number(n)).toBeGreaterThan(1500);
  expect(Number(types)).toBeGreaterThanOrEqual(8);
});

it('tells its story: HD01\'s car-park complaints rise in the last month, renovation disputes rise across projects', async () => {
  const ctx = t.app.context(organisationActor('manager', ['quality_manager']));
  const to = chinaDay(new Date());
  const from = chinaDay(new Date(Date.now() - 29 * 86_400_000));
  const clusters = await feedbackClusters(ctx, from, to);
  const [hd01] = await t.em().execute<{ id: number }[]>(`select id from project where code = 'HD01'`);
  const garage = await t.em().execute<{ problem_type: string }[]>(`select problem_type from feedback where project_id = ? and text like '%车库%灯%' and problem_type is not null group by 1 order by count(*) desc limit 1`, [hd01.id]);
  const inHd01 = clusters.find((c) => c.projectId === Number(hd01.id) && c.problemType === garage[0].problem_type)!;
  expect(inHd01.count).toBeGreaterThan(2 * inHd01.previousCount);
  const renovation = await t.em().execute<{ problem_type: string }[]>(`select problem_type from feedback where text like '%装修%' and problem_type is not null group by 1 order by count(*) desc limit 1`);
  expect(clusters.find((c) => c.projectId === null && c.problemType === renovation[0].problem_type)!.projectIds.length).toBeGreaterThanOrEqual(3);
  // the car park's cell is the hottest feedback cell of HD01 on the heat map
  const rows = await heatMapRows(ctx, { from, to, source: 'feedback' });
  expect(rows.find((r) => r.code === 'HD01')!.feedback).toBeGreaterThan(100);
});

it('gives the second organisation a few items of its own', async () => {
  const rows = await t.em().execute<{ organisation_id: number; n: string }[]>('select organisation_id, count(*) as n from feedback group by 1 order by 1');
  expect(rows.map((r) => Number(r.organisation_id))).toEqual([1, 2]);
  expect(Number(rows[1].n)).toBeGreaterThan(5);
  expect(Number(rows[1].n)).toBeLessThan(100);
});
