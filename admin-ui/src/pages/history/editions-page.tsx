import { useState, type FormEvent } from 'react';
import { ChangeFields, ChangeList } from '../../components/change-list.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Badge, Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { allNodes, PageInfoFields } from '../../lib/paging.ts';

const EDITIONS = graphql(`
  query Editions($after: String) { editions(first: 100, after: $after) { __typename ...ErrorFields
    ... on EditionConnection { pageInfo { ...PageInfoFields } nodes { name seq createdBy createdAt note documentCount retired { retiredBy retiredAt note } } } } }
`, [ErrorFields, PageInfoFields]);
const DocumentDiffFields = graphql(`fragment DocumentDiffFields on DocumentDiff { code title fromVersion toVersion author note changes { ...ChangeFields } }`, [ChangeFields]);
const EDITION_DIFF = graphql(`
  query EditionDiff($from: String!, $to: String!) { editionDiff(from: $from, to: $to) { __typename ...ErrorFields
    ... on EditionDiff { added { ...DocumentDiffFields } removed { ...DocumentDiffFields } changed { ...DocumentDiffFields } } } }
`, [ErrorFields, DocumentDiffFields]);
const PUBLISH_EDITION = graphql(`mutation PublishEdition($name: String!, $note: String) { publishEdition(name: $name, note: $note) { __typename ...ErrorFields ... on Edition { name documentCount } } }`, [ErrorFields]);

type DocDiff = ResultOf<typeof DocumentDiffFields>;

function DocDiffs({ title, docs, kind }: { title: string; docs: readonly DocDiff[]; kind: string }) {
  const { t } = useI18n();
  if (docs.length === 0) return null;
  return (
    <section>
      <h3>{title} <small className="muted">({docs.length})</small></h3>
      <ul className="doc-diffs">
        {docs.map((d) => (
          <li key={d.code} className={`doc-diff doc-${kind}`}>
            <details>
              <summary>
                <code>{d.code}</code> {d.title}{' '}
                <span className="muted">{d.fromVersion ? `v${d.fromVersion}` : ''}{d.fromVersion && d.toVersion ? ' → ' : ''}{d.toVersion ? `v${d.toVersion}` : ''}</span>
                {d.author ? <span className="muted small"> · {d.author}{d.note ? `：${d.note}` : ''}</span> : null}
              </summary>
              <ChangeList changes={d.changes} />
              {d.fromVersion && d.toVersion ? <Link to={`/standards/${d.code}/history?from=${d.fromVersion}&to=${d.toVersion}`}>{t('editions.openDiff')}</Link> : null}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditionDiffView({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const state = useQuery(async () => expect((await request(EDITION_DIFF, { from, to })).editionDiff, 'EditionDiff'), [from, to]);
  return (
    <QueryView state={state}>
      {(d) => d.added.length + d.removed.length + d.changed.length === 0 ? <Empty>{t('editions.same')}</Empty> : (
        <div data-testid="edition-diff">
          <p className="diff-counts">
            <span className="badge change-added">{t('editions.added')} {d.added.length}</span>
            <span className="badge">{t('editions.changed')} {d.changed.length}</span>
            <span className="badge change-removed">{t('editions.removed')} {d.removed.length}</span>
          </p>
          <DocDiffs title={t('editions.added')} docs={d.added} kind="added" />
          <DocDiffs title={t('editions.changed')} docs={d.changed} kind="changed" />
          <DocDiffs title={t('editions.removed')} docs={d.removed} kind="removed" />
        </div>
      )}
    </QueryView>
  );
}

function PublishEdition({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const edition = expect((await request(PUBLISH_EDITION, { name: name.trim(), note: note.trim() || null })).publishEdition, 'Edition');
      setDone(t('editions.published', { name: edition.name, n: edition.documentCount }));
      setName('');
      setNote('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('editions.publishTitle')}</h2>
      <p className="muted">{t('editions.publishIntro')}</p>
      <div className="field-row">
        <TextField label={t('editions.name')} value={name} onChange={setName} placeholder="2027-Q1" />
        <TextField className="grow" label={t('editions.note')} value={note} onChange={setNote} />
      </div>
      <ErrorNotice error={error} />
      {done ? <p className="notice notice-ok" role="status">{done}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>{t('editions.publish')}</button>
    </form>
  );
}

/** Editions (immutable snapshots of the library) and what changed from one to another. */
export function EditionsPage() {
  const { t, dateTime } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const state = useQuery(() => allNodes(async (after) => expect((await request(EDITIONS, { after })).editions, 'EditionConnection')), []);
  return (
    <div className="page">
      <h1>{t('editions.title')}</h1>
      <QueryView state={state} empty={(eds) => (eds.length === 0 ? <Empty>{t('editions.none')}</Empty> : null)}>
        {(editions) => {
          const names = editions.map((e) => e.name);
          const to = query.get('to') ?? names[0];
          const from = query.get('from') ?? names[1] ?? names[0];
          const options = names.map((n) => ({ value: n, label: n }));
          return (
            <>
              <div className="table-wrap">
                <table>
                  <thead><tr><th scope="col">{t('editions.name')}</th><th scope="col">{t('editions.documents')}</th><th scope="col">{t('history.author')}</th><th scope="col">{t('history.created')}</th><th scope="col">{t('editions.note')}</th></tr></thead>
                  <tbody>
                    {editions.map((e) => (
                      <tr key={e.name}>
                        <td><strong>{e.name}</strong> {e.retired ? <Badge value="retired" /> : null}</td>
                        <td>{e.documentCount}</td>
                        <td>{e.createdBy}</td>
                        <td>{dateTime(e.createdAt)}</td>
                        <td>{e.note ?? ''}{e.retired ? <div className="muted small">{e.retired.retiredBy}: {e.retired.note}</div> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {can('publishEditions') ? <PublishEdition onDone={state.reload} /> : null}
              <h2>{t('editions.compare')}</h2>
              <div className="field-row compare-pickers">
                <SelectField label={t('history.from')} value={from} onChange={(v) => setQuery({ from: v })} options={options} testId="edition-from" />
                <SelectField label={t('history.to')} value={to} onChange={(v) => setQuery({ to: v })} options={options} testId="edition-to" />
              </div>
              {from === to ? <Empty>{t('history.sameVersion')}</Empty> : <EditionDiffView from={from} to={to} />}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
