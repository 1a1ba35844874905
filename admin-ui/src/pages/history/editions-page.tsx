import { useState, type FormEvent } from 'react';
import { ChangeList, type ChangeView } from '../../components/change-list.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Badge, Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ERROR_FIELDS, expect, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { allNodes, type PageInfo } from '../../lib/paging.ts';

interface EditionRow {
  name: string;
  seq: number;
  createdBy: string;
  createdAt: string;
  note: string | null;
  documentCount: number;
  retired: { retiredBy: string; retiredAt: string; note: string } | null;
}

interface DocDiff {
  code: string;
  title: string;
  fromVersion: number | null;
  toVersion: number | null;
  author: string | null;
  note: string | null;
  changes: ChangeView[];
}

const EDITIONS = `query ($after: String) { editions(first: 100, after: $after) { ${ERROR_FIELDS}
  ... on EditionConnection { pageInfo { hasNextPage endCursor } nodes { name seq createdBy createdAt note documentCount retired { retiredBy retiredAt note } } } } }`;
const DOC = `code title fromVersion toVersion author note changes { kind pointer item field summary summaryZh segments { op text } }`;
const EDITION_DIFF = `query ($from: String!, $to: String!) { editionDiff(from: $from, to: $to) { ${ERROR_FIELDS} ... on EditionDiff { added { ${DOC} } removed { ${DOC} } changed { ${DOC} } } } }`;
const PUBLISH_EDITION = `mutation ($name: String!, $note: String) { publishEdition(name: $name, note: $note) { ${ERROR_FIELDS} ... on Edition { name documentCount } } }`;

function DocDiffs({ title, docs, kind }: { title: string; docs: DocDiff[]; kind: string }) {
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
  const state = useQuery(async () => expect<{ __typename: 'EditionDiff'; added: DocDiff[]; removed: DocDiff[]; changed: DocDiff[] }>((await request<{ editionDiff: { __typename: string } }>(EDITION_DIFF, { from, to })).editionDiff, 'EditionDiff'), [from, to]);
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
      const edition = expect<{ __typename: 'Edition'; name: string; documentCount: number }>((await request<{ publishEdition: { __typename: string } }>(PUBLISH_EDITION, { name: name.trim(), note: note.trim() || null })).publishEdition, 'Edition');
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
  const state = useQuery(() => allNodes(async (after) => expect<{ __typename: 'EditionConnection'; pageInfo: PageInfo; nodes: EditionRow[] }>((await request<{ editions: { __typename: string } }>(EDITIONS, { after })).editions, 'EditionConnection')), []);
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
