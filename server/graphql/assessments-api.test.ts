import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';

/**
 * Scenario assessments and mystery-customer audits through the API on a real database: tier
 * checklists of exactly the tagged items, assessors taking them, single-use links answered
 * without an account (refusals store nothing; of two submissions at once one wins), and the
 * execution rate counted per kind.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const projects: Record<string, number> = {};
const as = (who: string | null) => (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, who ? tokens[who] : undefined);
const anonymous = as(null);
const today = todayInChina();
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const ERR = '... on ValidationError { code issues { pointer message } } ... on Error { __typename code message }';
const ITEM = 'id code key title input options tiers evidence severity schema';
const CHECKLIST = `query ($p: Int!, $t: Tier!) { checklist(projectId: $p, tier: $t) { __typename ... on Checklist { id tier itemCount items { ${ITEM} } } ${ERR} } }`;
const ISSUE = `mutation ($p: Int!, $n: Int!, $e: String!) { issueMysteryLinks(projectId: $p, count: $n, expiresOn: $e) { __typename ... on MysteryLinks { tokens urls csv expiresOn project { code } } ${ERR} } }`;
const BY_TOKEN = `query ($t: String!) { mysteryAuditByToken(token: $t) { __typename ... on PublicMysteryAudit { projectName expiresOn used checklist { id tier items { ${ITEM} } } } ${ERR} } }`;
const SUBMIT = `mutation ($t: String!, $c: String!, $a: [AnswerInput!]!) { submitMysteryAudit(token: $t, checklistId: $c, answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { id tier inspector findingCount executionRate } } ${ERR} } }`;
const SUBMIT_INSPECTION = `mutation ($c: String!, $s: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { id tier inspector findingCount } } ${ERR} } }`;
const LINKS = '{ mysteryLinks { __typename ... on QueryMysteryLinksSuccess { data { id usedAt project { code } inspection { id inspector } } } ... on Error { code } } }';
const RATES = 'query ($k: InspectionKind) { executionRates(groupBy: project, kind: $k) { key applicable passed inspections } }';

type Item = ChecklistItem;

/** Every item of the shipped library tagged with the tier, as `<code>#<key>`, read from the baseline edition's documents. */
async function taggedItems(tier: string): Promise<string[]> {
  const rows = await t.em().execute<{ code: string; key: string }[]>(`select e.code, p.key from edition_entry e
    join standard_version v on v.code = e.code and v.version = e.version
    join standard_document d on d.code = e.code
    cross join lateral jsonb_each((v.schema_json)::jsonb->'properties') p
    where e.edition_name = (select name from edition order by seq desc limit 1) and d.kind = 'instruction'
      and jsonb_exists(p.value->'x-check'->'tiers', ?)`, [tier]);
  return rows.map((r) => `${r.code}#${r.key}`).sort();
}
async function count(table: string): Promise<number> {
  return Number((await t.em().execute<{ n: string }[]>(`select count(*) as n from "${table}"`))[0].n);
}
async function issue(who: string, project: string, n: number, expiresOn = shift(7)): Promise<string[]> {
  const result = (await as(who)(ISSUE, { p: projects[project], n, e: expiresOn })).data!.issueMysteryLinks;
  expect(result.__typename).toBe('MysteryLinks');
  return result.tokens;
}
async function open(token: string): Promise<{ id: string; items: Item[] }> {
  const result = (await anonymous(BY_TOKEN, { t: token })).data!.mysteryAuditByToken;
  expect(result.__typename).toBe('PublicMysteryAudit');
  return result.checklist;
}
/** Passing answers, except the first item, which fails. */
function answersFailingFirst(items: Item[]) {
  const answers = passingAnswers(items);
  answers[0] = { ...answers[0], value: failingValue(items[0]) };
  return answers;
}

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  for (const who of ['manager', 'pm', 'inspector', 'yj-admin']) tokens[who] = await t.login(who);
  const result = await t.gql('{ projects { ... on ProjectConnection { nodes { id code } } } }', {}, tokens.manager);
  for (const p of result.data.projects.nodes) projects[p.code] = p.id;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('assessment checklists', () => {
  it.each(['scenario', 'mystery'])('the %s checklist holds exactly the items tagged for it', async (tier) => {
    // given the shipped library / when the quality manager fetches the checklist of the tier
    const result = (await as('manager')(CHECKLIST, { p: projects.HD01, t: tier })).data!.checklist;
    // then
    expect(result.__typename).toBe('Checklist');
    const got = (result.items as Item[]).map((i) => `${i.code}#${i.key}`).sort();
    expect(got).toEqual(await taggedItems(tier));
    expect(got.length).toBeGreaterThan(5);
    expect((result.items as Item[]).every((i) => i.tiers.includes(tier))).toBe(true);
  });

  it('an inspector takes a scenario assessment through submitInspection and its failed item becomes a finding', async () => {
    // given the scenario checklist of a project the inspector holds
    const checklist = (await as('inspector')(CHECKLIST, { p: projects.HD01, t: 'scenario' })).data!.checklist;
    // when they submit with one failing answer
    const result = (await as('inspector')(SUBMIT_INSPECTION, { c: checklist.id, s: `scenario-${Date.now()}`, a: answersFailingFirst(checklist.items) })).data!.submitInspection;
    // then
    expect(result).toMatchObject({ __typename: 'SubmitInspectionSuccess', inspection: { tier: 'scenario', inspector: 'inspector', findingCount: 1 } });
  });

  it('a project manager may neither fetch assessment checklists nor issue links', async () => {
    const checklist = (await as('pm')(CHECKLIST, { p: projects.HD01, t: 'mystery' })).data!.checklist;
    const links = (await as('pm')(ISSUE, { p: projects.HD01, n: 1, e: shift(3) })).data!.issueMysteryLinks;
    expect([checklist.__typename, links.__typename]).toEqual(['ForbiddenError', 'ForbiddenError']);
  });

  it('assessments are not scheduled in rounds', async () => {
    const result = await as('manager')('mutation ($p: Int!) { scheduleInspections(projectId: $p, tier: mystery, inspector: "inspector") { __typename ... on ValidationError { issues { pointer } } } }', { p: projects.HD01 });
    expect(result.data!.scheduleInspections).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '/tier' }] });
  });
});

