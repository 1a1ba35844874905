import { useEffect, useState } from 'react';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useQuery } from '../../lib/use-query.ts';

const LaneRolesFields = graphql(`fragment LaneRolesFields on WorkflowLaneRoles { mappings { lane role } defaults { lane role } }`);
const LOAD = graphql(`query LaneRoles { workflowLaneRoles { __typename ...ErrorFields ...LaneRolesFields } workflowVocabulary { roles } }`, [ErrorFields, LaneRolesFields]);
const SAVE = graphql(`mutation SetLaneRoles($mappings: [WorkflowLaneRoleInput!]!) { setWorkflowLaneRoles(mappings: $mappings) { __typename ...ErrorFields ...LaneRolesFields } }`, [ErrorFields, LaneRolesFields]);

type Row = { lane: string; role: string };

/**
 * Lanes are roles: the organisation's lane names and the role each stands for (a user task in such a
 * lane needs no candidate role). `suggested` lane names (a draft's lanes that stand for no role) are
 * offered as rows to fill; saving recomputes what open drafts lack, then `onSaved` runs.
 */
export function LaneRolesPanel({ suggested = [], onSaved }: { suggested?: string[]; onSaved?: () => void }) {
  const { t, term } = useI18n();
  const state = useQuery(async () => {
    const data = await request(LOAD);
    return { settings: expect(data.workflowLaneRoles, 'WorkflowLaneRoles'), roles: data.workflowVocabulary.roles };
  }, []);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const wanted = suggested.join('\n');

  // the stored mapping once loaded; then each newly suggested lane is added as a row to fill (rows being edited stay)
  const withSuggested = (current: Row[]) => {
    const known = new Set(current.map((r) => r.lane.trim()));
    return [...current, ...suggested.filter((lane) => !known.has(lane)).map((lane) => ({ lane, role: '' }))];
  };
  useEffect(() => {
    if (state.data) setRows(withSuggested(state.data.settings.mappings.map((m) => ({ lane: m.lane, role: m.role }))));
  }, [state.data]);
  useEffect(() => setRows((current) => (current ? withSuggested(current) : current)), [wanted]);

  if (state.error) return <ErrorNotice error={state.error} />;
  if (!state.data || !rows) return <Loading />;
  const { roles, settings } = state.data;
  const issues = error instanceof ApiError ? error.issues : [];
  const issueAt = (i: number, field: string) => issues.filter((x) => x.pointer === `/mappings/${i}/${field}`).map((x) => x.message);
  const change = (i: number, patch: Partial<Row>) => { setSaved(false); setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))); };

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = expect((await request(SAVE, { mappings: rows })).setWorkflowLaneRoles, 'WorkflowLaneRoles');
      setRows(result.mappings.map((m) => ({ lane: m.lane, role: m.role })));
      setSaved(true);
      onSaved?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const defaults = roles.map((role) => ({ role, names: settings.defaults.filter((d) => d.role === role).map((d) => d.lane) })).filter((d) => d.names.length);
  return (
    <section className="card lane-roles" aria-label={t('laneRoles.title')} data-testid="lane-roles">
      <h2>{t('laneRoles.title')}</h2>
      <p className="muted small">{t('laneRoles.hint')}</p>
      {rows.length === 0 ? <p className="muted small">{t('laneRoles.none')}</p> : (
        <table className="lane-roles-table">
          <thead><tr><th>{t('laneRoles.lane')}</th><th>{t('laneRoles.role')}</th><th><span className="visually-hidden">{t('laneRoles.remove')}</span></th></tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid="lane-role-row">
                <td>
                  <input value={r.lane} onChange={(e) => change(i, { lane: e.target.value })} aria-label={t('laneRoles.lane')} aria-invalid={issueAt(i, 'lane').length ? true : undefined} data-testid="lane-name" />
                  {issueAt(i, 'lane').map((m) => <small key={m} className="lane-issue">{m}</small>)}
                </td>
                <td>
                  <select value={r.role} onChange={(e) => change(i, { role: e.target.value })} aria-label={t('laneRoles.role')} aria-invalid={issueAt(i, 'role').length ? true : undefined} data-testid="lane-role">
                    <option value="">{t('laneRoles.chooseRole')}</option>
                    {roles.map((role) => <option key={role} value={role}>{term('role', role)}</option>)}
                  </select>
                  {issueAt(i, 'role').map((m) => <small key={m} className="lane-issue">{m}</small>)}
                </td>
                <td><button type="button" className="btn btn-small" onClick={() => { setSaved(false); setRows(rows.filter((_, j) => j !== i)); }} data-testid="lane-remove">{t('laneRoles.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={() => { setSaved(false); setRows([...rows, { lane: '', role: '' }]); }} data-testid="lane-add">{t('laneRoles.add')}</button>
        <button type="button" className="btn btn-small btn-primary" onClick={save} disabled={busy} data-testid="lane-save">{busy ? t('laneRoles.saving') : t('laneRoles.save')}</button>
        {saved ? <span className="muted small" role="status" data-testid="lane-saved">{t('laneRoles.saved')}</span> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <details className="small">
        <summary>{t('laneRoles.defaults')}</summary>
        <ul className="lane-defaults">
          {defaults.map((d) => <li key={d.role}><strong>{term('role', d.role)}</strong>：{d.names.join(t('laneRoles.separator'))}</li>)}
        </ul>
      </details>
    </section>
  );
}
