import { useState, type FormEvent } from 'react';
import { PagedTable } from '../../components/pager.tsx';
import { Badge, Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { allNodes, PageInfoFields, PAGES_PARAM, usePageTrail } from '../../lib/paging.ts';
import { stateLabel, useProcessLabels } from './process-labels.ts';
import { LaneRolesPanel } from './lane-roles-panel.tsx';

const PAGE = 20;
const DEFINITIONS = graphql(`
  query Definitions($after: String) { workflowDefinitions(first: 200, after: $after) { __typename ...ErrorFields
    ... on WorkflowDefinitionConnection { pageInfo { ...PageInfoFields } nodes { key version name deployedBy deployedAt } } } }
`, [ErrorFields, PageInfoFields]);
const INSTANCES = graphql(`
  query Instances($key: String, $status: String, $first: Int, $after: String) { workflowInstances(key: $key, status: $status, first: $first, after: $after) { __typename ...ErrorFields
    ... on WorkflowInstanceConnection { totalCount pageInfo { ...PageInfoFields } nodes { id key version status businessKey states startedBy startedAt } } } }
`, [ErrorFields, PageInfoFields]);

const DRAFTS = graphql(`
  query WorkflowDraftList { workflowDrafts(first: 50) { __typename ...ErrorFields
    ... on WorkflowDraftConnection { totalCount nodes { id key name complete updatedBy updatedAt missing { elementId } } } } }
`, [ErrorFields]);

type DefinitionRow = Extract<ResultOf<typeof DEFINITIONS>['workflowDefinitions'], { __typename: 'WorkflowDefinitionConnection' }>['nodes'][number];
const STATUSES = ['running', 'incident', 'completed', 'cancelled'];

function NewProcess() {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const valid = /^[a-z][a-z0-9-]{0,63}$/.test(key);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) navigate(`/workflows/${key}?new=1`);
  };
  return (
    <form className="card field-row" onSubmit={submit}>
      <label className="field grow">
        <span>{t('workflows.newKey')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} placeholder="complaint-followup" aria-invalid={key && !valid ? true : undefined} />
        <small className="hint">{t('workflows.newKeyHint')}</small>
      </label>
      <button type="submit" className="btn align-end" disabled={!valid}>{t('workflows.newProcess')}</button>
    </form>
  );
}

