import { useState } from 'react';
import { Empty, QueryView } from '../../components/status.tsx';
import { Photo } from '../../components/photo.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { useQuery } from '../../lib/use-query.ts';
import { CoachingForm } from './coaching-form.tsx';

const LIST = graphql(`
  query CoachingList($projectId: Int, $code: String, $first: Int, $after: String) {
    coachings(projectId: $projectId, code: $code, first: $first, after: $after) { __typename ...ErrorFields
      ... on CoachingConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id code version coachedOn coach notes photos people project { code name } } }
    }
  }
`, [ErrorFields]);

const PAGE = 20;

/** On-site coaching (现场指导): visits at the reader's projects by project and work instruction, newest first; recording one with photos. */
export function CoachingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const projects = useProjects();
  const { query } = useLocation();
  const projectId = query.get('projectId') ? Number(query.get('projectId')) : null;
  const code = query.get('code') || null;
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const key = `${projectId}|${code}`;
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1];
  const state = useQuery(async () => expect((await request(LIST, { projectId, code, first: PAGE, after })).coachings, 'CoachingConnection'), [key, after], { keepPrevious: true });
  const [codeText, setCodeText] = useState(code ?? '');
  return (
    <div className="page">
      <header className="page-head"><h1>{t('coaching.title')}</h1></header>
      <p className="muted">{t('coaching.intro')}</p>
      {can('recordCoaching') ? <CoachingForm projects={projects ?? []} onRecorded={() => state.reload()} /> : null}
      <section className="card">
        <h2>{t('coaching.list')}</h2>
        <form className="field-row" onSubmit={(e) => { e.preventDefault(); setQuery({ code: codeText.trim() || null }); }}>
          <label className="field"><span>{t('coaching.project')}</span>
            <select value={projectId ?? ''} onChange={(e) => setQuery({ projectId: e.target.value || null })} data-testid="coaching-filter-project">
              <option value="">{t('coaching.allProjects')}</option>
              {(projects ?? []).map((p) => <option key={p.id} value={p.id}>{p.code} {p.name}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('coaching.code')}</span><input type="search" value={codeText} onChange={(e) => setCodeText(e.target.value)} data-testid="coaching-filter-code" /></label>
        </form>
        <QueryView state={state} empty={(d) => (d.nodes.length === 0 ? <Empty>{t('coaching.none')}</Empty> : null)}>
          {(d) => (
            <>
              <p className="muted small" data-testid="coaching-total">{t('coaching.total', { count: d.totalCount })}</p>
              <ul className="stack" data-testid="coaching-list">
                {d.nodes.map((c) => (
                  <li key={c.id} className="card" data-testid="coaching-row">
                    <p><strong>{c.project.code} {c.project.name}</strong> · {c.code} v{c.version} · {c.coachedOn} · {t('coaching.by', { coach: c.coach })}</p>
                    <p>{c.notes}</p>
                    {c.people.length > 0 ? <p className="muted small">{t('coaching.coached', { people: c.people.join('、') })}</p> : null}
                    {c.photos.length > 0 ? <div className="field-row">{c.photos.map((p) => <Photo key={p} sha256={p} alt={c.code} />)}</div> : null}
                  </li>
                ))}
              </ul>
              <div className="field-row">
                {cursors.length > 1 ? <button type="button" className="btn" onClick={() => setCursors([null])}>{t('coaching.first')}</button> : null}
                {d.pageInfo.hasNextPage ? <button type="button" className="btn" onClick={() => setCursors([...cursors, d.pageInfo.endCursor])}>{t('coaching.next')}</button> : null}
              </div>
            </>
          )}
        </QueryView>
      </section>
    </div>
  );
}
