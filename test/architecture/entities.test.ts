import { entities } from '../../server/db/entities.ts';
import { startTestApp, type TestApp } from '../harness.ts';

/** Every table the migrations create is described to the ORM by one entity, and every entity has its table. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('has an entity for every migrated table and a table for every entity', async () => {
  const tables = (await t.em().execute<{ table_name: string }[]>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'`)).map((r) => r.table_name).sort();
  const described = [...t.em().getMetadata().getAll().values()].filter((m) => !m.embeddable && !m.virtual).map((m) => m.tableName).sort();
  expect(described).toEqual(tables);
  expect(described).toHaveLength(entities.length);
});
