import { performance } from 'node:perf_hooks';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { scratchDatabase } from '../test/harness.ts';
import { appendBulkChain, insertPublishedDocuments } from '../test/scale/bulk-rows.ts';
import { forkFor, openOrm } from '../server/db/orm.ts';
import { loadConfig } from '../server/config.ts';
import { organisationActor, SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { AUDIT_VERIFY_BATCH, verifyAuditChain } from '../domain/audit/audit.service.ts';
import { auditRepository } from '../domain/audit/audit.repository.ts';
import { publishEdition } from '../domain/editions/edition.service.ts';

type Line = (name: string, value: string, baseline: string, verdict: string) => void;

const perRow = (ms: number, rows: number) => `${((ms * 1000) / rows).toFixed(2)} µs/row`;

/**
 * `verifyAuditChain` over a long chain (BENCH_AUDIT_ROWS, 1,000,000 by default) and `publishEdition`
 * over a large library (BENCH_EDITION_DOCUMENTS, 10,000 by default) on PostgreSQL, each beside a
 * baseline of the same run: reading the same rows in the same keyset batches without hashing them,
 * and one plain `insert … select` of the same entries.
 */
export async function auditChainBenchmarks(pgUrl: string, line: Line): Promise<void> {
  const rows = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);
  const documents = Number(process.env.BENCH_EDITION_DOCUMENTS ?? 10_000);
  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_audit');
  const orm = await openOrm({ ...loadConfig({ SEED: 'false' }), databaseUrl: db.url });
  try {
    const system = () => orm.em.fork() as SqlEntityManager;
    const admin = organisationActor('admin', ['admin']);
    // the chain: hashes chained here, rows written by the database 20,000 per statement
    let started = performance.now();
    await appendBulkChain(system(), 1, rows);
    await system().execute('analyze audit_event');
    const loadMs = performance.now() - started;
    console.log(`  (loaded ${rows.toLocaleString('en')} chained audit events in ${(loadMs / 1000).toFixed(1)} s)`);

    started = performance.now();
    const report = await verifyAuditChain(forkFor(orm, admin), 1);
    const verifyMs = performance.now() - started;
    if (!report.ok || report.checked !== rows) throw new Error(`the benchmark chain did not verify: ${JSON.stringify(report)}`);

    started = performance.now();
    let read = 0;
    for (let after = 0; ;) {
      const batch = await auditRepository.after(forkFor(orm, admin), 1, after, AUDIT_VERIFY_BATCH);
      read += batch.length;
      if (batch.length < AUDIT_VERIFY_BATCH) break;
      after = batch[batch.length - 1].seq;
    }
    const readMs = performance.now() - started;
    line(`verifyAuditChain over ${rows.toLocaleString('en')} events, PostgreSQL`, `${(verifyMs / 1000).toFixed(2)} s`, `same rows read, not hashed: ${(readMs / 1000).toFixed(2)} s`, `${perRow(verifyMs, rows)} (read only ${perRow(readMs, read)})`);

    // the library: published documents of the shared baseline
    await insertPublishedDocuments(system(), documents);
    await system().execute('analyze standard_document; analyze standard_version');
    started = performance.now();
    const edition = await publishEdition({ em: system(), actor: SYSTEM_ACTOR, limits: { maxBytes: 1024 * 1024, maxDepth: 32 } }, 'bench-1');
    const publishMs = performance.now() - started;
    if (edition.documentCount !== documents) throw new Error(`the benchmark edition pins ${edition.documentCount} documents, not ${documents}`);

    started = performance.now();
    const em = system();
    await em.transactional(async (tx) => {
      await tx.execute(`insert into edition (name, seq, created_by, created_at, note, document_count) values ('bench-plain', 1000, 'bench', now(), null, ?)`, [documents]);
      await tx.execute(`insert into edition_entry (edition_name, code, version) select 'bench-plain', code, published_version from standard_document where published_version is not null and not retired and organisation_id is null`);
    });
    const plainMs = performance.now() - started;
    line(`publishEdition over ${documents.toLocaleString('en')} documents, PostgreSQL`, `${publishMs.toFixed(0)} ms`, `one plain insert … select: ${plainMs.toFixed(0)} ms`, `${perRow(publishMs, documents)} (plain ${perRow(plainMs, documents)})`);
  } finally {
    await orm.close();
    await db.drop();
  }
}
