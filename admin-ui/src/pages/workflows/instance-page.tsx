import { useState } from 'react';
import { isJsonObject } from '../../../../domain/shared/json.ts';
import { TextField } from '../../components/fields.tsx';
import { Badge, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { HistoryTimeline } from './history-timeline.tsx';
import { InstanceDiagram } from './instance-diagram.tsx';
import { InstanceTasks } from './instance-tasks.tsx';
import { ProcessFacts } from './process-facts.tsx';
import { labelsOf } from './process-labels.ts';

/** The finding a rectification's business key names (`finding:<id>`). */
const findingOf = (key: string | null): number | null => (/^finding:(\d+)$/.exec(key ?? '') ? Number(key!.slice(8)) : null);

const LOAD = graphql(`
  query WorkflowInstance($id: Int!) { workflowInstance(id: $id) { __typename ...ErrorFields
    ... on WorkflowInstance { id key version status businessKey states variables incident startedBy startedAt endedAt
      tasks { id elementId name candidateRole status dueAt claimedBy completedBy data } history { at actor event detail from to } } } }
`, [ErrorFields]);
const XML = graphql(`query DefinitionXml($key: String!, $version: Int) { workflowDefinition(key: $key, version: $version) { __typename ...ErrorFields ... on WorkflowDefinition { bpmnXml name userTasks } } }`, [ErrorFields]);
const CANCEL = graphql(`mutation CancelInstance($id: Int!, $reason: String!) { cancelInstance(id: $id, reason: $reason) { __typename ...ErrorFields ... on WorkflowInstance { id status } } }`, [ErrorFields]);

function Cancel({ id, onDone }: { id: number; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <details className="card">
      <summary>{t('instance.cancel')}</summary>
      <TextField label={t('instance.cancelReason')} value={reason} onChange={setReason} />
      <ErrorNotice error={error} />
      <button type="button" className="btn btn-danger" disabled={!reason.trim() || busy} onClick={async () => {
        setBusy(true);
        try {
          expect((await request(CANCEL, { id, reason: reason.trim() })).cancelInstance, 'WorkflowInstance');
          onDone();
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      }}>{t('instance.cancelConfirm')}</button>
    </details>
  );
}

/** One workflow instance: the diagram with where it stands, its tasks, variables and full history. */
export default function InstancePage({ id }: { id: number }) {
  const { t, dateTime, term } = useI18n();
  const { can } = useSession();
  const state = useQuery(async () => {
    const instance = expect((await request(LOAD, { id })).workflowInstance, 'WorkflowInstance');
    const def = expect((await request(XML, { key: instance.key, version: instance.version })).workflowDefinition, 'WorkflowDefinition');
    const visited = [...new Set(instance.history.flatMap((h) => [...h.from, ...h.to]))];
    return { instance, def, visited, labels: labelsOf(def) };
  }, [id]);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}><Link to="/workflows">{t('nav.workflows')}</Link> / <span>#{id}</span></nav>
      <QueryView state={state}>
        {({ instance: i, def, visited, labels }) => (
          <>
            <header className="page-head">
              <div>
                <h1>{def.name} #{i.id} <Badge value={i.status} /></h1>
                <p className="muted">{t('instance.meta', { version: i.version, by: i.startedBy, at: dateTime(i.startedAt) })}{findingOf(i.businessKey) ? <> · <Link to={`/findings/${findingOf(i.businessKey)}`}>{t('finding.heading', { id: findingOf(i.businessKey)! })}</Link></> : i.businessKey ? ` · ${i.businessKey}` : ''}{i.endedAt ? ` · ${t('instance.ended', { at: dateTime(i.endedAt) })}` : ''}</p>
                {i.incident ? <p className="notice notice-error" role="alert">{t('instance.incident')}<br /><span className="small">{i.incident}</span></p> : null}
              </div>
              <Link className="btn" to={`/workflows/${i.key}?version=${i.version}`}>{t('instance.openModel')}</Link>
            </header>
            <InstanceDiagram xml={def.bpmnXml} current={i.states} visited={visited} labels={labels} />
            <div className="two-columns">
              <section>
                <h2>{t('instance.tasks')}</h2>
                <div className="table-wrap">
                  <InstanceTasks tasks={i.tasks} labels={labels} withRole />
                </div>
                <h2>{t('instance.variables')}</h2>
                {isJsonObject(i.variables) && Object.keys(i.variables).length ? <ProcessFacts values={i.variables} labels={[labels]} testId="instance-variables" /> : <p className="muted">{t('instance.noVariables')}</p>}
              </section>
              <section>
                <h2>{t('instance.history')}</h2>
                <HistoryTimeline history={i.history} labels={labels} testId="instance-history" />
              </section>
            </div>
            {i.status === 'running' && can('manageWorkflows') ? <Cancel id={i.id} onDone={state.reload} /> : null}
          </>
        )}
      </QueryView>
    </div>
  );
}
