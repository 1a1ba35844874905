import { describeCriterion } from '../../../../domain/checklists/criterion.ts';
import { isJsonObject, type JsonObject } from '../../../../domain/shared/json.ts';
import { ChangeFields, ChangeList } from '../../components/change-list.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Badge, Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { itemsOf } from '../standards/editor/schema-ops.ts';

const VERSIONS = graphql(`
  query Versions($code: String!) { standard(code: $code) { __typename ...ErrorFields
    ... on Standard { code title kind versions { version status title author createdAt publishedBy publishedAt statusChangedBy statusNote note contentHash submittedBy submitNote returnedBy returnNote publishNote } } } }
`, [ErrorFields]);
const DIFF = graphql(`
  query VersionDiff($code: String!, $from: Int!, $to: Int!) {
    diff(code: $code, from: $from, to: $to) { __typename ...ErrorFields ... on DocumentDiff { author note changes { ...ChangeFields } patch { op path from value } } }
    standard(code: $code) { __typename ...ErrorFields ... on Standard { a: version(number: $from) { schema } b: version(number: $to) { schema } } }
  }
`, [ErrorFields, ChangeFields]);

const objectOr = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

const COUNTED = ['constraint-tightened', 'constraint-loosened', 'item-added', 'item-removed', 'text-changed'] as const;

