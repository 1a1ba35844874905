import { describeCriterion } from '../../../../domain/checklists/criterion.ts';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../domain/shared/json.ts';
import { Badge, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { BODY_LISTS, BODY_TEXTS, checkOf, inputKind, itemsOf } from './editor/schema-ops.ts';
import { useState } from 'react';
import { OrganisationOverlay } from './organisation-overlay.tsx';

type View = 'standard' | 'overlay';

/** The page's two views as a tab list: the standard as its edition reads it, and the organisation's layer on it. */
function ViewTabs({ view, onView }: { view: View; onView(view: View): void }) {
  const { t } = useI18n();
  const views: View[] = ['standard', 'overlay'];
  return (
    <div role="tablist" className="tabs" aria-label={t('layers.tabs')} onKeyDown={(e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = views[(views.indexOf(view) + 1) % views.length];
      onView(next);
      document.getElementById(`view-tab-${next}`)?.focus();
    }}>
      {views.map((x) => (
        <button key={x} id={`view-tab-${x}`} type="button" role="tab" aria-selected={view === x} aria-controls="standard-view" tabIndex={view === x ? 0 : -1} className={view === x ? 'active' : undefined} onClick={() => onView(x)} data-testid={`view-tab-${x}`}>
          {t(x === 'standard' ? 'layers.tabStandard' : 'layers.tabOverlay')}
        </button>
      ))}
    </div>
  );
}

const LOAD = graphql(`
  query Standard($code: String!) { standard(code: $code) { __typename ...ErrorFields
    ... on Standard { code kind title retired edition latestVersion current { ...ShownVersion } draft { version status } latestPublished { ...ShownVersion } } } }
  fragment ShownVersion on StandardVersion { version status schema author publishedAt note publishNote }
`, [ErrorFields]);

const strings = (v: JsonValue | undefined) => (Array.isArray(v) ? v.map(String) : []);

/** A work instruction's check items as a checklist people read: what, the criterion, how and how much it matters. */
export function ItemTable({ doc }: { doc: JsonObject }) {
  const { t, lang, term } = useI18n();
  const items = itemsOf(doc);
  return (
    <div className="table-wrap">
      <table className="items-table">
        <caption className="visually-hidden">{t('standard.items')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('item.title')}</th>
            <th scope="col">{t('item.criterion')}</th>
            <th scope="col">{t('item.place')}</th>
            <th scope="col">{t('item.method')}</th>
            <th scope="col">{t('item.severity')}</th>
            <th scope="col">{t('item.weight')}</th>
            <th scope="col">{t('item.tiers')}</th>
            <th scope="col">{t('item.evidence')}</th>
            <th scope="col">{t('item.touchpoints')}</th>
            <th scope="col">{t('item.rectifyWithinHours')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(([key, item], i) => {
            const check = checkOf(item);
            const criterion = describeCriterion(item);
            return (
              <tr key={key} data-testid={`item-row-${key}`}>
                <td>{i + 1}</td>
                <td>
                  <strong>{String(item.title ?? key)}</strong>
                  {item.description ? <div className="muted small">{String(item.description)}</div> : null}
                  {check.hint ? <div className="small hint">{String(check.hint)}</div> : null}
                </td>
                <td className="criterion" data-testid={`criterion-${key}`}>{lang === 'zh' ? criterion.zh : criterion.en}<div className="muted small">{term('input', inputKind(item))}</div></td>
                <td>{check.place ? term('place', String(check.place)) : '—'}</td>
                <td>{term('method', String(check.method))}</td>
                <td><Badge value={String(check.severity ?? 'minor')} prefix="severity" /></td>
                <td>{String(check.weight ?? '')}</td>
                <td>{strings(check.tiers).map((x) => term('tier', x)).join('、')}</td>
                <td>{term('evidence', String(check.evidence ?? 'none'))}</td>
                <td className="small">{strings(check.touchpoints).join(' ')}</td>
                <td>{check.rectifyWithinHours ? `${String(check.rectifyWithinHours)} h` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The body text of a standard, section by section. */
export function BodyText({ doc }: { doc: JsonObject }) {
  const { t, term } = useI18n();
  const xs = isJsonObject(doc['x-standard']) ? doc['x-standard'] : {};
  const body = isJsonObject(xs.body) ? xs.body : {};
  return (
    <div className="body-text">
      {doc.description ? <p className="lead">{String(doc.description)}</p> : null}
      <dl className="facts">
        {strings(xs.clauses).length ? <><dt>{t('text.clauses')}</dt><dd>{strings(xs.clauses).join('；')}</dd></> : null}
        {xs.owner ? <><dt>{t('text.owner')}</dt><dd>{String(xs.owner)}</dd></> : null}
      </dl>
      {BODY_TEXTS.map((name) => body[name] ? (
        <section key={name}><h3>{term('body', name)}</h3><p>{String(body[name])}</p></section>
      ) : null)}
      {BODY_LISTS.map((name) => strings(body[name]).length ? (
        <section key={name}>
          <h3>{term('body', name)}</h3>
          {name === 'steps' ? <ol>{strings(body[name]).map((s, i) => <li key={i}>{s}</li>)}</ol> : <ul>{strings(body[name]).map((s, i) => <li key={i}>{s}</li>)}</ul>}
        </section>
      ) : null)}
    </div>
  );
}

function Children({ doc }: { doc: JsonObject }) {
  const { t } = useI18n();
  const refs = Object.values(isJsonObject(doc.properties) ? doc.properties : {}).flatMap((p) => (isJsonObject(p) && typeof p.$ref === 'string' ? [p.$ref.replace('urn:pinzhi:std:', '')] : []));
  return (
    <section>
      <h2>{t('standard.children')}</h2>
      <ul className="link-list">{refs.map((c) => <li key={c}><Link to={`/standards/${c}`}>{c}</Link></li>)}</ul>
    </section>
  );
}

/** A standard as its edition reads it: the text, and for a work instruction its check items as a checklist. */
export function StandardPage({ code }: { code: string }) {
  const { t, dateTime, term } = useI18n();
  const { can } = useSession();
  const [view, setView] = useState<View>('standard');
  const state = useQuery(async () => {
    const s = expect((await request(LOAD, { code })).standard, 'Standard');
    // a document published after the newest edition is read as published, with a notice
    const current = s.current ?? s.latestPublished;
    return { ...s, pinned: s.current?.version ?? null, current: current && { ...current, schema: isJsonObject(current.schema) ? current.schema : {} } };
  }, [code]);
  return (
    <QueryView state={state}>
      {(s) => (
        <article className="standard">
          <header className="page-head">
            <div>
              <p className="muted"><code>{s.code}</code> · {term('kind', s.kind)}{s.edition ? ` · ${t('standard.edition', { edition: s.edition })}` : ''}</p>
              <h1>{s.title}</h1>
              <p>
                {s.current ? <Badge value={s.current.status} /> : null} {s.current ? t('standard.versionBy', { version: s.current.version, author: s.current.author, at: dateTime(s.current.publishedAt) }) : t('standard.unpublished')}
                {s.retired ? <> <Badge value="retired" /></> : null}
                {s.draft ? <> · <Badge value={s.draft.status} /> v{s.draft.version}</> : null}
              </p>
            </div>
            <div className="button-row">
              {can('editStandards') && !s.retired ? <Link className="btn btn-primary" to={`/standards/${s.code}/edit`} data-testid="edit-standard">{s.draft ? t('standard.continueEditing') : t('standard.edit')}</Link> : null}
              <Link className="btn" to={`/standards/${s.code}/history`} data-testid="history-link">{t('standard.history')}</Link>
              {can('readAuditTrail') ? <Link className="btn" to={`/standards/${s.code}/audit`}>{t('standard.audit')}</Link> : null}
              {s.kind === 'instruction' ? <Link className="btn" to={`/checklists?scope=${s.code}`}>{t('standard.previewChecklist')}</Link> : null}
              {s.kind === 'instruction' && s.current && can('readFeedback') ? <Link className="btn" to={`/standards/${s.code}/review-pack`} data-testid="review-pack-link">{t('loop.reviewPack')}</Link> : null}
            </div>
          </header>
          <ViewTabs view={view} onView={setView} />
          <div id="standard-view" role="tabpanel" aria-labelledby={`view-tab-${view}`}>
          {view === 'overlay' ? <OrganisationOverlay code={s.code} /> : <>
          {s.latestPublished && s.latestPublished.version !== s.pinned ? (
            <p className="notice notice-warn" role="status">
              {s.pinned === null ? t('standard.notInEdition', { version: s.latestPublished.version, edition: s.edition ?? '—' }) : t('standard.newerPublished', { version: s.latestPublished.version, edition: s.edition ?? '—', current: s.pinned })}{' '}
              {s.pinned !== null ? <Link to={`/standards/${s.code}/history?from=${s.pinned}&to=${s.latestPublished.version}`}>{t('editor.viewDiff')}</Link> : null}
            </p>
          ) : null}
          {s.current?.publishNote ?? s.current?.note ? <p className="notice">{t('standard.note')}: {s.current?.publishNote ?? s.current?.note}</p> : null}
          {s.current ? (
            <>
              <BodyText doc={s.current.schema} />
              {s.kind === 'instruction' ? (
                <section>
                  <h2>{t('standard.items')} <small className="muted">({itemsOf(s.current.schema).length})</small></h2>
                  <ItemTable doc={s.current.schema} />
                </section>
              ) : <Children doc={s.current.schema} />}
            </>
          ) : <p className="muted">{t('standard.noPublished')}</p>}
          </>}
          </div>
        </article>
      )}
    </QueryView>
  );
}
