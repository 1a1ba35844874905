import { useEffect, useState, type FormEvent } from 'react';
import { formProblems, SchemaForm, type FormSchema, type FormValue } from '../../components/schema-form.tsx';
import { Badge, Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ApiError, ERROR_FIELDS, expect, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { ProcessFacts } from './process-facts.tsx';
import { useProcessLabels } from './process-labels.ts';

interface Task {
  id: number;
  elementId: string;
  name: string;
  candidateRole: string;
  assignee: string | null;
  status: string;
  dueAt: string | null;
  createdAt: string;
  claimedBy: string | null;
  form: FormSchema | null;
  instance: { id: number; key: string; version: number; businessKey: string | null; variables: Record<string, unknown> };
}

const FIELDS = 'id elementId name candidateRole assignee status dueAt createdAt claimedBy form instance { id key version businessKey variables }';
const LIST = `query ($mine: Boolean, $role: Boolean, $overdue: Boolean) { tasks(mine: $mine, role: $role, overdue: $overdue) { ${FIELDS} } }`;
const CLAIM = `mutation ($id: Int!) { claimTask(id: $id) { ${ERROR_FIELDS} ... on WorkflowTask { ${FIELDS} } } }`;
const COMPLETE = `mutation ($id: Int!, $data: JSON) { completeTask(id: $id, data: $data) { ${ERROR_FIELDS} ... on WorkflowTask { id status instance { id states status } } } }`;

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

  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      setCurrent(expect<Task & { __typename: 'WorkflowTask' }>((await request<{ claimTask: { __typename: string } }>(CLAIM, { id: current.id })).claimTask, 'WorkflowTask'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = current.form ? formProblems(current.form, value, t) : {};
    setProblems(Object.fromEntries(Object.entries(local).map(([k, m]) => [k, [m]])));
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      expect((await request<{ completeTask: { __typename: string } }>(COMPLETE, { id: current.id, data: value })).completeTask, 'WorkflowTask');
      onDone(t('tasks.completed', { name: current.name }));
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const byField: Record<string, string[]> = {};
        for (const issue of err.issues) {
          const key = issue.pointer.split('/')[1] ?? '';
          // a missing field is marked on the field itself, without repeating its key
          byField[key] = [...(byField[key] ?? []), issue.code === 'ajv.required' ? t('form.required') : issue.message];
        }
        setProblems(byField);
      }
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
        {current.instance.businessKey ? ` · ${current.instance.businessKey}` : ''} · {term('role', current.candidateRole)}
        {current.dueAt ? <> · <span className={overdue ? 'text-danger' : undefined}>{t('tasks.dueAt', { at: dateTime(current.dueAt) })}</span></> : null}
      </p>
      <ProcessFacts values={current.instance.variables} labels={[...labels.values()]} className="facts context" />
      {current.claimedBy ? <p className="small">{t('tasks.claimedBy', { who: current.claimedBy })}</p> : (
        <button type="button" className="btn btn-small" onClick={claim} disabled={busy}>{t('tasks.claim')}</button>
      )}
      {current.form ? (
        <SchemaForm
          schema={current.form}
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
  const state = useQuery(async () => (await request<{ tasks: Task[] }>(LIST, FILTERS[tab] ?? FILTERS.role)).tasks, [tab]);
  const selected = state.data?.find((x) => x.id === selectedId) ?? null;
  const processes = useProcessLabels(state.data?.map((x) => x.instance) ?? []);
  return (
    <div className="page">
      <h1>{t('tasks.title')}</h1>
      <div role="group" className="tabs" aria-label={t('tasks.filters')}>
        {(['role', 'mine', 'overdue'] as const).map((x) => (
          <button key={x} type="button" aria-pressed={tab === x} className={tab === x ? 'active' : undefined} onClick={() => setQuery({ tab: x, task: null })}>{term('tasks.tab', x)}</button>
        ))}
      </div>
      {notice ? <div className="notice notice-ok" role="status" data-testid="task-notice">{notice}</div> : null}
      <div className="inbox">
        <QueryView state={state} empty={(list) => (list.length === 0 ? <Empty>{t('tasks.none')}</Empty> : null)}>
          {(list) => (
            <ul className="task-list" data-testid="task-list">
              {list.map((task) => {
                const overdue = task.dueAt && new Date(task.dueAt) < new Date();
                return (
                  <li key={task.id} className={task.id === selectedId ? 'selected' : undefined}>
                    <Link to={`/tasks?tab=${tab}&task=${task.id}`} aria-current={task.id === selectedId ? 'true' : undefined} data-testid={`task-${task.elementId}`}>
                      <strong>{task.name}</strong>
                      <span className="small muted">{String(task.instance.variables.title ?? task.instance.businessKey ?? `${processes.get(`${task.instance.key}@${task.instance.version}`)?.name ?? t('state.loading')} #${task.instance.id}`)}</span>
                      <span className="small">
                        {task.dueAt ? <span className={overdue ? 'text-danger' : undefined}>{overdue ? t('tasks.overdue') : t('tasks.due')} {dateTime(task.dueAt)}</span> : t('tasks.noDue')}
                        {task.claimedBy ? <> · <Badge value="claimed" prefix="task" /></> : null}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </QueryView>
        <div className="inbox-detail">
          {selected ? <TaskDetail task={selected} onDone={(m) => { setNotice(m); setQuery({ task: null }); state.reload(); }} /> : <Empty>{selectedId && state.data ? t('tasks.notInList', { id: selectedId }) : t('tasks.pick')}</Empty>}
        </div>
      </div>
    </div>
  );
}
