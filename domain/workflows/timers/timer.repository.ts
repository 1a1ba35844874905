import type { EntityManager } from '../../shared/persistence.ts';

/** Durable timers of workflow instances. */
export const timerRepository = {
  /** Marks an armed timer that is due as fired; null when it is not armed or not due (fired already, cancelled, early). */
  async fire(em: EntityManager, id: number, now: Date): Promise<{ instanceId: number; elementId: string } | null> {
    const [row] = await em.execute<{ instance_id: number; element_id: string }[]>(`update workflow_timer set status = 'fired', fired_at = ? where id = ? and status = 'armed' and due_at <= ? returning instance_id, element_id`, [now, id, now]);
    return row ? { instanceId: row.instance_id, elementId: row.element_id } : null;
  },

  /** Armed timers due by `now`, soonest first. */
  async due(em: EntityManager, now: Date): Promise<number[]> {
    return (await em.execute<{ id: number }[]>(`select id from workflow_timer where status = 'armed' and due_at <= ? order by due_at, id`, [now])).map((r) => r.id);
  },

  /** Every armed timer with its deadline. */
  async armed(em: EntityManager): Promise<{ id: number; dueAt: Date }[]> {
    return (await em.execute<{ id: number; due_at: Date }[]>(`select id, due_at from workflow_timer where status = 'armed' order by id`)).map((t) => ({ id: t.id, dueAt: new Date(t.due_at) }));
  },
};
