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
    ... on AuditEventConnection { pageInfo { ...PageInfoFields } nodes { id occurredAt actor action subjectType subjectKey version note hash } } } }
`, [ErrorFields, PageInfoFields]);
const VERIFY = graphql(`query VerifyAuditChain { verifyAuditChain { __typename ...ErrorFields ... on AuditChainReport { ok checked brokenAtId reason } } }`, [ErrorFields]);

type AuditEvent = Extract<ResultOf<typeof TRAIL>['auditTrail'], { __typename: 'AuditEventConnection' }>['nodes'][number];
type ChainReport = Extract<ResultOf<typeof VERIFY>['verifyAuditChain'], { __typename: 'AuditChainReport' }>;

/** Actions whose version can be read and compared with the one before it (a discarded draft is gone). */
const READABLE = new Set(['standard.draft.created', 'standard.draft.updated', 'standard.submitted', 'standard.returned', 'standard.published', 'standard.imported', 'standard.retired']);
const COMPARED = new Set(['standard.submitted', 'standard.published', 'standard.imported']);

/** For an event about a standard's version: a link to that version in full, and to its changes from the version before. */
function VersionLinks({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const v = event.version;
  if (v === null || v === undefined || event.subjectType !== 'standard') return null;
  const label = t('doc.audit.versionLink', { version: v });
  if (!READABLE.has(event.action)) return <span>{label}</span>;
  return (
    <>
      <Link to={`/standards/${event.subjectKey}?version=${v}`}>{label}</Link>
      {COMPARED.has(event.action) && v > 1 ? <> · <Link to={`/standards/${event.subjectKey}/history?to=${v}`}>{t('doc.audit.diffLink')}</Link></> : null}
    </>
  );
}

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
          <thead><tr><th scope="col">#</th><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.action')}</th><th scope="col">{t('doc.audit.version')}</th><th scope="col">{t('doc.audit.note')}</th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-testid={`audit-row-${e.id}`} data-action={e.action}>
                <td>{e.id}</td>
                <td>{dateTime(e.occurredAt)}</td>
                <td>{e.actor ?? '—'}</td>
                <td>{term('auditAction', e.action)}</td>
                <td><VersionLinks event={e} /></td>
                <td className="audit-note">{e.note ?? ''}</td>
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
