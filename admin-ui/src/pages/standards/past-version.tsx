import { isJsonObject } from '../../../../domain/shared/json.ts';
import { Badge, Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { itemsOf } from './editor/schema-ops.ts';
import { BodyText, ItemTable } from './standard-page.tsx';
import { OpenTrainingButton } from '../training/open-training-button.tsx';

const PAST = graphql(`
  query PastVersion($code: String!, $version: Int!) { standard(code: $code) { __typename ...ErrorFields
    ... on Standard { code kind title publishedVersion version(number: $version) {
      version status title schema author createdAt note submittedBy submitNote returnNote returnedBy publishedBy publishedAt publishNote statusChangedBy statusNote } } } }
`, [ErrorFields]);

/** A note of a version's life, with who wrote it, when there is one. */
function NoteLine({ label, note, who }: { label: string; note: string | null; who?: string | null }) {
  if (!note) return null;
  return <><dt>{label}</dt><dd>{note}{who ? <span className="muted"> — {who}</span> : null}</dd></>;
}

/**
 * Any version of a standard in full, read-only (`/standards/<code>?version=<n>`), labelled as a
 * past version when it is not the current one, with a link to its differences from the current one.
 */
export function PastVersion({ code, version }: { code: string; version: number }) {
  const { t, term, dateTime } = useI18n();
  const state = useQuery(async () => expect((await request(PAST, { code, version })).standard, 'Standard'), [code, version]);
  return (
    <QueryView state={state}>
      {(s) => {
        const v = s.version;
        if (!v) return <Empty>{t('doc.versionMissing', { code, version })}</Empty>;
        const doc = isJsonObject(v.schema) ? v.schema : {};
        const current = s.publishedVersion;
        return (
          <article className="standard" data-testid="past-version">
            <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}>
              <Link to="/standards">{t('nav.standards')}</Link> / <Link to={`/standards/${code}`}>{code}</Link> / <span>v{v.version}</span>
            </nav>
            <p className="notice notice-warn past-version" role="status" data-testid="past-version-banner">
              {t('doc.pastVersion', { version: v.version, status: term('status', v.status) })}{' '}
              {current === null || current === undefined ? t('doc.noCurrent') : current === v.version ? null : t('doc.currentIs', { version: current })}{' '}
              {current !== null && current !== undefined && current !== v.version ? (
                <Link to={`/standards/${code}/history?from=${Math.min(v.version, current)}&to=${Math.max(v.version, current)}`} data-testid="diff-with-current">{t('doc.diffWithCurrent')}</Link>
              ) : null}{' '}
              <Link to={`/standards/${code}`}>{t('doc.backToCurrent')}</Link>
            </p>
            <header className="page-head">
              <div>
                <p className="muted"><code>{code}</code> · {term('kind', s.kind)}</p>
                <h1>{v.title}</h1>
                <p>
                  <Badge value={v.status} /> v{v.version} · {t('doc.versionMeta', { author: v.author, created: dateTime(v.createdAt) })}
                  {v.publishedAt ? <> · {t('doc.publishedMeta', { who: v.publishedBy ?? '—', at: dateTime(v.publishedAt) })}</> : null}
                </p>
                {v.publishedAt && s.kind === 'instruction' ? <OpenTrainingButton code={code} version={v.version} /> : null}
              </div>
            </header>
            <dl className="facts version-notes" data-testid="version-notes">
              <NoteLine label={t('doc.note.author')} note={v.note} who={v.author} />
              <NoteLine label={t('doc.note.submit')} note={v.submitNote} who={v.submittedBy} />
              <NoteLine label={t('doc.note.return')} note={v.returnNote} who={v.returnedBy} />
              <NoteLine label={t('doc.note.publish')} note={v.publishNote} who={v.publishedBy} />
              {/* a retirement's reason is a person's; a supersession's note is generated and the badge says it */}
              {v.status === 'retired' ? <NoteLine label={term('status', v.status)} note={v.statusNote} who={v.statusChangedBy} /> : null}
            </dl>
            <BodyText doc={doc} />
            {s.kind === 'instruction' ? (
              <section>
                <h2>{t('standard.items')} <small className="muted">({itemsOf(doc).length})</small></h2>
                <ItemTable doc={doc} />
              </section>
            ) : null}
          </article>
        );
      }}
    </QueryView>
  );
}
