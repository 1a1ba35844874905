import { Badge, Empty, QueryView } from '../../components/status.tsx';
import { Pager } from '../../components/pager.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { PageInfoFields, PAGES_PARAM, usePageTrail } from '../../lib/paging.ts';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { effectWords, money } from './proposal-view.tsx';

const PAGE = 20;
const STATUSES = ['submitted', 'in_review', 'approved', 'rejected', 'implemented'] as const;
type Status = (typeof STATUSES)[number] | 'withdrawn';

const LIST = graphql(`
  query Proposals($status: ProposalStatus, $first: Int, $after: String) {
    proposalTotals { status count requested granted }
    proposals(status: $status, first: $first, after: $after) { __typename ...ErrorFields
      ... on ProposalConnection { totalCount pageInfo { ...PageInfoFields } nodes { id status title proposer proposerName submittedAt requestedBudget grantedBudget effect { indicator before after changePercent outcome } } } } }
`, [ErrorFields, PageInfoFields]);

/** The fund's portfolio: proposals by status, the budget asked for and granted, and the effect measured after implementation. */
export function ProposalsPage() {
  const { t, term, dateTime } = useI18n();
  const { query } = useLocation();
  const status = (query.get('status') || null) as Status | null;
  const trail = usePageTrail();
  const state = useQuery(async () => {
    const data = await request(LIST, { status, first: PAGE, after: trail.after });
    return { totals: data.proposalTotals, list: expect(data.proposals, 'ProposalConnection') };
  }, [status, trail.after]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('proposals.title')}</h1>
        <Link to="/proposals/new" className="btn btn-primary" data-testid="new-proposal">{t('proposals.new')}</Link>
      </div>
      <p className="muted">{t('proposals.intro')}</p>
      <QueryView state={state}>
        {({ totals, list }) => (
          <>
            <div className="fund-totals" data-testid="proposal-totals">
              {totals.filter((x) => x.status !== 'withdrawn' || x.count > 0).map((x) => (
                <div key={x.status} className="card fund-total" data-testid={`total-${x.status}`}>
                  <span className="small muted">{term('proposalStatus', x.status)}</span>
                  <strong>{t('proposals.count', { n: x.count })}</strong>
                  <span className="small">{t('proposals.requested')} {money(x.requested)}</span>
                  {x.granted > 0 ? <span className="small">{t('proposals.granted')} {money(x.granted)}</span> : null}
                </div>
              ))}
            </div>
            <div role="group" className="tabs" aria-label={t('proposals.filters')}>
              {[null, ...STATUSES].map((s) => (
                <button key={s ?? 'all'} type="button" aria-pressed={status === s} className={status === s ? 'active' : undefined} onClick={() => setQuery({ status: s, [PAGES_PARAM]: null })} data-testid={`filter-${s ?? 'all'}`}>
                  {s ? term('proposalStatus', s) : t('proposals.all')}
                </button>
              ))}
            </div>
            {list.totalCount === 0 ? <Empty>{t('proposals.none')}</Empty> : (
              <div className="table-wrap">
                <table className="table" data-testid="proposal-list">
                  <thead><tr><th>{t('proposal.field.title')}</th><th>{t('proposals.status')}</th><th>{t('proposals.proposer')}</th><th>{t('proposals.submittedAt')}</th><th className="num">{t('proposals.requested')}</th><th className="num">{t('proposals.granted')}</th><th>{t('proposals.effect')}</th></tr></thead>
                  <tbody>
                    {list.nodes.map((p) => (
                      <tr key={p.id} data-testid="proposal-row">
                        <td><Link to={`/proposals/${p.id}`}>{p.title}</Link></td>
                        <td><Badge value={p.status} prefix="proposalStatus" /></td>
                        <td>{p.proposerName}</td>
                        <td>{dateTime(p.submittedAt)}</td>
                        <td className="num">{money(p.requestedBudget)}</td>
                        <td className="num">{p.grantedBudget === null ? '—' : money(p.grantedBudget)}</td>
                        <td>{effectWords(p.effect, t) ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager trail={trail} pageSize={PAGE} count={list.nodes.length} total={list.totalCount} pageInfo={list.pageInfo} />
              </div>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
