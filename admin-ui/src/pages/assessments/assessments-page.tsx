import { useState } from 'react';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { useQuery } from '../../lib/use-query.ts';
import { saveCsv } from '../surveys/wave-page.tsx';

const LIST = graphql(`
  query Assessments {
    inspections(tiers: [scenario, mystery], first: 100) { __typename ...ErrorFields ... on InspectionConnection { nodes { id tier inspectedOn inspector score executionRate findingCount project { code name } } } }
    mysteryLinks { __typename ...ErrorFields ... on QueryMysteryLinksSuccess { data { id expiresOn createdBy usedAt project { code name } inspection { id score findingCount } } } }
    routine: executionRates(groupBy: kind, kind: routine) { key rate inspections }
    scenario: executionRates(groupBy: kind, kind: scenario) { key rate inspections }
    mystery: executionRates(groupBy: kind, kind: mystery) { key rate inspections }
    combined: executionRates(groupBy: project, kind: routineAndMystery) { applicable passed inspections }
  }
`, [ErrorFields]);

const ISSUE = graphql(`
  mutation IssueMysteryLinks($projectId: Int!, $count: Int!, $expiresOn: String!) {
    issueMysteryLinks(projectId: $projectId, count: $count, expiresOn: $expiresOn) { __typename ...ErrorFields ... on MysteryLinks { csv urls expiresOn project { code name } } }
  }
`, [ErrorFields]);

const inDays = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Scenario assessments and mystery-customer audits: links issued (with their CSV), the rates per kind, and the results. */
export function AssessmentsPage() {
  const { t, term } = useI18n();
  const projects = useProjects();
  const state = useQuery(() => request(LIST), []);
  const [projectId, setProjectId] = useState('');
  const [count, setCount] = useState<number | undefined>(5);
  const [expiresOn, setExpiresOn] = useState(inDays(14));
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ csv: string; urls: string[]; expiresOn: string; code: string } | null>(null);
  const issue = async () => {
    setError(null);
    try {
      const links = expect((await request(ISSUE, { projectId: Number(projectId), count: count ?? 0, expiresOn })).issueMysteryLinks, 'MysteryLinks');
      setMade({ csv: links.csv, urls: links.urls, expiresOn: links.expiresOn, code: links.project.code });
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  const today = inDays(0);
  return (
    <div className="page" data-testid="assessments-page">
      <h1>{t('assess.title')}</h1>
      <p className="muted">{t('assess.intro')}</p>
      <form className="card" onSubmit={(e) => { e.preventDefault(); void issue(); }}>
        <h2>{t('assess.issue')}</h2>
        <SelectField label={t('assess.project')} value={projectId} onChange={setProjectId} options={[{ value: '', label: '—' }, ...(projects ?? []).map((p) => ({ value: String(p.id), label: `${p.code} ${p.name}` }))]} testId="mystery-project" />
        <NumberField label={t('assess.count')} value={count} integer min={1} onChange={setCount} testId="mystery-count" />
        <TextField label={t('assess.expiresOn')} value={expiresOn} onChange={setExpiresOn} testId="mystery-expires" />
        <button type="submit" className="btn btn-primary" data-testid="mystery-issue">{t('assess.issueButton')}</button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {made ? (
        <div className="notice notice-ok" role="status" data-testid="mystery-issued">
          <p>{t('assess.issued', { count: made.urls.length, date: made.expiresOn })}</p>
          <button type="button" className="btn" onClick={() => saveCsv(made.csv, `mystery-${made.code}-${made.expiresOn}.csv`)}>{t('assess.downloadCsv')}</button>
          <ul data-testid="mystery-urls">{made.urls.map((u) => <li key={u}><a href={u}>{u}</a></li>)}</ul>
        </div>
      ) : null}
      <QueryView state={state}>
        {(data) => {
          const combined = data.combined.reduce((s, r) => ({ applicable: s.applicable + r.applicable, passed: s.passed + r.passed, inspections: s.inspections + r.inspections }), { applicable: 0, passed: 0, inspections: 0 });
          const kinds = [['routine', data.routine[0]], ['scenario', data.scenario[0]], ['mystery', data.mystery[0]]] as const;
          const inspections = data.inspections.__typename === 'InspectionConnection' ? data.inspections.nodes : [];
          const links = data.mysteryLinks.__typename === 'QueryMysteryLinksSuccess' ? data.mysteryLinks.data : [];
          return (
            <>
              <h2>{t('assess.rates')}</h2>
              <div className="table-wrap"><table data-testid="assessment-rates">
                <thead><tr><th scope="col">{t('assess.col.kind')}</th><th scope="col">{t('assess.col.rate')}</th><th scope="col">{t('assess.col.inspections')}</th></tr></thead>
                <tbody>
                  {kinds.map(([kind, row]) => <tr key={kind} data-kind={kind}><th>{t(`assess.kind.${kind}`)}</th><td>{percent(row?.rate)}</td><td>{row?.inspections ?? 0}</td></tr>)}
                  <tr data-kind="routineAndMystery"><th>{t('assess.kind.routineAndMystery')}</th><td>{combined.applicable ? percent(combined.passed / combined.applicable) : '—'}</td><td>{combined.inspections}</td></tr>
                </tbody>
              </table></div>
              <h2>{t('assess.list')}</h2>
              {inspections.length === 0 ? <p className="muted">{t('assess.none')}</p> : (
                <div className="table-wrap"><table data-testid="assessment-list">
                  <thead><tr><th>{t('assess.col.date')}</th><th>{t('assess.col.kind')}</th><th>{t('assess.col.project')}</th><th>{t('assess.col.inspector')}</th><th>{t('assess.col.score')}</th><th>{t('assess.col.rate')}</th><th>{t('assess.col.findings')}</th></tr></thead>
                  <tbody>{inspections.map((i) => (
                    <tr key={i.id}><td>{i.inspectedOn}</td><td>{term('tier', i.tier)}</td><td>{i.project.code} {i.project.name}</td><td>{i.inspector}</td><td>{i.score == null ? '—' : i.score.toFixed(1)}</td><td>{percent(i.executionRate)}</td><td>{i.findingCount}</td></tr>
                  ))}</tbody>
                </table></div>
              )}
              <h2>{t('assess.links')}</h2>
              <div className="table-wrap"><table data-testid="mystery-links">
                <thead><tr><th>{t('assess.col.link')}</th><th>{t('assess.col.project')}</th><th>{t('assess.expiresOn')}</th><th>{t('assess.col.state')}</th><th>{t('assess.col.score')}</th><th>{t('assess.col.findings')}</th></tr></thead>
                <tbody>{links.map((l) => (
                  <tr key={l.id}><td>#{l.id}</td><td>{l.project.code} {l.project.name}</td><td>{l.expiresOn}</td>
                    <td>{t(l.usedAt ? 'assess.state.used' : l.expiresOn < today ? 'assess.state.expired' : 'assess.state.open')}</td>
                    <td>{l.inspection?.score == null ? '—' : l.inspection.score.toFixed(1)}</td><td>{l.inspection?.findingCount ?? '—'}</td></tr>
                ))}</tbody>
              </table></div>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