describe('mystery-customer links', () => {
  it('issues single-use links with URLs and a CSV, storing only hashes', async () => {
    // when the manager issues three links
    const result = (await as('manager')(ISSUE, { p: projects.HD01, n: 3, e: shift(7) })).data!.issueMysteryLinks;
    // then
    expect(result.tokens).toHaveLength(3);
    expect(result.urls[0]).toBe(`http://localhost/m/${result.tokens[0]}`);
    expect(result.csv.split('\r\n')[0]).toBe('project_code,project_name,expires_on,url');
    expect(result.csv).toContain(`HD01,`);
    const stored = await t.em().execute<{ token_hash: string }[]>('select token_hash from mystery_link');
    expect(stored.some((r) => result.tokens.includes(r.token_hash))).toBe(false);
  });

  it('refuses bad issuing input with pointers', async () => {
    const result = (await as('manager')(ISSUE, { p: projects.HD01, n: 0, e: shift(-1) })).data!.issueMysteryLinks;
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/count', '/expiresOn']);
  });

  it('a mystery customer answers without an account: judged into findings under 神秘客户#<link>, and the link is used', async () => {
    // given a link of HD01
    const [token] = await issue('manager', 'HD01', 1);
    const checklist = await open(token);
    expect(checklist.items.every((i) => i.tiers.includes('mystery'))).toBe(true);
    // when the answers are submitted with one failing
    const result = (await anonymous(SUBMIT, { t: token, c: checklist.id, a: answersFailingFirst(checklist.items) })).data!.submitMysteryAudit;
    // then an inspection of the mystery tier with one finding, recorded under the link
    expect(result.__typename).toBe('SubmitInspectionSuccess');
    expect(result.inspection).toMatchObject({ tier: 'mystery', findingCount: 1 });
    expect(result.inspection.inspector).toMatch(/^神秘客户#\d+$/);
    const findings = await t.em().execute<{ n: string }[]>('select count(*) as n from finding where inspection_id = ?', [result.inspection.id]);
    expect(Number(findings[0].n)).toBe(1);
    // and the link reads as used, with its audit
    const reopened = (await anonymous(BY_TOKEN, { t: token })).data!.mysteryAuditByToken;
    expect(reopened).toMatchObject({ used: true, checklist: null });
    const links = (await as('manager')(LINKS)).data!.mysteryLinks.data;
    expect(links.find((l: { inspection: { id: number } | null }) => l.inspection?.id === result.inspection.id)).toMatchObject({ project: { code: 'HD01' }, inspection: { inspector: result.inspection.inspector } });
  });

  it('refuses a link used twice, expired, unknown, or answers for another project, and stores nothing', async () => {
    // given a used link, an expired one, a fresh one of HD01 and the checklist of HN02
    const [used, expired, fresh] = await issue('manager', 'HD01', 3);
    const checklist = await open(used);
    expect((await anonymous(SUBMIT, { t: used, c: checklist.id, a: passingAnswers(checklist.items) })).data!.submitMysteryAudit.__typename).toBe('SubmitInspectionSuccess');
    await t.em().execute('update mystery_link set expires_on = ? where id = (select max(id) - 1 from mystery_link)', [shift(-1)]);
    const [other] = await issue('manager', 'HN02', 1);
    const otherChecklist = await open(other);
    const before = [await count('inspection'), await count('finding'), (await t.em().execute<{ n: string }[]>('select count(*) as n from mystery_link where used_at is not null'))[0].n];
    // when each is submitted
    const answers = passingAnswers(checklist.items);
    const twice = (await anonymous(SUBMIT, { t: used, c: checklist.id, a: answers })).data!.submitMysteryAudit;
    const late = (await anonymous(SUBMIT, { t: expired, c: checklist.id, a: answers })).data!.submitMysteryAudit;
    const lateOpen = (await anonymous(BY_TOKEN, { t: expired })).data!.mysteryAuditByToken;
    const unknown = (await anonymous(SUBMIT, { t: 'A'.repeat(22), c: checklist.id, a: answers })).data!.submitMysteryAudit;
    const otherProject = (await anonymous(SUBMIT, { t: fresh, c: otherChecklist.id, a: passingAnswers(otherChecklist.items) })).data!.submitMysteryAudit;
    const invalid = (await anonymous(SUBMIT, { t: fresh, c: checklist.id, a: answers.slice(1) })).data!.submitMysteryAudit;
    // then each is refused with a clear typed message
    expect(twice).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('already been used') });
    expect(late).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining(`expired on ${shift(-1)}`) });
    expect(lateOpen).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('expired') });
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', message: 'This mystery-customer link is not valid' });
    expect(otherProject).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/checklistId' }] });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.issues[0].pointer).toMatch(/^\/answers/);
    // and nothing was stored: the fresh link is still usable
    const after = [await count('inspection'), await count('finding'), (await t.em().execute<{ n: string }[]>('select count(*) as n from mystery_link where used_at is not null'))[0].n];
    expect(after).toEqual(before);
    expect((await anonymous(BY_TOKEN, { t: fresh })).data!.mysteryAuditByToken.used).toBe(false);
  });

  it('another organisation cannot issue links for this project', async () => {
    const result = (await as('yj-admin')(ISSUE, { p: projects.HD01, n: 1, e: shift(3) })).data!.issueMysteryLinks;
    expect(result.__typename).toBe('NotFoundError');
  });

  it('of two submissions of one link at once exactly one wins', async () => {
    // given a fresh link
    const [token] = await issue('manager', 'HD01', 1);
    const checklist = await open(token);
    const before = await count('inspection');
    // when it is submitted twice at the same time
    const results = await Promise.all([0, 1].map(() => anonymous(SUBMIT, { t: token, c: checklist.id, a: passingAnswers(checklist.items) })));
    // then one inspection, one refusal
    const kinds = results.map((r) => r.data!.submitMysteryAudit.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'SubmitInspectionSuccess']);
    expect(await count('inspection')).toBe(before + 1);
  });
});

