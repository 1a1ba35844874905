import { useState, type FormEvent } from 'react';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { download, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { ChecklistFields, ChecklistItems } from './checklist-items.tsx';

const CHECKLIST = graphql(`
  query Checklist($projectId: Int!, $tier: Tier!, $scope: String, $date: String, $edition: String) {
    checklist(projectId: $projectId, tier: $tier, scope: $scope, date: $date, edition: $edition) { __typename ...ErrorFields ...ChecklistFields } }
`, [ErrorFields, ChecklistFields]);

/** Today in China Standard Time, as YYYY-MM-DD (the server's calendar). */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const TIERS = ['daily', 'monthly', 'quarterly'] as const;

/**
 * Checklist preview: the checklist a project gets for a tier and a date, exactly as the phone
 * receives it (the same request gives the same checklist id), with a print view and the .xlsx.
 */
export function ChecklistsPage() {
  const { t, term } = useI18n();
  const { query } = useLocation();
  const projects = useProjects();
  const projectId = query.get('projectId') ?? '';
  const tier = (query.get('tier') ?? 'daily') as (typeof TIERS)[number];
  const date = query.get('date') ?? todayInChina();
  const scope = query.get('scope') ?? '';
  const [form, setForm] = useState({ projectId, tier, date, scope });
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const state = useQuery(async () => {
    if (!projectId) return null;
    const data = await request(CHECKLIST, { projectId: Number(projectId), tier, date, scope: scope || null });
    return expect(data.checklist, 'Checklist');
  }, [projectId, tier, date, scope]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ projectId: form.projectId, tier: form.tier, date: form.date, scope: form.scope.trim() }, { replace: false });
  };

  return (
    <div className="page">
      <h1>{t('checklists.title')}</h1>
      <form className="card filter-form" onSubmit={submit} aria-label={t('checklists.formLabel')}>
        <label className="field">
          <span>{t('checklists.project')}</span>
          <select value={form.projectId} onChange={(e) => setForm({ ...form, projectId: e.target.value })} required data-testid="checklist-project">
            <option value="">{t('checklists.chooseProject')}</option>
            {projects?.map((p) => <option key={p.id} value={p.id}>{p.name}{p.profile === 'platinum' ? ` · ${t('checklists.platinum')}` : ''}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('checklists.tier')}</span>
          <select value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value as typeof tier })} data-testid="checklist-tier">
            {TIERS.map((x) => <option key={x} value={x}>{term('tier', x)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('checklists.date')}</span>
          <input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} required />
        </label>
        <label className="field">
          <span>{t('checklists.scope')}</span>
          <input value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value })} placeholder="M03 / M03.P01 / M03.P01.W002" />
        </label>
        <button type="submit" className="btn btn-primary align-end" disabled={!form.projectId} data-testid="checklist-preview">{t('checklists.preview')}</button>
      </form>

      {!projectId ? <p className="muted">{t('checklists.pickFirst')}</p> : state.loading && !state.data ? <Loading /> : state.error ? <ErrorNotice error={state.error} /> : state.data ? (
        <section className="checklist" data-testid="checklist">
          <header className="page-head">
            <div>
              <h2>{state.data.project.name} · {term('tier', state.data.tier)}</h2>
              <p className="muted">
                {t('checklists.meta', { edition: state.data.edition, count: state.data.itemCount, scope: state.data.scope || t('checklists.allModules') })}
                {state.data.period ? ` · ${t('checklists.period', { period: state.data.period })}` : ''}
                {state.data.variantProfile ? ` · ${t('checklists.variant', { profile: term('profile', state.data.variantProfile), version: state.data.variantVersion ?? '' })}` : ''}
              </p>
              <p className="small muted">{t('checklists.id')} <code>{state.data.id}</code></p>
            </div>
            <div className="button-row">
              <Link className="btn" to={`/checklists/${state.data.id}/print`} data-testid="print-view">{t('checklists.print')}</Link>
              <button type="button" className="btn" onClick={() => download(`/checklists/${state.data!.id}.xlsx`, `checklist-${state.data!.id.slice(0, 12)}.xlsx`).catch(setDownloadError)} data-testid="download-xlsx">{t('checklists.xlsx')}</button>
            </div>
          </header>
          <ErrorNotice error={downloadError} />
          <ChecklistItems checklist={state.data} />
        </section>
      ) : null}
    </div>
  );
}
