import type { EntityManager } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import { toInstance, type WorkflowInstance } from '../workflows/instance.repository.ts';
import { INNOVATION_FUND } from './proposal-form.ts';
import type { ProposalStatus } from './proposal-status.ts';

/** An innovation-fund instance with where its proposal stands. */
export interface ProposalRow {
  instance: WorkflowInstance;
  status: ProposalStatus;
}

/** Which proposals a list shows. */
export interface ProposalFilter {
  /** the reader's organisation (none: the system's every one) */
  organisationId?: number | null;
  status?: ProposalStatus | null;
  /** only those this user proposed */
  proposer?: string | null;
}

/**
 * Where a proposal stands, from its instance and the tasks it opened: the element ids are those of
 * the shipped process (every version keeps them). Implemented once the effect is evaluated, approved
 * once incubation opened, rejected when it ended otherwise, in review once the committee has it.
 */
const STATUS = `case
  when i.status = 'cancelled' then 'withdrawn'
  when exists (select 1 from workflow_task t where t.instance_id = i.id and t.element_id = 'evaluation' and t.status = 'completed') then 'implemented'
  when exists (select 1 from workflow_task t where t.instance_id = i.id and t.element_id = 'incubation') then 'approved'
  when i.status = 'completed' then 'rejected'
  when exists (select 1 from workflow_task t where t.instance_id = i.id and t.element_id in ('committee', 'hq')) then 'in_review'
  else 'submitted' end`;

/** A number among an instance's variables (null when absent or not a number: the generic start takes any JSON). */
const numberVariable = (name: string) => `case when jsonb_typeof(cast(i.snapshot_json as jsonb) #> '{context,variables,${name}}') = 'number' then cast(cast(i.snapshot_json as jsonb) #>> '{context,variables,${name}}' as numeric) end`;

const PROPOSALS = `(select i.*, ${STATUS} as proposal_status, ${numberVariable('requestedBudget')} as requested,
  case when cast(i.snapshot_json as jsonb) #> '{context,variables,approved}' = 'true'::jsonb then ${numberVariable('budget')} end as granted
  from workflow_instance i where i.definition_key = '${INNOVATION_FUND}') p`;

function filterSql(f: ProposalFilter): { where: string; params: unknown[] } {
  const conditions = ['true'];
  const params: unknown[] = [];
  if (f.status) { conditions.push('proposal_status = ?'); params.push(f.status); }
  if (f.proposer) { conditions.push('started_by = ?'); params.push(f.proposer); }
  if (f.organisationId != null) { conditions.push('organisation_id = ?'); params.push(f.organisationId); }
  return { where: conditions.join(' and '), params };
}

type Row = Parameters<typeof toInstance>[0] & { proposal_status: ProposalStatus };
const toRow = (r: Row): ProposalRow => ({ instance: toInstance(r), status: r.proposal_status });

/** Proposals: the innovation-fund instances, read with their status. */
export const proposalRepository = {
  async get(em: EntityManager, id: number): Promise<ProposalRow | null> {
    const [row] = await em.execute<Row[]>(`select * from ${PROPOSALS} where id = ?`, [id]);
    return row ? toRow(row) : null;
  },

  /** A window of proposals in a keyset's order (on `id`). */
  async window(em: EntityManager, f: ProposalFilter, keyset: KeysetOrder, window: PageWindow): Promise<ProposalRow[]> {
    const where = filterSql(f);
    const w = sqlWindow(keyset, window);
    return (await em.execute<Row[]>(`select * from ${PROPOSALS} where ${where.where} and ${w.condition} order by ${w.orderBy} limit ?`, [...where.params, ...w.params, w.limit])).map(toRow);
  },

  async count(em: EntityManager, f: ProposalFilter): Promise<number> {
    const where = filterSql(f);
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(*) as count from ${PROPOSALS} where ${where.where}`, where.params);
    return Number(count);
  },

  /** Per status: how many proposals, the budget they asked for and the budget granted. */
  async totals(em: EntityManager, f: ProposalFilter): Promise<{ status: ProposalStatus; count: number; requested: number; granted: number }[]> {
    const where = filterSql({ proposer: f.proposer, organisationId: f.organisationId });
    const rows = await em.execute<{ proposal_status: ProposalStatus; count: string; requested: string | null; granted: string | null }[]>(
      `select proposal_status, count(*) as count, sum(requested) as requested, sum(case when proposal_status in ('approved', 'implemented') then granted end) as granted from ${PROPOSALS} where ${where.where} group by proposal_status`, where.params);
    return rows.map((r) => ({ status: r.proposal_status, count: Number(r.count), requested: Number(r.requested ?? 0), granted: Number(r.granted ?? 0) }));
  },
};
