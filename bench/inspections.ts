import { performance } from 'node:perf_hooks';
import { scratchDatabase } from '../test/harness.ts';
import { gunzipSync } from 'node:zlib';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { SHIPPED_LIBRARY } from '../server/bootstrap.ts';
import { readLibraryPackage } from '../domain/editions/library-files.ts';
import { importLibraryPackage } from '../domain/editions/library.service.ts';
import { ensureSampleProjects, listProjects } from '../domain/projects/project.service.ts';
import { getChecklist } from '../domain/checklists/checklist.service.ts';
import { submitInspection } from '../domain/inspections/inspection.service.ts';
import { passingAnswers } from '../domain/checklists/sample-answers.ts';
import { deployShippedWorkflows, openPendingRectifications } from '../domain/findings/rectification.service.ts';
import { todayInChina } from '../domain/checklists/checklist.service.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * On PostgreSQL: the first generation of a project's full quarterly checklist (cold cache), beside
 * reading the stored checklist back by id; and submitInspection with 1,200 answers of which 50 fail,
 * beside one INSERT of the same answers.
 */
export async function inspectionBenchmarks(pgUrl: string, line: (name: string, value: string, baseline: string, verdict: string) => void): Promise<void> {
  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_insp');
  const config = { ...loadConfig({ SEED: 'false' }), databaseUrl: db.url, photoDir: `/tmp/${db.url.split('/').pop()}-photos` };
  const app = await createApp(config);
  try {
    const em = () => app.orm.em.fork() as SqlEntityManager;
    const ctx = () => app.context(SYSTEM_ACTOR);
    await importLibraryPackage(em(), SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY));
    await ensureSampleProjects(em());
    // findings of severity major or critical open their rectification in the same transaction
    await deployShippedWorkflows(em(), SYSTEM_ACTOR);
    const projects = (await listProjects(ctx())).filter((p) => p.profile === 'standard');

    // Cold: every project's first quarterly checklist is generated from the pinned documents.
    const generation: number[] = [];
    let firstEver = 0;
    for (const [i, project] of projects.entries()) {
      const t = performance.now();
      await getChecklist(ctx(), { projectId: project.id, tier: 'quarterly' });
      const ms = performance.now() - t;
      if (i === 0) firstEver = ms;
      else generation.push(ms);
    }
    const { checklist } = await getChecklist(ctx(), { projectId: projects[0].id, tier: 'quarterly' });
    const reads: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const [row] = await em().execute<{ content_gzip: Uint8Array }[]>('select content_gzip from checklist where id = ?', [checklist.id]);
      JSON.parse(gunzipSync(Buffer.from(row.content_gzip)).toString('utf8'));
      reads.push(performance.now() - t);
    }
    const gen = median(generation);
    line(`first generation of a quarterly checklist (${checklist.itemCount} items), PostgreSQL`, `${gen.toFixed(0)} ms`, `stored one read back: ${median(reads).toFixed(0)} ms`, `goal < 100 ms ${gen < 100 ? 'MET' : 'MISSED'} (very first, schemas unparsed: ${firstEver.toFixed(0)} ms)`);

    // Submissions: 1,200 answers, 50 of them failing (with a photo each), a new clientSubmissionId each time.
    const { uploadPhoto } = await import('../domain/photos/photo.service.ts');
    const photos: string[] = [];
    for (let i = 0; i < 10; i++) {
      const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), `基准测试照片${i}`], `bench-${i}.png`);
      photos.push((await uploadPhoto({ ...ctx(), photos: app.photos }, png)).sha256);
    }
    const photo = photos[0];
    const failing = new Set(checklist.items.filter((i) => i.input === 'boolean').slice(0, 50).map((i) => i.id));
    const answers = passingAnswers(checklist.items, photos).map((a) => (failing.has(a.itemId) ? { ...a, value: false, photos: [photo] } : a));
    const opened = checklist.items.filter((i) => failing.has(i.id) && i.severity !== 'minor').length;
    const submits: number[] = [];
    const inserts: number[] = [];
    await em().execute('create table bench_answers (id serial primary key, answers text not null)');
    for (let i = 0; i < 25; i++) {
      let t = performance.now();
      const result = await submitInspection(ctx(), { checklistId: checklist.id, clientSubmissionId: `bench-${i}`, answers, inspectedOn: todayInChina() });
      submits.push(performance.now() - t); // the first submissions too: nothing is compiled per checklist
      if (result.inspection.findingCount !== failing.size) throw new Error(`expected ${failing.size} findings, got ${result.inspection.findingCount}`);
      t = performance.now();
      await em().transactional((tx) => tx.execute('insert into bench_answers (answers) values (?)', [JSON.stringify(answers)]));
      inserts.push(performance.now() - t);
    }
    const sub = median(submits);
    line(`submitInspection, ${answers.length} answers, ${failing.size} fail, PostgreSQL`, `${sub.toFixed(0)} ms`, `one INSERT of the answers: ${median(inserts).toFixed(0)} ms`, `goal < 150 ms median ${sub < 150 ? 'MET' : 'MISSED'}`);
    const [firstInspection] = await em().execute<{ id: number }[]>('select min(id) as id from inspection');
    const t = performance.now();
    const started = await openPendingRectifications(ctx(), SYSTEM_ACTOR, firstInspection.id);
    const ms = performance.now() - t;
    line(`  … then the queue opens its ${started} rectifications (of ${opened} major/critical findings)`, `${ms.toFixed(0)} ms`, `${(ms / Math.max(started, 1)).toFixed(1)} ms each`, '(not part of the submission)');
  } finally {
    await app.close();
    await db.drop();
  }
}
