import type { EntityManager } from './persistence.ts';
import { Setting } from './setting.entity.ts';

/** Server-wide settings kept in the database: the token-signing secret, seeding progress. */
export const settingRepository = {
  async get(em: EntityManager, key: string): Promise<string | null> {
    return (await em.findOne(Setting, { key }))?.value ?? null;
  },

  /** Stores `value` unless the key has one already; returns the value that holds (the first writer's). */
  async putIfAbsent(em: EntityManager, key: string, value: string): Promise<string> {
    await em.execute('insert into setting (key, value) values (?, ?) on conflict (key) do nothing', [key, value]);
    return (await em.fork().findOneOrFail(Setting, { key })).value;
  },

  async put(em: EntityManager, key: string, value: string): Promise<void> {
    await em.execute('insert into setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value', [key, value]);
  },
};