/** Imported drafts not yet deployed: reopen one in the modeler to complete and deploy it. */
function DraftList() {
  const { t, dateTime } = useI18n();
  const drafts = useQuery(async () => expect((await request(DRAFTS)).workflowDrafts, 'WorkflowDraftConnection'), []);
  return (
    <section aria-label={t('drafts.title')} data-testid="drafts">
      <h2>{t('drafts.title')}</h2>
      <QueryView state={drafts} empty={(d) => (d.totalCount === 0 ? <Empty>{t('drafts.none')}</Empty> : null)}>
        {(d) => (
          <div className="table-wrap"><table className="drafts-table">
            <thead><tr><th>#</th><th>{t('drafts.name')}</th><th>{t('drafts.key')}</th><th>{t('drafts.state')}</th><th>{t('drafts.updated')}</th><th /></tr></thead>
            <tbody>
              {d.nodes.map((draft) => (
                <tr key={draft.id} data-testid={`draft-${draft.id}`}>
                  <td>{draft.id}</td>
                  <td>{draft.name}</td>
                  <td><code>{draft.key}</code></td>
                  <td>{draft.complete ? <span className="badge badge-ok">{t('drafts.complete')}</span> : <span className="badge badge-warn">{t('drafts.missing', { n: draft.missing.length })}</span>}</td>
                  <td>{draft.updatedBy} · {dateTime(draft.updatedAt)}</td>
                  <td><Link className="btn btn-small" to={`/workflows/${draft.key}?draft=${draft.id}`} data-testid={`open-draft-${draft.id}`}>{t('drafts.open')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </QueryView>
    </section>
  );
}

/** Deployed processes (open one in the modeler) and their instances, filtered by process and status. */
export function WorkflowsPage() {
  const { t, dateTime, term } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const key = query.get('key');
  const status = query.get('status');
  const trail = usePageTrail();
  const definitions = useQuery(() => allNodes(async (after) => expect((await request(DEFINITIONS, { after })).workflowDefinitions, 'WorkflowDefinitionConnection')), []);
  const instances = useQuery(async () => expect((await request(INSTANCES, { key, status, first: PAGE, after: trail.after })).workflowInstances, 'WorkflowInstanceConnection'), [key, status, trail.after]);
  const processes = useProcessLabels(instances.data?.nodes ?? []);
  return (
    <div className="page">
      <h1>{t('workflows.title')}</h1>
      <QueryView state={definitions} empty={(d) => (d.length === 0 ? <Empty>{t('workflows.none')}</Empty> : null)}>
        {(defs) => {
          const latest = new Map<string, DefinitionRow & { versions: number }>();
          for (const d of defs) {
            const seen = latest.get(d.key);
            if (!seen) latest.set(d.key, { ...d, versions: 1 });
            else latest.set(d.key, { ...(d.version > seen.version ? d : seen), versions: seen.versions + 1 });
          }
          return (
            <ul className="process-cards">
              {[...latest.values()].map((d) => (
                <li key={d.key} className="card">
                  <h2><Link to={`/workflows/${d.key}`} data-testid={`process-${d.key}`}>{d.name}</Link></h2>
                  <p className="muted small"><code>{d.key}</code> · v{d.version} · {t('workflows.versions', { n: d.versions })}</p>
                  <p className="small">{t('workflows.deployedBy', { by: d.deployedBy, at: dateTime(d.deployedAt) })}</p>
                  <div className="button-row">
                    <Link className="btn btn-small" to={`/workflows/${d.key}`}>{can('manageWorkflows') ? t('workflows.edit') : t('workflows.view')}</Link>
                    <Link className="btn btn-small" to={`/workflows?key=${d.key}`}>{t('workflows.instances')}</Link>
                  </div>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
      {can('manageWorkflows') ? <NewProcess /> : null}
      {can('manageWorkflows') ? <DraftList /> : null}
      {can('manageWorkflows') ? <LaneRolesPanel /> : null}

      <h2>{t('workflows.instanceList')}</h2>
      <div className="field-row">
        <label className="field">
          <span>{t('workflows.process')}</span>
          <select value={key ?? ''} onChange={(e) => setQuery({ key: e.target.value, [PAGES_PARAM]: null })}>
            <option value="">{t('workflows.allProcesses')}</option>
            {[...new Map(definitions.data?.map((d) => [d.key, d.name]) ?? [])].map(([k, name]) => <option key={k} value={k}>{name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('history.status')}</span>
          <select value={status ?? ''} onChange={(e) => setQuery({ status: e.target.value, [PAGES_PARAM]: null })}>
            <option value="">{t('workflows.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{term('status', s)}</option>)}
          </select>
        </label>
      </div>
      <QueryView state={instances} empty={(d) => (d.totalCount === 0 ? <Empty>{t('workflows.noInstances')}</Empty> : null)}>
        {(d) => (
          <PagedTable testId="instances" page={d} trail={trail} pageSize={PAGE}
            headings={['#', t('workflows.process'), t('history.status'), t('workflows.stage'), t('workflows.businessKey'), t('workflows.started')]}
            row={(i) => (
              <tr key={i.id}>
                <td><Link to={`/instances/${i.id}`}>{i.id}</Link></td>
                <td>{processes.get(`${i.key}@${i.version}`)?.name ?? t('state.loading')} <span className="muted">v{i.version}</span></td>
                <td><Badge value={i.status} /></td>
                <td>{i.states.map((s) => stateLabel(processes.get(`${i.key}@${i.version}`), s, term)).join('、') || '—'}</td>
                <td>{i.businessKey ?? '—'}</td>
                <td>{i.startedBy} · {dateTime(i.startedAt)}</td>
              </tr>
            )} />
        )}
      </QueryView>
    </div>
  );
}
