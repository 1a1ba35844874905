import { Photo } from '../../components/photo.tsx';
import { Badge, Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useTouchpoints } from '../../lib/reference-data.ts';
import { Link } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { HistoryTimeline } from '../workflows/history-timeline.tsx';
import { InstanceDiagram } from '../workflows/instance-diagram.tsx';
import { InstanceTasks } from '../workflows/instance-tasks.tsx';
import { labelsOf, stateLabel } from '../workflows/process-labels.ts';

const LOAD = graphql(`
  query FindingPage($id: Int!) { finding(id: $id) { __typename ...ErrorFields
    ... on Finding { id title code version documentTitle module severity status expectedZh expectedEn actual reasons reasonCodes photos remark
      inspectionId foundOn dueAt overdue touchpoints project { id name region } place { name }
      rectification { id key version status states startedAt endedAt tasks { id elementId name status dueAt completedBy claimedBy } history { at actor event detail from to } } } } }
`, [ErrorFields]);
const DEFINITION = graphql(`query FindingProcess($key: String!, $version: Int) { workflowDefinition(key: $key, version: $version) { __typename ...ErrorFields ... on WorkflowDefinition { bpmnXml name userTasks } } }`, [ErrorFields]);

/**
 * One finding, worked: the item and the standard version it broke, what was expected and found,
 * the photos, where and when; and its rectification — the diagram with where it stands, the steps
 * and the history in words.
 */
export default function FindingPage({ id }: { id: number }) {
  const { t, lang, dateTime, term } = useI18n();
  const touchpoints = useTouchpoints();
  const state = useQuery(async () => {
    const finding = expect((await request(LOAD, { id })).finding, 'Finding');
    const r = finding.rectification;
    const def = r ? expect((await request(DEFINITION, { key: r.key, version: r.version })).workflowDefinition, 'WorkflowDefinition') : null;
    return { finding, def, labels: def ? labelsOf(def) : null };
  }, [id]);
  // what the inspector answered, in words
  const answer = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return t(v ? 'form.yes' : 'form.no');
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x)) ? `${v.length} × ${t('form.photo')}` : v.map(answer).join('、');
    return typeof v === 'object' ? '—' : String(v);
  };
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}><Link to="/findings">{t('nav.findings')}</Link> / <span>#{id}</span></nav>
      <QueryView state={state}>
        {({ finding: f, def, labels }) => (
          <>
            <header className="page-head">
              <div>
                <h1 data-testid="finding-title">{f.title} <Badge value={f.severity} prefix="severity" /> <Badge value={f.status} /></h1>
                <p className="muted">{t('finding.heading', { id: f.id })} · {f.project.name}{f.place ? ` · ${f.place.name}` : ''} · {f.foundOn}</p>
              </div>
            </header>
            <div className="two-columns">
              <section>
                <dl className="facts" data-testid="finding-facts">
                  <dt>{t('finding.standard')}</dt>
                  <dd><Link to={`/standards/${f.code}?version=${f.version}`}>{t('finding.standardVersion', { title: f.documentTitle ?? f.code, code: f.code, version: f.version })}</Link></dd>
                  <dt>{t('findings.module')}</dt><dd>{f.module} {term('module', f.module)}</dd>
                  <dt>{t('finding.expected')}</dt><dd>{lang === 'zh' ? f.expectedZh : f.expectedEn}</dd>
                  <dt>{t('finding.actual')}</dt><dd>{answer(f.actual)}</dd>
                  {f.reasonCodes.some((c) => c !== 'answers.reason_expected') ? <><dt>{t('finding.reasons')}</dt><dd>{f.reasons.join(lang === 'zh' ? '；' : '; ')}</dd></> : null}
                  {f.remark ? <><dt>{t('finding.remark')}</dt><dd>{f.remark}</dd></> : null}
                  <dt>{t('finding.project')}</dt><dd>{f.project.name} · {f.project.region}</dd>
                  {f.place ? <><dt>{t('finding.place')}</dt><dd>{f.place.name}</dd></> : null}
                  <dt>{t('finding.inspection')}</dt><dd><Link to={`/inspections/${f.inspectionId}`}>{t('finding.inspectionLink', { id: f.inspectionId })}</Link></dd>
                  <dt>{t('finding.foundOn')}</dt><dd>{f.foundOn}</dd>
                  {f.dueAt ? <><dt>{t('finding.due')}</dt><dd className={f.overdue ? 'text-danger' : undefined}>{dateTime(f.dueAt)}{f.overdue ? ` · ${t('findings.overdue')}` : ''}</dd></> : null}
                  {f.touchpoints.length ? <><dt>{t('finding.touchpoints')}</dt><dd>{f.touchpoints.map((c) => touchpoints?.find((x) => x.code === c)?.name ?? c).join('、')}</dd></> : null}
                </dl>
              </section>
              <section>
                <h2>{t('finding.photos')}</h2>
                {f.photos.length ? <div className="photos" data-testid="finding-photos">{f.photos.map((p) => <Photo key={p} sha256={p} alt={f.title} />)}</div> : <p className="muted">{t('finding.noPhotos')}</p>}
              </section>
            </div>
            <h2>{t('finding.rectification')}</h2>
            {f.rectification && def && labels ? (
              <>
                <p><Badge value={f.rectification.status} /> <Link to={`/instances/${f.rectification.id}`}>{t('finding.openInstance', { id: f.rectification.id })}</Link></p>
                <InstanceDiagram xml={def.bpmnXml} current={f.rectification.states} visited={[...new Set(f.rectification.history.flatMap((h) => [...h.from, ...h.to]))]} labels={labels} />
                <div className="two-columns">
                  <section>
                    <h3>{t('finding.tasks')}</h3>
                    <div className="table-wrap">
                      <InstanceTasks tasks={f.rectification.tasks} labels={labels} testId="finding-tasks" />
                    </div>
                  </section>
                  <section>
                    <h3>{t('finding.history')}</h3>
                    <HistoryTimeline history={f.rectification.history} labels={labels} testId="finding-history" />
                  </section>
                </div>
              </>
            ) : <Empty>{t('finding.noRectification')}</Empty>}
          </>
        )}
      </QueryView>
    </div>
  );
}
