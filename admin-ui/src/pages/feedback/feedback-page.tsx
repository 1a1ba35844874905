import { useState } from 'react';
import { Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { useQuery } from '../../lib/use-query.ts';
import { PROBLEM_TYPES, PRIORITIES } from '../../../../domain/voice/analysis/types.ts';
import { CHANNELS } from '../../../../domain/voice/channels.ts';
import { RecordForm } from './record-form.tsx';
import { ImportForm } from './import-form.tsx';
import { Clusters } from './clusters.tsx';

const LIST = graphql(`
  query FeedbackList($filter: FeedbackFilter, $first: Int, $after: String) {
    feedback(filter: $filter, first: $first, after: $after) { __typename ...ErrorFields
      ... on FeedbackConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id receivedAt channel text priority problemTypeName project { code name } } }
    }
  }
`, [ErrorFields]);

const PAGE = 20;
export const PRIORITY_BADGE: Record<string, string> = { P1: 'badge-danger', P2: 'badge-warn', P3: 'badge-review', P4: 'badge-ok' };
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The customer's voice (客户之声): feedback of the reader's projects, filtered and paged, newest
 * first; recording an item and importing a call centre's export for those who may; and the
 * problem types rising over the period.
 */
export function FeedbackPage() {
  const { t, lang, dateTime } = useI18n();
  const { can } = useSession();
  const projects = useProjects();
  const { query } = useLocation();
  const get = (name: string) => query.get(name) || null;
  const to = get('to') ?? chinaToday();
  const from = get('from') ?? daysBefore(to, 29);
  const filter = { projectId: get('projectId') ? Number(get('projectId')) : null, problemType: get('problemType'), priority: get('priority'), channel: get('channel'), search: get('search'), from, to };
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const key = JSON.stringify(filter);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1];
  const state = useQuery(async () => expect((await request(LIST, { filter, first: PAGE, after })).feedback, 'FeedbackConnection'), [key, after], { keepPrevious: true });
  const [search, setSearch] = useState(filter.search ?? '');

  return (
    <div className="page">
      <header className="page-head"><h1>{t('feedback.title')}</h1></header>
      <p className="muted">{t('feedback.intro')}</p>
      {can('recordFeedback') ? <RecordForm projects={projects ?? []} onRecorded={() => state.reload()} /> : null}
      {can('importFeedback') ? <ImportForm onImported={() => state.reload()} /> : null}
      <Clusters from={from} to={to} projects={projects ?? []} />
      <section className="card">
        <h2>{t('feedback.list')}</h2>
        <form className="field-row" onSubmit={(e) => { e.preventDefault(); setQuery({ search: search || null }); }} data-testid="feedback-filters">
          <label className="field"><span>{t('feedback.project')}</span>
            <select value={filter.projectId ?? ''} onChange={(e) => setQuery({ projectId: e.target.value || null })} data-testid="feedback-project">
              <option value="">{t('feedback.allProjects')}</option>
              {(projects ?? []).map((p) => <option key={p.id} value={p.id}>{p.code} {p.name}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('feedback.problemType')}</span>
            <select value={filter.problemType ?? ''} onChange={(e) => setQuery({ problemType: e.target.value || null })} data-testid="feedback-type">
              <option value="">{t('feedback.allTypes')}</option>
              {Object.entries(PROBLEM_TYPES).map(([code, names]) => <option key={code} value={code}>{lang === 'en' ? names.en : names.zh}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('feedback.priority')}</span>
            <select value={filter.priority ?? ''} onChange={(e) => setQuery({ priority: e.target.value || null })} data-testid="feedback-priority">
              <option value="">{t('feedback.allPriorities')}</option>
              {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('feedback.channel')}</span>
            <select value={filter.channel ?? ''} onChange={(e) => setQuery({ channel: e.target.value || null })}>
              <option value="">{t('feedback.allChannels')}</option>
              {CHANNELS.map((c) => <option key={c} value={c}>{t(`feedback.channel.${c}`)}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('feedback.from')}</span><input type="date" value={from} onChange={(e) => setQuery({ from: e.target.value || null })} data-testid="feedback-from" /></label>
          <label className="field"><span>{t('feedback.to')}</span><input type="date" value={to} onChange={(e) => setQuery({ to: e.target.value || null })} data-testid="feedback-to" /></label>
          <label className="field"><span>{t('feedback.search')}</span><input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="feedback-search" /></label>
        </form>
        <QueryView state={state} empty={(d) => (d.nodes.length === 0 ? <Empty>{t('feedback.none')}</Empty> : null)}>
          {(d) => (
            <>
              <p className="muted small" data-testid="feedback-total">{t('feedback.total', { count: d.totalCount })}</p>
              <div className="table-wrap">
                <table data-testid="feedback-table">
                  <thead><tr><th scope="col">{t('feedback.receivedAt')}</th><th scope="col">{t('feedback.project')}</th><th scope="col">{t('feedback.channel')}</th><th scope="col">{t('feedback.problemType')}</th><th scope="col">{t('feedback.priority')}</th><th scope="col">{t('feedback.text')}</th></tr></thead>
                  <tbody>
                    {d.nodes.map((f) => (
                      <tr key={f.id} data-testid="feedback-row">
                        <td>{dateTime(f.receivedAt)}</td>
                        <td>{f.project.code} {f.project.name}</td>
                        <td>{t(`feedback.channel.${f.channel}` as 'feedback.channel.other')}</td>
                        <td>{f.problemTypeName ?? <span className="muted">{t('feedback.unclassified')}</span>}</td>
                        <td><span className={`badge ${PRIORITY_BADGE[f.priority] ?? ''}`}>{f.priority}</span></td>
                        <td><Link to={`/feedback/${f.id}`}>{f.text.length > 60 ? `${f.text.slice(0, 60)}…` : f.text}</Link></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="field-row">
                {cursors.length > 1 ? <button type="button" className="btn" onClick={() => setCursors([null])}>{t('feedback.first')}</button> : null}
                {d.pageInfo.hasNextPage ? <button type="button" className="btn" onClick={() => setCursors([...cursors, d.pageInfo.endCursor])} data-testid="feedback-next">{t('feedback.next')}</button> : null}
              </div>
            </>
          )}
        </QueryView>
      </section>
    </div>
  );
}
