import { PagedTable } from '../../components/pager.tsx';
import { Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { PageInfoFields, PAGES_PARAM, usePageTrail } from '../../lib/paging.ts';

const PAGE = 25;
const LIST = graphql(`
  query Inspections($projectId: Int, $first: Int, $after: String) { inspections(projectId: $projectId, first: $first, after: $after) { __typename ...ErrorFields
    ... on InspectionConnection { totalCount pageInfo { ...PageInfoFields } nodes { id project { id name } tier edition inspector inspectedOn score executionRate findingCount } } } }
`, [ErrorFields, PageInfoFields]);

/** Submitted inspections, newest first, by project. */
export function InspectionsPage() {
  const { t, percent, term } = useI18n();
  const { query } = useLocation();
  const projects = useProjects();
  const projectId = query.get('projectId');
  const trail = usePageTrail();
  const state = useQuery(async () => {
    const data = await request(LIST, { projectId: projectId ? Number(projectId) : null, first: PAGE, after: trail.after });
    return expect(data.inspections, 'InspectionConnection');
  }, [projectId, trail.after]);
  return (
    <div className="page">
      <h1>{t('inspections.title')}</h1>
      <label className="field inline-field">
        <span>{t('checklists.project')}</span>
        <select value={projectId ?? ''} onChange={(e) => setQuery({ projectId: e.target.value, [PAGES_PARAM]: null })}>
          <option value="">{t('inspections.allProjects')}</option>
          {projects?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <QueryView state={state} empty={(d) => (d.totalCount === 0 ? <Empty>{t('inspections.none')}</Empty> : null)}>
        {(d) => (
          <PagedTable testId="inspections" page={d} trail={trail} pageSize={PAGE}
            headings={['#', t('checklists.project'), t('checklists.tier'), t('inspections.inspector'), t('inspections.date'), t('inspections.score'), t('inspections.rate'), t('inspections.findings')]}
            row={(i) => (
              <tr key={i.id}>
                <td><Link to={`/inspections/${i.id}`}>{i.id}</Link></td>
                <td>{i.project.name}</td>
                <td>{term('tier', i.tier)}</td>
                <td>{i.inspector}</td>
                <td>{i.inspectedOn}</td>
                <td>{i.score === null ? '—' : i.score.toFixed(1)}</td>
                <td>{percent(i.executionRate)}</td>
                <td>{i.findingCount > 0 ? <Link to={`/inspections/${i.id}`}>{i.findingCount}</Link> : 0}</td>
              </tr>
            )} />
        )}
      </QueryView>
    </div>
  );
}
