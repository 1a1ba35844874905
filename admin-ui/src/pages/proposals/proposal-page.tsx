import { QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { Decisions, ProposalCard, ProposalFields } from './proposal-view.tsx';

const QUERY = graphql(`query Proposal($id: Int!) { proposal(id: $id) { __typename ...ErrorFields ...ProposalFields } }`, [ErrorFields, ProposalFields]);

/** A proposal and the decisions taken on it, in words. */
export function ProposalReview({ id }: { id: number }) {
  const { t } = useI18n();
  const state = useQuery(async () => expect((await request(QUERY, { id })).proposal, 'Proposal'), [id]);
  return (
    <QueryView state={state}>
      {(proposal) => (
        <div className="proposal-review" data-testid="proposal-review">
          <ProposalCard proposal={proposal} />
          <section className="card">
            <h2>{t('proposal.decisions')}</h2>
            <Decisions steps={proposal.steps} />
          </section>
        </div>
      )}
    </QueryView>
  );
}

/** The page of one proposal. */
export function ProposalPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { query } = useLocation();
  return (
    <div className="page">
      <p><Link to="/proposals">← {t('proposals.back')}</Link></p>
      {query.get('submitted') ? <div className="notice notice-ok" role="status" data-testid="proposal-notice">{t('proposals.submittedNotice')}</div> : null}
      <ProposalReview id={id} />
    </div>
  );
}
