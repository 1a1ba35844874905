import { useState } from 'react';
import { Photo } from '../../components/photo.tsx';
import { Badge, Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { download, ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const LOAD = graphql(`
  query Inspection($id: Int!) { inspection(id: $id) { __typename ...ErrorFields
    ... on Inspection { id checklistId project { id name places { id name } } placeId tier edition inspector inspectedOn submittedAt applicable passed score executionRate variantProfile
      findings { id title code version itemKey severity expectedZh expectedEn actual reasons reasonCodes touchpoints photos remark status rectifyDueAt } } } }
`, [ErrorFields]);
const INSTANCES = graphql(`
  query RectificationsOf($bk: String!) { workflowInstances(businessKey: $bk, first: 5) { __typename ...ErrorFields ... on WorkflowInstanceConnection { nodes { id status } } } }
`, [ErrorFields]);
const REQUEST = graphql(`mutation RequestRectification($id: Int!) { requestRectification(findingId: $id) { __typename ...ErrorFields ... on WorkflowInstance { id } } }`, [ErrorFields]);

type Finding = Extract<ResultOf<typeof LOAD>['inspection'], { __typename: 'Inspection' }>['findings'][number];

/** A finding's rectification: a link to it, or the button that opens one; `changed` reloads the page (the finding's status moves). */
function Rectification({ finding, changed }: { finding: Finding; changed: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const state = useQuery(async () => expect((await request(INSTANCES, { bk: `finding:${finding.id}` })).workflowInstances, 'WorkflowInstanceConnection').nodes, [finding.id]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!state.data) return null;
  if (state.data.length > 0) return <span>{state.data.map((i) => <Link key={i.id} to={`/instances/${i.id}`}>{t('inspection.rectification', { id: i.id })} <Badge value={i.status} /></Link>)}</span>;
  if (!can('startWorkflows') || finding.status !== 'open') return null;
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={async () => {
        setBusy(true);
        try {
          expect((await request(REQUEST, { id: finding.id })).requestRectification, 'WorkflowInstance');
          state.reload();
          changed();
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      }}>{t('inspection.openRectification')}</button>
      <ErrorNotice error={error} />
    </>
  );
}

/** One inspection: its score and execution rate, and every finding with expected vs actual, photos and rectification. */
export function InspectionPage({ id }: { id: number }) {
  const { t, lang, percent, dateTime, term } = useI18n();
  // what the inspector answered, in words: yes or no, a number, a choice, a count of photos
  const answerText = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return t(v ? 'form.yes' : 'form.no');
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x)) ? `${v.length} × ${t('form.photo')}` : v.map(answerText).join('、');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const state = useQuery(async () => expect((await request(LOAD, { id })).inspection, 'Inspection'), [id]);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}><Link to="/inspections">{t('nav.inspections')}</Link> / <span>#{id}</span></nav>
      <QueryView state={state}>
        {(i) => (
          <>
            <header className="page-head">
              <div>
                <h1>{i.project.name} · {term('tier', i.tier)} #{i.id}</h1>
                <p className="muted">{t('inspection.meta', { inspector: i.inspector, date: i.inspectedOn, at: dateTime(i.submittedAt), edition: i.edition })}{i.placeId ? ` · ${i.project.places.find((p) => p.id === i.placeId)?.name ?? ''}` : ''}{i.variantProfile ? ` · ${i.variantProfile}` : ''}</p>
              </div>
              <button type="button" className="btn" onClick={() => download(`/inspections/${i.id}.xlsx`, `inspection-${i.id}.xlsx`).catch(setDownloadError)}>{t('inspection.xlsx')}</button>
            </header>
            <ErrorNotice error={downloadError} />
            <div className="stat-row">
              <div className="stat"><span>{t('inspections.score')}</span><strong>{i.score === null ? '—' : i.score.toFixed(1)}</strong></div>
              <div className="stat"><span>{t('inspections.rate')}</span><strong>{percent(i.executionRate)}</strong></div>
              <div className="stat"><span>{t('inspection.passed')}</span><strong>{i.passed} / {i.applicable}</strong></div>
              <div className="stat"><span>{t('inspections.findings')}</span><strong>{i.findings.length}</strong></div>
            </div>
            <p><Link to={`/checklists/${i.checklistId}/print`}>{t('inspection.checklist')}</Link></p>
            <h2>{t('inspections.findings')}</h2>
            {i.findings.length === 0 ? <Empty>{t('inspection.noFindings')}</Empty> : (
              <ul className="findings">
                {i.findings.map((f) => (
                  <li key={f.id} className="finding card">
                    <div className="finding-head">
                      <strong>{f.title}</strong> <Badge value={f.severity} prefix="severity" /> <Badge value={f.status} />
                      <span className="muted small"> <Link to={`/standards/${f.code}`} title={`${f.code}@${f.version}#/properties/${f.itemKey}`}>{f.code}</Link> v{f.version}</span>
                    </div>
                    <dl className="facts">
                      <dt>{t('inspection.expected')}</dt><dd>{lang === 'zh' ? f.expectedZh : f.expectedEn}</dd>
                      <dt>{t('inspection.actual')}</dt><dd>{answerText(f.actual)}</dd>
                      {f.reasonCodes.some((c) => c !== 'answers.reason_expected') ? <><dt>{t('inspection.reasons')}</dt><dd>{f.reasons.join(lang === 'zh' ? '；' : '; ')}</dd></> : null}
                      {f.rectifyDueAt ? <><dt>{t('inspection.due')}</dt><dd>{dateTime(f.rectifyDueAt)}</dd></> : null}
                      {f.touchpoints.length ? <><dt>{t('item.touchpoints')}</dt><dd>{f.touchpoints.join(' ')}</dd></> : null}
                      {f.remark ? <><dt>{t('inspection.remark')}</dt><dd>{f.remark}</dd></> : null}
                    </dl>
                    {f.photos.length ? <div className="photos">{f.photos.map((p) => <Photo key={p} sha256={p} alt={f.title} />)}</div> : null}
                    <Rectification finding={f} changed={state.reload} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
