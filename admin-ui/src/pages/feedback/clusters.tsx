import { Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import type { Project } from '../../lib/reference-data.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ClusterRevision } from './cluster-revision.tsx';

const CLUSTERS = graphql(`
  query FeedbackClusters($from: String!, $to: String!) {
    feedbackClusters(from: $from, to: $to) { __typename ...ErrorFields
      ... on QueryFeedbackClustersSuccess { data { key problemType problemTypeName projectId projectIds count previousCount growth window { from to } } }
    }
  }
`, [ErrorFields]);

/**
 * The problem types rising over the period against the period before it, each with its counts and
 * a link to its items (the list filtered), and the quality manager's way to open a standard
 * revision that carries the cluster as its evidence.
 */
export function Clusters({ from, to, projects }: { from: string; to: string; projects: Project[] }) {
  const { t } = useI18n();
  const state = useQuery(async () => expect((await request(CLUSTERS, { from, to })).feedbackClusters, 'QueryFeedbackClustersSuccess').data, [from, to], { keepPrevious: true });
  const name = (id: number) => projects.find((p) => p.id === id);
  return (
    <section className="card" data-testid="feedback-clusters">
      <h2>{t('feedback.clusters')} <span className="muted small">{from} – {to}</span></h2>
      <p className="muted small">{t('feedback.clustersHelp')}</p>
      <QueryView state={state} empty={(d) => (d.length === 0 ? <Empty>{t('feedback.noClusters')}</Empty> : null)}>
        {(clusters) => (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('feedback.problemType')}</th><th scope="col">{t('feedback.clusterScope')}</th><th scope="col">{t('feedback.now')}</th><th scope="col">{t('feedback.before')}</th><th scope="col">{t('feedback.growth')}</th><th scope="col" /></tr></thead>
              <tbody>
                {clusters.map((c) => {
                  const items = new URLSearchParams({ problemType: c.problemType, from: c.window.from, to: c.window.to, ...(c.projectId ? { projectId: String(c.projectId) } : {}) });
                  const project = c.projectId ? name(c.projectId) : null;
                  return (
                    <tr key={c.key} data-testid="cluster-row" data-key={c.key}>
                      <th scope="row">{c.problemTypeName}</th>
                      <td>{c.projectId ? `${project?.code ?? c.projectId} ${project?.name ?? ''}` : t('feedback.acrossProjects', { count: c.projectIds.length })}</td>
                      <td>{c.count}</td>
                      <td>{c.previousCount}</td>
                      <td>{c.growth === null ? t('feedback.new') : `×${c.growth}`}</td>
                      <td><Link to={`/feedback?${items.toString()}`} data-testid="cluster-items">{t('feedback.items')}</Link> <ClusterRevision cluster={c} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
