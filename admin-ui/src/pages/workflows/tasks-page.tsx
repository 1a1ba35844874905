import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { serverProblems, formData, formProblems, formSchemaOf, SchemaForm, type FormValue } from '../../components/schema-form.tsx';
import { Badge, Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { isJsonObject, type JsonValue } from '../../../../domain/shared/json.ts';
import { member } from '../../lib/json.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { useQuery } from '../../lib/use-query.ts';
import { PageInfoFields, PAGES_PARAM, usePageTrail } from '../../lib/paging.ts';
import { Pager } from '../../components/pager.tsx';

const TaskFields = graphql(`fragment TaskFields on WorkflowTask { id elementId name candidateRole assignee status dueAt createdAt claimedBy form instance { id key version businessKey variables }
  finding { id title severity project { id name } place { name } } }`);
const PAGE = 50;
const LIST = graphql(`
  query Tasks($mine: Boolean, $role: Boolean, $overdue: Boolean, $projectId: Int, $severity: String, $step: String, $sort: String, $first: Int, $after: String) {
    tasks(mine: $mine, role: $role, overdue: $overdue, projectId: $projectId, severity: $severity, step: $step, sort: $sort, first: $first, after: $after) { __typename ...ErrorFields
    ... on WorkflowTaskConnection { totalCount pageInfo { ...PageInfoFields } nodes { ...TaskFields } } } }
`, [ErrorFields, PageInfoFields, TaskFields]);
const CLAIM = graphql(`mutation ClaimTask($id: Int!) { claimTask(id: $id) { __typename ...ErrorFields ...TaskFields } }`, [ErrorFields, TaskFields]);
const COMPLETE = graphql(`mutation CompleteTask($id: Int!, $data: JSON) { completeTask(id: $id, data: $data) { __typename ...ErrorFields ... on WorkflowTask { id status instance { id states status } } } }`, [ErrorFields]);

type Task = ResultOf<typeof TaskFields>;
import { ProcessFacts } from './process-facts.tsx';
import { ProposalReview } from '../proposals/proposal-page.tsx';
import { RevisionEvidence } from '../voice/revision-evidence.tsx';
import { useProcessLabels } from './process-labels.ts';

type Tab = 'role' | 'mine' | 'overdue';
const FILTERS: Record<Tab, Record<string, boolean>> = { role: { role: true }, mine: { mine: true }, overdue: { role: true, overdue: true } };

function TaskDetail({ task, onDone }: { task: Task; onDone(message: string): void }) {
  const { t, dateTime, term } = useI18n();
  const { user } = useSession();
  const [value, setValue] = useState<FormValue>({});
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState(task);
  useEffect(() => {
    setCurrent(task);
    setValue({});
    setProblems({});
    setError(null);
  }, [task]);
  const labels = useProcessLabels([current.instance]);
  const process = labels.get(`${current.instance.key}@${current.instance.version}`);
  const overdue = current.dueAt && new Date(current.dueAt) < new Date();
  const claimedByOther = current.claimedBy && current.claimedBy !== user?.username;
  const form = useMemo(() => formSchemaOf(current.form), [current.form]);

  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      setCurrent(expect((await request(CLAIM, { id: current.id })).claimTask, 'WorkflowTask'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = form ? formProblems(form, value, t) : {};
    setProblems(Object.fromEntries(Object.entries(local).map(([k, m]) => [k, [m]])));
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      expect((await request(COMPLETE, { id: current.id, data: formData(value) })).completeTask, 'WorkflowTask');
      onDone(t('tasks.completed', { name: current.name }));
    } catch (err) {
      const fields = serverProblems(err, t);
      if (fields) setProblems(fields);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card task-detail" onSubmit={submit} aria-labelledby="task-title" data-testid="task-detail">
      <h2 id="task-title">{current.name}</h2>
      <p className="muted small">
        <Link to={`/instances/${current.instance.id}`}>{process?.name ?? t('state.loading')} #{current.instance.id}</Link>
        {current.finding ? <> · <Link to={`/findings/${current.finding.id}`} data-testid="task-finding">{t('inbox.openFinding')}</Link> · {current.finding.project.name} <Badge value={current.finding.severity} prefix="severity" /></> : current.instance.businessKey ? ` · ${current.instance.businessKey}` : ''} · {term('role', current.candidateRole)}
        {current.dueAt ? <> · <span className={overdue ? 'text-danger' : undefined}>{t('tasks.dueAt', { at: dateTime(current.dueAt) })}</span></> : null}
      </p>
      {current.instance.key === 'innovation-fund' ? <ProposalReview id={current.instance.id} /> : <ProcessFacts values={current.instance.variables} labels={[...labels.values()]} className="facts context" />}
      {current.instance.key === 'standard-revision' ? <RevisionEvidence instanceId={current.instance.id} /> : null}
      {current.claimedBy ? <p className="small">{t('tasks.claimedBy', { who: current.claimedBy })}</p> : (
        <button type="button" className="btn btn-small" onClick={claim} disabled={busy}>{t('tasks.claim')}</button>
      )}
      {form ? (
        <SchemaForm
          schema={form}
          value={value}
          onField={(key, v) => {
            // a field's problems go once the user changes it
            setProblems(({ [key]: _gone, ...rest }) => rest);
            setValue((prev) => ({ ...prev, [key]: v }));
          }}
          problems={problems}
          disabled={busy || !!claimedByOther}
        />
      ) : <p className="muted">{t('tasks.noForm')}</p>}
      <ErrorNotice error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy || !!claimedByOther} data-testid="complete-task">{t('tasks.complete')}</button>
    </form>
  );
}

/** The task inbox: open tasks of my roles, mine, or overdue; a task's form is generated from its JSON Schema. */
export function TasksPage() {
  const { t, dateTime, term } = useI18n();
  const { query } = useLocation();
  const tab = (query.get('tab') ?? 'role') as Tab;
  const selectedId = Number(query.get('task') ?? 0);
  const [notice, setNotice] = useState<string | null>(null);
  const trail = usePageTrail();
  const projects = useProjects();
  const narrow = { project: query.get('project'), severity: query.get('severity'), step: query.get('step'), sort: query.get('sort') };
  const state = useQuery(async () => {
    const data = await request(LIST, {
      ...(FILTERS[tab] ?? FILTERS.role), projectId: narrow.project ? Number(narrow.project) : null, severity: narrow.severity, step: narrow.step, sort: narrow.sort, first: PAGE, after: trail.after,
    });
    return expect(data.tasks, 'WorkflowTaskConnection');
  }, [tab, trail.after, narrow.project, narrow.severity, narrow.step, narrow.sort]);
  // the steps to narrow to: those of the tasks in view, and the one chosen
  const [steps, setSteps] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (state.data) setSteps((known) => new Map([...known, ...state.data!.nodes.map((x) => [x.elementId, x.name] as const)]));
  }, [state.data]);
  const narrowTo = (name: string, value: string) => setQuery({ [name]: value || null, task: null, [PAGES_PARAM]: null }, { replace: false });
  const selected = state.data?.nodes.find((x) => x.id === selectedId) ?? null;
  const processes = useProcessLabels(state.data?.nodes.map((x) => x.instance) ?? []);
  // a task opens on the page of the list it was picked from
  const taskLink = (id: number) => {
    const params = new URLSearchParams(query);
    params.set('tab', tab);
    params.set('task', String(id));
    return `/tasks?${params}`;
  };
  return (
    <div className="page">
      <h1>{t('tasks.title')}</h1>
      <div role="group" className="tabs" aria-label={t('tasks.filters')}>
        {(['role', 'mine', 'overdue'] as const).map((x) => (
          <button key={x} type="button" aria-pressed={tab === x} className={tab === x ? 'active' : undefined} onClick={() => setQuery({ tab: x, task: null, [PAGES_PARAM]: null })}>{term('tasks.tab', x)}</button>
        ))}
      </div>
      <div className="filters" role="group" aria-label={t('tasks.filters')}>
        <label className="field inline-field">
          <span>{t('inbox.project')}</span>
          <select value={narrow.project ?? ''} data-testid="inbox-project" onChange={(e) => narrowTo('project', e.target.value)}>
            <option value="">{t('findings.allProjects')}</option>
            {projects?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="field inline-field">
          <span>{t('inbox.severity')}</span>
          <select value={narrow.severity ?? ''} data-testid="inbox-severity" onChange={(e) => narrowTo('severity', e.target.value)}>
            <option value="">{t('findings.allSeverities')}</option>
            {(['critical', 'major', 'minor'] as const).map((v) => <option key={v} value={v}>{term('severity', v)}</option>)}
          </select>
        </label>
        <label className="field inline-field">
          <span>{t('inbox.step')}</span>
          <select value={narrow.step ?? ''} data-testid="inbox-step" onChange={(e) => narrowTo('step', e.target.value)}>
            <option value="">{t('inbox.allSteps')}</option>
            {[...steps].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <label className="field inline-field">
          <span>{t('inbox.sort')}</span>
          <select value={narrow.sort ?? 'due'} data-testid="inbox-sort" onChange={(e) => narrowTo('sort', e.target.value === 'due' ? '' : e.target.value)}>
            {(['due', 'newest'] as const).map((v) => <option key={v} value={v}>{t(`inbox.sort.${v}`)}</option>)}
          </select>
        </label>
      </div>
      {notice ? <div className="notice notice-ok" role="status" data-testid="task-notice">{notice}</div> : null}
      <div className="inbox">
        <QueryView state={state} empty={(list) => (list.totalCount === 0 ? <Empty>{t('tasks.none')}</Empty> : null)}>
          {(list) => (
            <div>
              <ul className="task-list" data-testid="task-list">
                {list.nodes.map((task) => {
                  const overdue = task.dueAt && new Date(task.dueAt) < new Date();
                  return (
                    <li key={task.id} className={task.id === selectedId ? 'selected' : undefined}>
                      <Link to={taskLink(task.id)} aria-current={task.id === selectedId ? 'true' : undefined} data-testid={`task-${task.elementId}`}>
                        <strong>{task.name}</strong>
                        {task.finding ? (
                          <span className="small inbox-meta" data-testid="task-finding-facts">
                            <span>{task.finding.title}</span> · <span>{task.finding.project.name}{task.finding.place ? ` · ${task.finding.place.name}` : ''}</span> <Badge value={task.finding.severity} prefix="severity" />
                          </span>
                        ) : <span className="small muted">{String(member(task.instance.variables, 'title') ?? `${processes.get(`${task.instance.key}@${task.instance.version}`)?.name ?? t('state.loading')} #${task.instance.id}`)}</span>}
                        <span className="small">
                          {task.dueAt ? <span className={overdue ? 'text-danger' : undefined}>{overdue ? t('tasks.overdue') : t('tasks.due')} {dateTime(task.dueAt)}</span> : t('tasks.noDue')}
                          {task.claimedBy ? <> · <Badge value="claimed" prefix="task" /></> : null}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
              <Pager trail={trail} pageSize={PAGE} count={list.nodes.length} total={list.totalCount} pageInfo={list.pageInfo} />
            </div>
          )}
        </QueryView>
        <div className="inbox-detail">
          {selected ? <TaskDetail task={selected} onDone={(m) => { setNotice(m); setQuery({ task: null }); state.reload(); }} /> : <Empty>{selectedId && state.data ? t('tasks.notInList', { id: selectedId }) : t('tasks.pick')}</Empty>}
        </div>
      </div>
    </div>
  );
}
