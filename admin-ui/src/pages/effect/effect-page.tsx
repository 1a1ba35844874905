import { useState, type FormEvent } from 'react';
import { Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { BeforeAfterBars, WeeklySeries } from './effect-charts.tsx';

const QUERY = graphql(`
  query EffectPage($code: String, $projectId: Int, $tier: String, $before: EffectWindowInput, $after: EffectWindowInput, $trainingId: Int, $days: Int) {
    effect: trainingEffect(code: $code, projectId: $projectId, tier: $tier, before: $before, after: $after, trainingId: $trainingId, days: $days) {
      __typename ...ErrorFields
      ... on TrainingEffect {
        code trainingTitle before { from to } after { from to }
        rows { projectCode projectName code level changePoints z significant before { applicable passed inspections rate low high smallSample } after { applicable passed inspections rate low high smallSample } }
        weeks { week rate applicable inspections phase }
      }
    }
  }
`, [ErrorFields]);
const PROJECTS = graphql(`query EffectProjects { projects(first: 100) { ... on ProjectConnection { nodes { id code name } } } }`);
const TRAININGS = graphql(`query EffectTrainings { trainings(first: 200) { ... on TrainingConnection { nodes { id code version title } } } }`);

const TIERS = ['daily', 'monthly', 'quarterly', 'scenario', 'mystery'] as const;
const FIELDS = ['training', 'code', 'project', 'tier', 'days', 'bf', 'bt', 'af', 'at'] as const;
type Fields = Record<(typeof FIELDS)[number], string>;
const windowOf = (from: string, to: string) => (from || to ? { from: from || null, to: to || null } : null);

/**
 * Effect evaluation (效果评估): the execution rate of a code before and after a training, per project
 * (and instruction), as bars with n under each, and the weekly rate around the training. The inputs
 * live in the address, so a chart can be shared.
 */
export function EffectPage() {
  const { t, percent } = useI18n();
  const { query } = useLocation();
  const given = Object.fromEntries(FIELDS.map((f) => [f, query.get(f) ?? ''])) as Fields;
  const [form, setForm] = useState<Fields>(given);
  const ready = Boolean(given.training || given.code);
  const projects = useQuery(async () => (await request(PROJECTS, {})).projects, []);
  const trainings = useQuery(async () => (await request(TRAININGS, {})).trainings, []);
  const state = useQuery(async () => {
    if (!ready) return null;
    const d = await request(QUERY, {
      code: given.code || null, projectId: Number(given.project) || null, tier: given.tier || null, trainingId: Number(given.training) || null, days: Number(given.days) || null,
      before: windowOf(given.bf, given.bt), after: windowOf(given.af, given.at),
    });
    return expect(d.effect, 'TrainingEffect');
  }, [FIELDS.map((f) => given[f]).join('|')], { keepPrevious: true });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(form);
  };
  const input = (name: keyof Fields, label: string, type = 'text') => (
    <label className="field"><span>{label}</span><input type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} data-testid={`effect-${name}`} /></label>
  );
  const projectNodes = projects.data && 'nodes' in projects.data ? projects.data.nodes : [];
  const trainingNodes = trainings.data && 'nodes' in trainings.data ? trainings.data.nodes : [];

  return (
    <div className="page">
      <header className="page-head"><h1>{t('effect.title')}</h1></header>
      <p className="muted">{t('effect.intro')}</p>
      <form className="field-row" onSubmit={submit} data-testid="effect-form">
        <label className="field"><span>{t('effect.training')}</span>
          <select value={form.training} onChange={(e) => setForm({ ...form, training: e.target.value })} data-testid="effect-training">
            <option value="">{t('effect.noTraining')}</option>
            {form.training && !trainingNodes.some((x) => String(x.id) === form.training) && <option value={form.training}>{`#${form.training}`}</option>}
            {trainingNodes.map((x) => <option key={x.id} value={x.id}>{`#${x.id} ${x.code} v${x.version} ${x.title}`}</option>)}
          </select>
        </label>
        {input('code', t('effect.code'))}
        <label className="field"><span>{t('effect.project')}</span>
          <select value={form.project} onChange={(e) => setForm({ ...form, project: e.target.value })} data-testid="effect-project">
            <option value="">{t('effect.allProjects')}</option>
            {projectNodes.map((p) => <option key={p.id} value={p.id}>{`${p.code} ${p.name}`}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('effect.tier')}</span>
          <select value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value })} data-testid="effect-tier">
            <option value="">{t('effect.allTiers')}</option>
            {TIERS.map((tier) => <option key={tier} value={tier}>{t(`effect.tier.${tier}`)}</option>)}
          </select>
        </label>
        {input('days', t('effect.days'), 'number')}
        {input('bf', `${t('effect.before')} ${t('effect.from')}`, 'date')}
        {input('bt', `${t('effect.before')} ${t('effect.to')}`, 'date')}
        {input('af', `${t('effect.after')} ${t('effect.from')}`, 'date')}
        {input('at', `${t('effect.after')} ${t('effect.to')}`, 'date')}
        <button type="submit" className="primary">{t('effect.show')}</button>
      </form>
      {!ready ? <Empty>{t('effect.choose')}</Empty> : (
        <QueryView state={state} empty={(d) => (d && d.rows.length === 0 ? <Empty>{t('effect.noData')}</Empty> : null)}>
          {(effect) => effect && (
            <>
              <p className="muted small" data-testid="effect-windows">{effect.trainingTitle ? `${effect.trainingTitle} · ` : ''}{effect.code} · {t('effect.windows', { bf: effect.before.from, bt: effect.before.to, af: effect.after.from, at: effect.after.to })}</p>
              <section className="card">
                <h2>{t('effect.bars')}</h2>
                <BeforeAfterBars rows={effect.rows.filter((r) => r.level === 'project').map((r) => ({ label: r.projectCode, before: r.before, after: r.after }))} />
              </section>
              <section className="card">
                <h2>{t('effect.weekly')}</h2>
                <WeeklySeries weeks={effect.weeks} />
              </section>
              <section className="card">
                <h2>{t('effect.table')}</h2>
                <div className="table-wrap">
                  <table data-testid="effect-table">
                    <thead><tr><th scope="col">{t('effect.row')}</th><th scope="col">{t('effect.before')}</th><th scope="col">{t('effect.after')}</th><th scope="col">{t('effect.change')}</th><th scope="col">{t('effect.interval')}</th></tr></thead>
                    <tbody>
                      {effect.rows.map((r) => (
                        <tr key={`${r.projectCode} ${r.code}`} data-testid="effect-row">
                          <td>{r.level === 'project' ? `${r.projectCode} ${r.projectName}` : `  ${r.code}`}</td>
                          {[r.before, r.after].map((s, i) => (
                            <td key={i}>{percent(s.rate)} <span className="muted small">{t('effect.n', { n: s.applicable, inspections: s.inspections })}</span>{s.smallSample && s.inspections > 0 && <span className="badge badge-muted">{t('effect.smallSample')}</span>}</td>
                          ))}
                          <td>{r.changePoints === null ? '—' : t('effect.points', { value: (r.changePoints > 0 ? '+' : '') + r.changePoints.toFixed(1) })} <span className={`badge ${r.significant ? 'badge-ok' : 'badge-muted'}`}>{t(r.significant ? 'effect.significant' : 'effect.notSignificant')}</span></td>
                          <td className="small">{`${percent(r.before.low)}–${percent(r.before.high)} → ${percent(r.after.low)}–${percent(r.after.high)}`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </QueryView>
      )}
    </div>
  );
}
