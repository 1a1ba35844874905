import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Empty, ErrorNotice, Loading } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { PageInfoFields } from '../../lib/paging.ts';

const PAGE = 100;
const TRAIL = graphql(`
  query AuditTrail($code: String!, $first: Int, $after: String) { auditTrail(code: $code, first: $first, after: $after) { __typename ...ErrorFields
    ... on AuditEventConnection { pageInfo { ...PageInfoFields } nodes { id occurredAt actor action subjectType subjectKey detail hash } } } }
`, [ErrorFields, PageInfoFields]);
const VERIFY = graphql(`query VerifyAuditChain { verifyAuditChain { __typename ...ErrorFields ... on AuditChainReport { ok checked brokenAtId reason } } }`, [ErrorFields]);

type AuditEvent = Extract<ResultOf<typeof TRAIL>['auditTrail'], { __typename: 'AuditEventConnection' }>['nodes'][number];
type ChainReport = Extract<ResultOf<typeof VERIFY>['verifyAuditChain'], { __typename: 'AuditChainReport' }>;

function Trail({ subject }: { subject: string }) {
  const { t, dateTime, term } = useI18n();
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [more, setMore] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(subject);
  latest.current = subject;
  const load = async (after: string | null) => {
    setBusy(true);
    try {
      const data = await request(TRAIL, { code: subject, first: PAGE, after });
      // an answer about a subject no longer shown is dropped
      if (latest.current !== subject) return;
      const page = expect(data.auditTrail, 'AuditEventConnection');
      setEvents((prev) => (after === null ? page.nodes : [...(prev ?? []), ...page.nodes]));
      setMore(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    setEvents(null);
    load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subject]);
  if (error && !events) return <ErrorNotice error={error} />;
  if (!events) return <Loading />;
  if (events.length === 0) return <Empty>{t('audit.none', { subject })}</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table className="audit-table" data-testid="audit-trail">
          <thead><tr><th scope="col">#</th><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.detail')}</th><th scope="col">{t('audit.hash')}</th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.id}</td>
                <td>{dateTime(e.occurredAt)}</td>
                <td>{e.actor ?? '—'}</td>
                <td title={e.action}>{term('auditAction', e.action)}</td>
                <td><code className="small detail">{JSON.stringify(e.detail)}</code></td>
                <td><code className="small" title={e.hash}>{e.hash.slice(0, 12)}…</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorNotice error={error} />
      {more ? <button type="button" className="btn" disabled={busy} onClick={() => load(more)}>{t('audit.more')}</button> : null}
    </>
  );
}

function VerifyChain() {
  const { t } = useI18n();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(expect((await request(VERIFY)).verifyAuditChain, 'AuditChainReport'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card">
      <h2>{t('audit.chainTitle')}</h2>
      <p className="muted">{t('audit.chainIntro')}</p>
      <button type="button" className="btn" onClick={verify} disabled={busy}>{t('audit.verify')}</button>
      {report ? (
        <p className={report.ok ? 'text-ok' : 'text-danger'} role="status">
          {report.ok ? t('audit.chainOk', { n: report.checked }) : t('audit.chainBroken', { id: report.brokenAtId ?? '?', reason: report.reason ?? '' })}
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
}

/** The append-only audit trail of a standard, an edition or a user; admins also verify the hash chain. */
export function AuditPage({ subject }: { subject?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const current = subject ?? query.get('subject') ?? '';
  const [input, setInput] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ subject: input.trim() }, { replace: false });
  };
  return (
    <div className="page">
      {subject ? (
        <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}>
          <Link to="/standards">{t('nav.standards')}</Link> / <Link to={`/standards/${subject}`}>{subject}</Link> / <span>{t('audit.title')}</span>
        </nav>
      ) : null}
      <h1>{t('audit.title')}{current ? ` · ${current}` : ''}</h1>
      {!subject ? (
        <form className="field-row" onSubmit={submit}>
          <label className="field grow">
            <span>{t('audit.subject')}</span>
            <input value={input} onChange={(e) => setInput(e.target.value)} placeholder="M03.P01.W002 / 2026-Q4 / manager" />
          </label>
          <button type="submit" className="btn btn-primary align-end" disabled={!input.trim()}>{t('audit.show')}</button>
        </form>
      ) : null}
      {current ? <Trail subject={current} /> : <Empty>{t('audit.pick')}</Empty>}
      {!subject && can('verifyAuditChain') ? <VerifyChain /> : null}
    </div>
  );
}
