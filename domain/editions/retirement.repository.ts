import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';

/** Whether an edition has been withdrawn from use (retireEdition), and when and why. */
export async function editionRetirement(em: EntityManager, edition: string): Promise<{ retiredAt: Date; note: string } | null> {
  const [row] = await em.execute<{ retired_at: Date; note: string }[]>('select retired_at, note from edition_retirement where edition_name = ?', [edition]);
  return row ? { retiredAt: new Date(row.retired_at), note: row.note } : null;
}
