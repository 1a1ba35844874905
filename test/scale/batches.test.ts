import { startTestApp, type TestApp } from '../harness.ts';
import { forkEm } from '../../server/db/orm.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { AUDIT_VERIFY_BATCH, verifyAuditChain } from '../../domain/audit/audit.service.ts';
import { editionDiff, publishEdition } from '../../domain/editions/edition.service.ts';
import { EDITION_ENTRY_BATCH } from '../../domain/editions/edition.repository.ts';
import { appendBulkChain, insertPublishedDocuments } from './bulk-rows.ts';

/**
 * The batched long reads and writes of issue 18: `verifyAuditChain` reads a chain in keyset
 * batches (the next one prefetched) and still finds a break far into it; `publishEdition` writes
 * its entries a few thousand per statement and stores every one.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
}, 300_000);
afterAll(async () => t.close());

const ctx = () => ({ em: forkEm(t.app.orm), actor: SYSTEM_ACTOR, limits: t.app.limits });

/** Rewrites a stored event as only an owner switching the append-only trigger off can. */
async function tamper(sql: string, params: unknown[]) {
  const em = t.em();
  await em.execute('alter table audit_event disable trigger audit_event_append_only');
  try {
    await em.execute(sql, params);
  } finally {
    await em.execute('alter table audit_event enable trigger audit_event_append_only');
  }
}

describe('verifyAuditChain in batches', () => {
  it('checks every event of a chain longer than one batch, then finds an event altered in a later batch', async () => {
    const batch = 50;
    const { firstId } = await appendBulkChain(t.em(), 1, batch * 5 + 7, 100);
    const intact = await verifyAuditChain(forkEm(t.app.orm), 1, batch);
    expect(intact).toEqual({ ok: true, checked: batch * 5 + 7, brokenAtId: null, reason: null });
    // the default batch reads the same chain the same way
    expect(AUDIT_VERIFY_BATCH).toBeGreaterThan(batch * 5 + 7);
    expect((await verifyAuditChain(forkEm(t.app.orm), 1)).checked).toBe(batch * 5 + 7);

    const altered = firstId + batch * 3 + 12; // position 163: inside the fourth batch
    await tamper(`update audit_event set detail = '{"n":-1}' where id = ?`, [altered]);
    const report = await verifyAuditChain(forkEm(t.app.orm), 1, batch);
    expect(report.ok).toBe(false);
    expect(report.brokenAtId).toBe(altered);
    expect(report.checked).toBe(batch * 3 + 12);
    expect(report.reason?.code).toBe('audit.event_altered');
  });

  it('finds an event missing at a batch boundary of another chain', async () => {
    const batch = 40;
    const { firstId } = await appendBulkChain(t.em(), null, batch * 3, 1000);
    const missing = firstId + batch * 2; // the first of the third batch
    await tamper('delete from audit_event where id = ?', [missing]);
    const report = await verifyAuditChain(forkEm(t.app.orm), null, batch);
    expect(report).toMatchObject({ ok: false, checked: batch * 2, brokenAtId: missing + 1 });
    expect(report.reason?.code).toBe('audit.event_missing');
  });
});

describe('publishEdition in batches', () => {
  it('stores an entry for every published document of a library larger than two insert batches', async () => {
    const documents = EDITION_ENTRY_BATCH * 2 + 7;
    await insertPublishedDocuments(t.em(), documents);
    const edition = await publishEdition(ctx(), 'bulk-1');
    expect(edition.documentCount).toBe(documents);
    const em = t.em();
    const [{ n, distinct }] = await em.execute<{ n: string; distinct: string }[]>(
      `select count(*) as n, count(distinct e.code) as distinct from edition_entry e join standard_version v on v.code = e.code and v.version = e.version where e.edition_name = 'bulk-1' and v.status = 'published'`);
    expect(Number(n)).toBe(documents);
    expect(Number(distinct)).toBe(documents);
    const [last] = await em.execute<{ version: number }[]>(`select version from edition_entry where edition_name = 'bulk-1' and code = ?`, [`BULK.W${String(documents).padStart(6, '0')}`]);
    expect(Number(last.version)).toBe(1);
  });

  it('diffs two large editions from one read of their versions', async () => {
    await insertPublishedDocuments(t.em(), 3, 'MORE');
    await publishEdition(ctx(), 'bulk-2');
    const diff = await editionDiff(ctx(), 'bulk-1', 'bulk-2');
    expect(diff.added.map((d) => d.code)).toEqual(['MORE.W000001', 'MORE.W000002', 'MORE.W000003']);
    expect(diff.added[0]).toMatchObject({ title: 'bulk 1', fromVersion: null, toVersion: 1, author: 'bulk' });
    expect(diff.changed).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('stores nothing of an edition whose last batch fails', async () => {
    // a document (sorting last) that names a published version never stored: its entry breaks the last insert
    await t.em().execute(`insert into standard_document (code, kind, title, latest_version, published_version, created_at, updated_at) values ('ZZZ.W000001', 'instruction', 'broken', 2, 2, now(), now())`);
    await expect(publishEdition(ctx(), 'bulk-3')).rejects.toThrow();
    const [{ editions, entries }] = await t.em().execute<{ editions: string; entries: string }[]>(
      `select (select count(*) from edition where name = 'bulk-3') as editions, (select count(*) from edition_entry where edition_name = 'bulk-3') as entries`);
    expect([Number(editions), Number(entries)]).toEqual([0, 0]);
  });
});
