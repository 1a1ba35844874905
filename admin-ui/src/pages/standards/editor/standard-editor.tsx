import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeChanges } from '../../../../../domain/standards/diff/semantic-diff.ts';
import type { JsonObject } from '../../../../../domain/shared/json.ts';
import { ChangeList } from '../../../components/change-list.tsx';
import { TextField } from '../../../components/fields.tsx';
import { Badge, ErrorNotice, Loading } from '../../../components/status.tsx';
import { ApiError, ERROR_FIELDS, expect, request, WRITE_ERROR_FIELDS, type Issue } from '../../../lib/graphql.ts';
import { useI18n, type Translate } from '../../../lib/i18n.tsx';
import { Link, useLeaveGuard } from '../../../lib/router.tsx';
import { useSession } from '../../../lib/session.tsx';
import { ItemsEditor } from './items-editor.tsx';
import { JsonEditor } from './json-editor.tsx';
import { reapply } from './reapply.ts';
import { TextEditor } from './text-editor.tsx';

interface OpenVersion {
  version: number;
  status: 'draft' | 'in_review';
  revision: number;
  schema: JsonObject;
  author: string;
  updatedAt: string;
  note: string | null;
}

interface Loaded {
  code: string;
  kind: string;
  title: string;
  latestPublished: { version: number; schema: JsonObject } | null;
  draft: OpenVersion | null;
}

const VERSION = 'version status revision schema author updatedAt note';
const LOAD = `query ($code: String!) { standard(code: $code) { ${ERROR_FIELDS} ... on Standard { code kind title latestPublished { version schema } draft { ${VERSION} } } } }`;
const mutation = (name: string, args: string, params: string) => `mutation (${params}) { ${name}(${args}) { ${WRITE_ERROR_FIELDS} ... on StandardVersion { ${VERSION} } } }`;
const CREATE = mutation('createDraft', 'code: $code', '$code: String!');
const UPDATE = mutation('updateDraft', 'code: $code, schema: $schema, expectedRevision: $rev', '$code: String!, $schema: JSON!, $rev: Int!');
const SUBMIT = mutation('submitForReview', 'code: $code, note: $note', '$code: String!, $note: String');
const RETURN = mutation('returnToDraft', 'code: $code, note: $note', '$code: String!, $note: String');
const PUBLISH = mutation('publish', 'code: $code, note: $note', '$code: String!, $note: String');
const CHECK = `query ($code: String!, $schema: JSON!) { checkStandard(code: $code, schema: $schema) { pointer message } }`;

async function loadStandard(code: string): Promise<Loaded> {
  const data = await request<{ standard: { __typename: string } }>(LOAD, { code });
  return expect<Loaded & { __typename: 'Standard' }>(data.standard, 'Standard');
}

async function versionMutation(query: string, variables: Record<string, unknown>, field: string): Promise<OpenVersion> {
  const data = await request<Record<string, { __typename: string }>>(query, variables);
  return expect<OpenVersion & { __typename: 'StandardVersion' }>(data[field], 'StandardVersion');
}

type Tab = 'items' | 'text' | 'json';

/**
 * Where below a field a problem is, in words: `x-check/severity` is 严重度, `2` is 第 3 条 — the
 * field labels of the forms, never the document's keys.
 */
function placeIn(rest: string, t: Translate, term: (kind: string, value: unknown) => string): string {
  return rest.split('/').filter((token) => token !== 'x-check' && token !== 'x-standard' && token !== 'body').map((token) => {
    const name = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(name)) return t('editor.entry', { n: Number(name) + 1 });
    for (const kind of ['item', 'body', 'text']) if (term(kind, name) !== name) return term(kind, name);
    return name;
  }).join(' › ');
}

/** A place in a document as people call it: a check item by its title, then the fields below it. */
function placeOf(doc: JsonObject, pointer: string, t: Translate, term: (kind: string, value: unknown) => string): string {
  const item = /^\/properties\/([^/]+)(\/.*)?$/.exec(pointer);
  if (!item) return placeIn(pointer.slice(1), t, term) || t('editor.wholeDocument');
  const key = item[1].replace(/~1/g, '/').replace(/~0/g, '~');
  const props = doc.properties as Record<string, JsonObject> | undefined;
  const title = t('editor.itemNamed', { title: String(props?.[key]?.title ?? key) });
  return item[2] ? `${title} › ${placeIn(item[2].slice(1), t, term)}` : title;
}

/** Problems for one place of the document: at that pointer, or (unless exact) below it, saying where below. */
function issuesLookup(issues: Issue[], t: Translate, term: (kind: string, value: unknown) => string) {
  return (pointer: string, exact = false) => issues.filter((i) => i.pointer === pointer || (!exact && i.pointer.startsWith(`${pointer}/`)))
    .map((i) => (i.pointer === pointer ? i.message : t('editor.issueAt', { place: placeIn(i.pointer.slice(pointer.length + 1), t, term), message: i.message })));
}