/** One version's check items in a column, changed ones marked by what happened to them. */
function Column({ doc, marks, side }: { doc: JsonObject; marks: Map<string, string>; side: 'from' | 'to' }) {
  const { lang, t, term } = useI18n();
  return (
    <ol className="compare-column" data-testid={`compare-${side}`}>
      {itemsOf(doc).map(([key, item]) => {
        const mark = marks.get(key);
        const c = describeCriterion(item);
        return (
          <li key={key} className={mark ? `marked ${mark}` : undefined}>
            <span className="compare-title">{String(item.title ?? key)}</span>
            <span className="compare-criterion">{lang === 'zh' ? c.zh : c.en}</span>
            {mark ? <span className="visually-hidden">{term('change', mark)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

function DiffView({ code, from, to }: { code: string; from: number; to: number }) {
  const { t, term } = useI18n();
  const state = useQuery(async () => {
    const data = await request(DIFF, { code, from, to });
    const diff = expect(data.diff, 'DocumentDiff');
    const standard = expect(data.standard, 'Standard');
    return { ...diff, a: objectOr(standard.a?.schema), b: objectOr(standard.b?.schema) };
  }, [code, from, to]);
  return (
    <QueryView state={state}>
      {(d) => {
        const counts = COUNTED.map((k) => [k, d.changes.filter((c) => c.kind === k).length] as const).filter(([, n]) => n > 0);
        const fromMarks = new Map<string, string>();
        const toMarks = new Map<string, string>();
        // one mark per item: added or removed first, then a tightening, then any other change
        const rank = (kind: string | undefined) => (kind === 'item-added' || kind === 'item-removed' ? 3 : kind === 'constraint-tightened' ? 2 : kind ? 1 : 0);
        const mark = (marks: Map<string, string>, item: string, kind: string) => rank(kind) > rank(marks.get(item)) && marks.set(item, kind);
        for (const c of d.changes) {
          if (!c.item) continue;
          if (c.kind === 'item-removed') mark(fromMarks, c.item, c.kind);
          else if (c.kind === 'item-added') mark(toMarks, c.item, c.kind);
          else {
            mark(toMarks, c.item, c.kind);
            mark(fromMarks, c.item, c.kind);
          }
        }
        return (
          <section className="diff" aria-labelledby="diff-title" data-testid="diff">
            <h2 id="diff-title">{t('diff.title', { from, to })}</h2>
            {d.author || d.note ? <p className="muted">{t('diff.byWhom', { author: d.author ?? '—', note: d.note ?? '—' })}</p> : null}
            <p className="diff-counts">
              {counts.length === 0 ? t('diff.noChanges') : counts.map(([k, n]) => <span key={k} className="badge">{term('change', k)} {n}</span>)}
            </p>
            <div className="compare">
              <div>
                <h3>v{from}</h3>
                <Column doc={d.a} marks={fromMarks} side="from" />
              </div>
              <div>
                <h3>v{to}</h3>
                <Column doc={d.b} marks={toMarks} side="to" />
              </div>
            </div>
            <h3>{t('diff.changes')}</h3>
            <ChangeList changes={d.changes} />
            <details className="patch">
              <summary>{t('diff.patch', { n: d.patch.length })}</summary>
              <pre className="code">{JSON.stringify(d.patch, null, 2)}</pre>
            </details>
          </section>
        );
      }}
    </QueryView>
  );
}

/**
 * A document's history for auditors: every version with author, time and note, and any two
 * versions side by side with the readable changes and character-level text highlights.
 */
export function HistoryPage({ code }: { code: string }) {
  const { t, dateTime, term } = useI18n();
  const { query } = useLocation();
  const state = useQuery(async () => expect((await request(VERSIONS, { code })).standard, 'Standard'), [code]);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}>
        <Link to="/standards">{t('nav.standards')}</Link> / <Link to={`/standards/${code}`}>{code}</Link> / <span>{t('history.title')}</span>
      </nav>
      <QueryView state={state}>
        {(s) => {
          const versions = s.versions;
          const latest = versions.at(-1)?.version ?? 1;
          const to = Number(query.get('to') ?? latest);
          // the version before `to` among those stored (a discarded draft leaves a gap in the numbers)
          const before = versions.filter((v) => v.version < to).at(-1)?.version ?? to;
          const from = Number(query.get('from') ?? before);
          const options = versions.map((v) => ({ value: String(v.version), label: `v${v.version} · ${term('status', v.status)}` }));
          return (
            <>
              <h1>{s.title} <small className="muted">{s.code}</small></h1>
              <div className="table-wrap">
                <table>
                  <caption>{t('history.versions')}</caption>
                  <thead><tr><th scope="col">{t('history.version')}</th><th scope="col">{t('history.status')}</th><th scope="col">{t('history.author')}</th><th scope="col">{t('history.created')}</th><th scope="col">{t('history.published')}</th><th scope="col">{t('history.note')}</th></tr></thead>
                  <tbody>
                    {[...versions].reverse().map((v) => (
                      <tr key={v.version}>
                        <td><Link to={`/standards/${code}?version=${v.version}`} title={t('doc.readVersion')} data-testid={`read-version-${v.version}`}>v{v.version}</Link></td>
                        <td><Badge value={v.status} /></td>
                        <td>{v.author}</td>
                        <td>{dateTime(v.createdAt)}</td>
                        <td>{v.publishedAt ? `${v.publishedBy ?? ''} · ${dateTime(v.publishedAt)}` : '—'}</td>
                        <td data-testid={`version-notes-${v.version}`}>
                          {v.note ?? ''}
                          {v.submitNote ? <div className="small">{t('doc.noteBy', { label: t('doc.note.submit'), who: v.submittedBy ?? v.author, note: v.submitNote })}</div> : null}
                          {v.returnNote ? <div className="small">{t('doc.noteBy', { label: t('doc.note.return'), who: v.returnedBy ?? '—', note: v.returnNote })}</div> : null}
                          {v.publishNote ? <div className="small">{t('doc.noteBy', { label: t('doc.note.publish'), who: v.publishedBy ?? '—', note: v.publishNote })}</div> : null}
                          {v.statusNote ? <div className="muted small">{v.statusChangedBy}: {v.statusNote}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {versions.length < 2 ? <Empty>{t('history.onlyOne')}</Empty> : (
                <>
                  <div className="field-row compare-pickers">
                    <SelectField label={t('history.from')} value={String(from)} onChange={(v) => setQuery({ from: v })} options={options} testId="diff-from" />
                    <SelectField label={t('history.to')} value={String(to)} onChange={(v) => setQuery({ to: v })} options={options} testId="diff-to" />
                  </div>
                  {from === to ? <Empty>{t('history.sameVersion')}</Empty> : <DiffView code={code} from={from} to={to} />}
                </>
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
