import { useState } from 'react';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { NumberField, SelectField } from '../../components/fields.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const WAVE = graphql(`
  query SurveyWavePage($id: Int!) {
    surveyWave(id: $id) { __typename ...ErrorFields ... on SurveyWave { id name opensOn closesOn version { version } questionnaire { code title }
      projects { project { id code name } links responses } } }
  }
`, [ErrorFields]);

const GENERATE = graphql(`
  mutation GenerateSurveyLinks($waveId: Int!, $projectId: Int!, $count: Int!) {
    generateSurveyLinks(waveId: $waveId, projectId: $projectId, count: $count) { __typename ...ErrorFields ... on SurveyLinks { csv tokens project { code name } } }
  }
`, [ErrorFields]);

/** Offers text as a file download (the links exist nowhere else once this page is left). */
export function saveCsv(csv: string, name: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** One wave: its pinned version, links and responses per project, link generation, and the way to its results. */
export function WavePage({ id }: { id: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const projects = useProjects();
  const state = useQuery(async () => expect((await request(WAVE, { id })).surveyWave, 'SurveyWave'), [id]);
  const [projectId, setProjectId] = useState('');
  const [count, setCount] = useState<number | undefined>(50);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ csv: string; count: number; project: { code: string; name: string } } | null>(null);
  const generate = async () => {
    setError(null);
    try {
      const links = expect((await request(GENERATE, { waveId: id, projectId: Number(projectId), count: count ?? 0 })).generateSurveyLinks, 'SurveyLinks');
      setMade({ csv: links.csv, count: links.tokens.length, project: links.project });
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="page" data-testid="wave-page">
      <p><Link to="/surveys">{t('surveys.title')}</Link></p>
      <QueryView state={state}>
        {(w) => (
          <>
            <h1>{w.name}</h1>
            <p className="muted">{w.questionnaire.title} v{w.version.version} · {w.opensOn} – {w.closesOn}</p>
            <p><Link to={`/surveys/waves/${w.id}/results`} data-testid="wave-results">{t('surveys.results')}</Link></p>
            <div className="table-wrap"><table data-testid="wave-projects">
              <thead><tr><th>{t('surveys.project')}</th><th>{t('surveys.links')}</th><th>{t('surveys.responses')}</th></tr></thead>
              <tbody>{w.projects.map((p) => <tr key={p.project.id}><td>{p.project.code} {p.project.name}</td><td>{p.links}</td><td>{p.responses}</td></tr>)}</tbody>
            </table></div>
            {can('manageSurveys') ? (
              <form className="card" onSubmit={(e) => { e.preventDefault(); void generate(); }}>
                <h2>{t('surveys.generate')}</h2>
                <SelectField label={t('surveys.project')} value={projectId} onChange={setProjectId} options={[{ value: '', label: '—' }, ...(projects ?? []).map((p) => ({ value: String(p.id), label: `${p.code} ${p.name}` }))]} testId="links-project" />
                <NumberField label={t('surveys.count')} value={count} integer min={1} onChange={setCount} testId="links-count" />
                <button type="submit" className="btn btn-primary" data-testid="links-generate">{t('surveys.generate')}</button>
              </form>
            ) : null}
            {error ? <ErrorNotice error={error} /> : null}
            {made ? (
              <div className="notice notice-ok" role="status" data-testid="links-made">
                <p>{t('surveys.generated', { count: made.count, project: `${made.project.code} ${made.project.name}` })}</p>
                <button type="button" className="btn" onClick={() => saveCsv(made.csv, `survey-${w.id}-${made.project.code}.csv`)}>{t('surveys.downloadCsv')}</button>
                <textarea className="survey-csv" readOnly rows={6} value={made.csv} data-testid="links-csv" />
              </div>
            ) : null}
          </>
        )}
      </QueryView>
    </div>
  );
}