describe('execution rates per kind', () => {
  it('counts routine inspections, scenario assessments and mystery audits apart, and routine with mystery combined', async () => {
    // given a routine daily patrol besides this file's assessments
    const daily = (await as('inspector')(CHECKLIST, { p: projects.HD01, t: 'daily' })).data!.checklist;
    // (items that need photos are answered not applicable: no photos are uploaded here)
    const needsPhoto = (i: Item) => i.input === 'photos' || i.evidence === 'photo-required';
    const answers = passingAnswers(daily.items).map((a, n) => (needsPhoto(daily.items[n]) ? { itemId: a.itemId, notApplicable: '本次未拍照' } : a));
    const patrol = (await as('inspector')(SUBMIT_INSPECTION, { c: daily.id, s: `daily-${Date.now()}`, a: answers })).data!.submitInspection;
    expect(patrol).toMatchObject({ __typename: 'SubmitInspectionSuccess' });
    const rates = async (kind: string | null) => {
      const rows = (await as('manager')(RATES, { k: kind })).data!.executionRates as { key: string; applicable: number; passed: number; inspections: number }[];
      return rows.reduce((sum, r) => ({ applicable: sum.applicable + r.applicable, passed: sum.passed + r.passed, inspections: sum.inspections + r.inspections }), { applicable: 0, passed: 0, inspections: 0 });
    };
    const byTier = await t.em().execute<{ tier: string; n: string }[]>('select tier, count(*) as n from inspection group by tier');
    const stored = (tiers: string[]) => byTier.filter((r) => tiers.includes(r.tier)).reduce((n, r) => n + Number(r.n), 0);
    // when the rates are read per kind
    const [routine, scenario, mystery, combined, byDefault] = [await rates('routine'), await rates('scenario'), await rates('mystery'), await rates('routineAndMystery'), await rates(null)];
    const byKind = (await as('manager')('{ executionRates(groupBy: kind) { key inspections } }')).data!.executionRates;
    // then each kind counts its own inspections, the default is the routine rounds, and combined adds routine and mystery
    expect(scenario.inspections).toBe(stored(['scenario']));
    expect(mystery.inspections).toBe(stored(['mystery']));
    expect(routine.inspections).toBe(stored(['daily', 'monthly', 'quarterly']));
    expect(scenario.inspections).toBeGreaterThan(0);
    expect(mystery.inspections).toBeGreaterThan(2);
    expect(byDefault).toEqual(routine);
    expect(combined).toEqual({ applicable: routine.applicable + mystery.applicable, passed: routine.passed + mystery.passed, inspections: routine.inspections + mystery.inspections });
    expect(byKind.map((r: { key: string }) => r.key)).toEqual(['mystery', 'routine', 'scenario']);
  });
});