/**
 * The standards editor: a quality manager opens a draft, edits check items and text with forms
 * (or the raw JSON Schema), sees the server's verdict and the readable changes as they type, saves
 * with the revision they read, and takes the draft through review to publication. When someone
 * else saved first, their version is loaded and the user's edits are reapplied on top of it.
 */
export function StandardEditor({ code }: { code: string }) {
  const { t, dateTime, term, lang } = useI18n();
  const { can } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [base, setBase] = useState<JsonObject | null>(null);
  const [working, setWorking] = useState<JsonObject | null>(null);
  const [tab, setTab] = useState<Tab>('items');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [checking, setChecking] = useState(false);
  const [syntax, setSyntax] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [published, setPublished] = useState<{ from: number | null; to: number } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // the user's own version when it could not be carried over (kept for copying)
  const [lost, setLost] = useState<JsonObject | null>(null);
  const workingRef = useRef(working);
  workingRef.current = working;

  const adopt = useCallback((data: Loaded) => {
    setLoaded(data);
    setBase(data.draft?.schema ?? null);
    setWorking(data.draft?.schema ?? null);
  }, []);

  useEffect(() => {
    let live = true;
    loadStandard(code).then((data) => {
      if (!live) return;
      adopt(data);
      setTab(data.kind === 'instruction' ? 'items' : 'text');
      // edits left unsaved here before (a closed tab, an expired sign-in) come back
      const stored = readUnsaved(code);
      if (!stored || !data.draft) return;
      if (data.draft.status !== 'draft') setLost(stored.working);
      else if (stored.revision === data.draft.revision) {
        setWorking(stored.working);
        setNotice(t('editor.restored'));
      } else {
        const result = reapply(stored.base, stored.working, data.draft.schema);
        if (result.ok) {
          setWorking(result.doc);
          setNotice(t('editor.restoredReapplied', { revision: data.draft.revision }));
        } else setLost(stored.working);
      }
    }, (error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
    // the messages are read once, when the draft loads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, adopt]);

  const dirty = useMemo(() => !!working && !!base && JSON.stringify(working) !== JSON.stringify(base), [working, base]);
  const editable = loaded?.draft?.status === 'draft';

  // the server checks every edit, a moment after typing stops
  useEffect(() => {
    if (!working || !editable) return;
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      request<{ checkStandard: Issue[] }>(CHECK, { code, schema: working })
        .then((d) => live && setIssues(d.checkStandard), (e: unknown) => live && setIssues([{ pointer: '', message: (e as Error).message }]))
        .finally(() => live && setChecking(false));
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [working, code, editable, lang]);

  useLeaveGuard(dirty, t('editor.leaveUnsaved'));
  // unsaved edits are kept in this browser until saved or discarded
  const revision = loaded?.draft?.revision;
  useEffect(() => {
    if (dirty && base && working && revision !== undefined) writeUnsaved(code, { revision, base, working });
    else if (loaded) clearUnsaved(code);
  }, [dirty, base, working, revision, code, loaded]);

  const changes = useMemo(() => (working && loaded?.latestPublished ? describeChanges(loaded.latestPublished.schema, working) : []), [working, loaded]);
  const issuesAt = useMemo(() => issuesLookup(issues, t, term), [issues, t, term]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'ConflictError' && error.currentRevision !== null && loaded?.draft?.status === 'draft') setConflict(error);
      else setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const reloadKeepingMine = () => run(async () => {
    const fresh = await loadStandard(code);
    const mine = workingRef.current;
    setConflict(null);
    if (!fresh.draft || fresh.draft.status !== 'draft' || !mine || !base) {
      // meanwhile it went to review (or was published): what is on the server is shown, the user's version kept aside
      adopt(fresh);
      setLost(mine);
      if (fresh.draft?.status !== 'draft') setActionError(new ApiError('ConflictError', t('editor.notDraftAnymore')));
      return;
    }
    const result = reapply(base, mine, fresh.draft.schema);
    setLoaded(fresh);
    setBase(fresh.draft.schema);
    if (result.ok) {
      setWorking(result.doc);
      setNotice(result.overlaps.length ? t('editor.reappliedOverlaps', { revision: fresh.draft.revision, paths: result.overlaps.map((path) => placeOf(result.doc, path, t, term)).join('、') }) : t('editor.reapplied', { revision: fresh.draft.revision }));
    } else {
      setWorking(fresh.draft.schema);
      setLost(mine);
      setActionError(new ApiError('ConflictError', t('editor.reapplyFailed', { path: placeOf(mine, result.path, t, term) })));
    }
  });

  const discardMine = () => run(async () => {
    adopt(await loadStandard(code));
    setConflict(null);
  });

  const save = () => run(async () => {
    const sent = workingRef.current;
    const saved = await versionMutation(UPDATE, { code, schema: sent, rev: loaded!.draft!.revision }, 'updateDraft');
    setLoaded((l) => (l ? { ...l, draft: saved } : l));
    setBase(saved.schema);
    // what was typed while the save was on its way stays
    if (workingRef.current === sent) setWorking(saved.schema);
    setNotice(t('editor.savedNotice', { revision: saved.revision }));
  });

  if (loadError) return <div className="page"><ErrorNotice error={loadError} /></div>;
  if (!loaded) return <Loading />;

  const draft = loaded.draft;
  const tabs: Tab[] = loaded.kind === 'instruction' ? ['items', 'text', 'json'] : ['text', 'json'];
  const step = !draft ? 'published' : draft.status;
  const refresh = async () => adopt(await loadStandard(code));

  return (
    <div className="page editor-page">
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}>
        <Link to="/standards">{t('nav.standards')}</Link> / <Link to={`/standards/${code}`}>{code}</Link> / <span>{t('editor.title')}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>{String(working?.title ?? loaded.title)} <small className="muted">{code}</small></h1>
          <ol className="stepper" aria-label={t('editor.lifecycle')}>
            {(['draft', 'in_review', 'published'] as const).map((s) => (
              <li key={s} className={s === step ? 'current' : undefined} aria-current={s === step ? 'step' : undefined}>{t(`status.${s}`)}</li>
            ))}
          </ol>
        </div>
        <div className="head-meta">
          {draft ? <span>{t('editor.draftMeta', { version: draft.version, revision: draft.revision, author: draft.author, at: dateTime(draft.updatedAt) })}</span> : null}
          {loaded.latestPublished ? <Link to={`/standards/${code}/history`}>{t('editor.publishedVersion', { version: loaded.latestPublished.version })}</Link> : null}
        </div>
      </header>

      {published ? (
        <div className="notice notice-ok" role="status" data-testid="published-notice">
          {t('editor.publishedNotice', { version: published.to })}{' '}
          {published.from ? <Link to={`/standards/${code}/history?from=${published.from}&to=${published.to}`} data-testid="view-diff">{t('editor.viewDiff')}</Link> : null}
        </div>
      ) : null}
      {notice ? <div className="notice notice-ok" role="status">{notice}</div> : null}
      {conflict ? (
        <div className="notice notice-warn" role="alert" data-testid="conflict">
          <strong>{t('editor.conflictTitle')}</strong>
          <p>{t('editor.conflictBody', { revision: conflict.currentRevision ?? '?' })}</p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={reloadKeepingMine} disabled={busy} data-testid="reapply">{t('editor.reloadReapply')}</button>
            <button type="button" className="btn" onClick={discardMine} disabled={busy}>{t('editor.discardMine')}</button>
          </div>
        </div>
      ) : null}
      <ErrorNotice error={actionError} />
      {lost ? (
        <details className="notice notice-warn" open data-testid="lost-edits">
          <summary>{t('editor.lostTitle')}</summary>
          <p>{t('editor.lostBody')}</p>
          <label className="visually-hidden" htmlFor="lost-json">{t('editor.lostTitle')}</label>
          <textarea id="lost-json" className="code" rows={8} readOnly value={JSON.stringify(lost, null, 2)} />
          <button type="button" className="btn btn-small" onClick={() => setLost(null)}>{t('editor.lostDismiss')}</button>
        </details>
      ) : null}

      {!draft ? (
        <section className="card">
          <p>{t('editor.noDraft')}</p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run(async () => { await versionMutation(CREATE, { code }, 'createDraft'); await refresh(); })} data-testid="create-draft">
            {t('editor.createDraft')}
          </button>
        </section>
      ) : (
        <>
          <div className="editor-toolbar">
            <div role="tablist" className="tabs" aria-label={t('editor.modes')} onKeyDown={(e) => {
              // arrow keys move between the modes, as in any tab list
              if (syntax || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
              const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
              setTab(next);
              document.getElementById(`editor-tab-${next}`)?.focus();
            }}>
              {tabs.map((x) => (
                <button key={x} id={`editor-tab-${x}`} type="button" role="tab" aria-selected={tab === x} aria-controls="editor-panel" tabIndex={tab === x ? 0 : -1} className={tab === x ? 'active' : undefined} onClick={() => (syntax ? undefined : setTab(x))} disabled={!!syntax && tab !== x} data-testid={`tab-${x}`}>
                  {t(x === 'items' ? 'editor.tabItems' : x === 'text' ? 'editor.tabText' : 'editor.tabJson')}
                </button>
              ))}
            </div>
            <div className="button-row">
              {editable ? (
                <>
                  <span className={`save-state${dirty ? ' dirty' : ''}`} role="status">{dirty ? t('editor.unsaved') : t('editor.saved')}</span>
                  <button type="button" className="btn btn-primary" disabled={busy || !dirty || !!syntax || !!conflict} onClick={save} data-testid="save-draft">{t('editor.save')}</button>
                  <label className="visually-hidden" htmlFor="submit-note">{t('editor.submitNote')}</label>
                  <input id="submit-note" className="inline-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('editor.submitNote')} />
                  <button type="button" className="btn" disabled={busy || dirty || issues.length > 0 || checking} onClick={() => run(async () => { await versionMutation(SUBMIT, { code, note: note || null }, 'submitForReview'); setNote(''); await refresh(); })} data-testid="submit-review">
                    {t('editor.submitForReview')}
                  </button>
                </>
              ) : null}
            </div>
          </div>

          {draft.status === 'in_review' ? (
            <section className="card review-panel" aria-labelledby="review-title">
              <h2 id="review-title">{t('editor.reviewTitle')}</h2>
              <p>{t('editor.reviewBody', { version: draft.version })}</p>
              {can('publishStandards') ? (
                <>
                  <TextField label={t('editor.note')} value={note} onChange={setNote} placeholder={t('editor.notePlaceholder')} testId="publish-note" />
                  <div className="button-row">
                    <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run(async () => {
                      const from = loaded.latestPublished?.version ?? null;
                      const v = await versionMutation(PUBLISH, { code, note: note || null }, 'publish');
                      setPublished({ from, to: v.version });
                      setNote('');
                      await refresh();
                    })} data-testid="publish">{t('editor.publish')}</button>
                    <button type="button" className="btn" disabled={busy} onClick={() => run(async () => { await versionMutation(RETURN, { code, note: note || null }, 'returnToDraft'); setNote(''); await refresh(); })} data-testid="return-to-draft">{t('editor.returnToDraft')}</button>
                  </div>
                </>
              ) : <p className="muted">{t('editor.reviewNeedsRole')}</p>}
            </section>
          ) : null}

          <div className="editor-layout">
            <section className="editor-main" id="editor-panel" role="tabpanel" aria-labelledby={`editor-tab-${tab}`}>
              {working && tab === 'items' ? <ItemsEditor doc={working} onChange={setWorking} issuesAt={issuesAt} readOnly={!editable} /> : null}
              {working && tab === 'text' ? <TextEditor doc={working} onChange={setWorking} issuesAt={issuesAt} readOnly={!editable} /> : null}
              {working && tab === 'json' ? <JsonEditor doc={working} onChange={setWorking} onSyntax={setSyntax} readOnly={!editable} /> : null}
            </section>
            <aside className="editor-aside">
              {editable ? (
                <section className="card" aria-live="polite" data-testid="validation">
                  <h2>{t('editor.validation')}</h2>
                  {syntax ? <p className="text-danger">{t('json.syntax')}</p> : checking ? <p className="muted">{t('editor.checking')}</p> : issues.length === 0 ? <p className="text-ok" data-testid="valid">✓ {t('editor.valid')}</p> : (
                    <ul className="issues" data-testid="issues">
                      {issues.map((i, n) => <li key={n}><code>{i.pointer || '/'}</code> {i.message}</li>)}
                    </ul>
                  )}
                </section>
              ) : null}
              <section className="card">
                <h2>{t('editor.changesSincePublished', { version: loaded.latestPublished?.version ?? '—' })}</h2>
                <ChangeList changes={changes} />
              </section>
            </aside>
          </div>
        </>
      )}
    </div>
  );
}

interface Unsaved {
  revision: number;
  base: JsonObject;
  working: JsonObject;
}

const unsavedKey = (code: string) => `pinzhi.unsaved.${code}`;

function readUnsaved(code: string): Unsaved | null {
  try {
    const value = JSON.parse(localStorage.getItem(unsavedKey(code)) ?? 'null') as Unsaved | null;
    return value && typeof value.revision === 'number' && value.base && value.working ? value : null;
  } catch {
    return null;
  }
}

function writeUnsaved(code: string, value: Unsaved): void {
  try {
    localStorage.setItem(unsavedKey(code), JSON.stringify(value));
  } catch {
    // a full storage only means the edits are not kept across a reload
  }
}

function clearUnsaved(code: string): void {
  localStorage.removeItem(unsavedKey(code));
}
