import { useMemo, useState } from 'react';
import { describeChanges } from '../../../../../domain/standards/diff/semantic-diff.ts';
import { ErrorNotice, Loading, Badge } from '../../../components/status.tsx';
import { ApiError, type Issue } from '../../../lib/graphql.ts';
import { useI18n, type Translate } from '../../../lib/i18n.tsx';
import { useLeaveGuard, Link, navigate } from '../../../lib/router.tsx';
import { createDraft, discardDraft, loadStandard, publish, returnToDraft, saveDraft, submitForReview } from './editor-api.ts';
import { DiscardDraft } from './discard-draft.tsx';
import { EditorAside } from './editor-aside.tsx';
import { EditorHeader } from './editor-header.tsx';
import { ConflictNotice, LostEdits, PublishedNotice } from './editor-notices.tsx';
import { EditorToolbar, type Tab } from './editor-toolbar.tsx';
import type { JsonObject } from '../../../../../domain/shared/json.ts';
import { ChangeList } from '../../../components/change-list.tsx';
import { TextField } from '../../../components/fields.tsx';
import { useSession } from '../../../lib/session.tsx';
import { ItemsEditor } from './items-editor.tsx';
import { JsonEditor } from './json-editor.tsx';
import type { JumpTarget } from './code-editor.tsx';
import { reapply } from './reapply.ts';
import { ReviewPanel } from './review-panel.tsx';
import { TextEditor } from './text-editor.tsx';
import { useDraft } from './use-draft.ts';
import { useLiveCheck } from './use-live-check.ts';

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
  const { t, term, lang } = useI18n();
  const { can } = useSession();
  const [tab, setTab] = useState<Tab>('items');
  const [syntax, setSyntax] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [published, setPublished] = useState<{ from: number | null; to: number } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [jumpTo, setJumpTo] = useState<JumpTarget | null>(null);
  const { loaded, setLoaded, loadError, base, setBase, working, setWorking, workingRef, lost, setLost, adopt, dirty, editable } = useDraft(code, (data, restored) => {
    setTab(data.kind === 'instruction' ? 'items' : 'text');
    if (restored) setNotice(restored.reapplied ? t('editor.restoredReapplied', { revision: restored.revision }) : t('editor.restored'));
  });
  const { issues, checking } = useLiveCheck(code, working, editable, lang);
  useLeaveGuard(dirty, t('editor.leaveUnsaved'));

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
  const refresh = async () => adopt(await loadStandard(code));

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
    // Save is offered only for an editable draft with edits
    if (!sent || !loaded?.draft) return;
    const saved = await saveDraft(code, sent, loaded.draft.revision);
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

  return (
    <div className="page editor-page">
      <EditorHeader code={code} loaded={loaded} title={String(working?.title ?? loaded.title)} />

      {published ? <PublishedNotice code={code} published={published} /> : null}
      {notice ? <div className="notice notice-ok" role="status">{notice}</div> : null}
      {conflict ? <ConflictNotice conflict={conflict} busy={busy} onReapply={reloadKeepingMine} onDiscard={discardMine} /> : null}
      <ErrorNotice error={actionError} />
      {lost ? <LostEdits lost={lost} onDismiss={() => setLost(null)} /> : null}

      {!draft ? (
        <section className="card">
          <p>{t('editor.noDraft')}</p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run(async () => { await createDraft(code); await refresh(); })} data-testid="create-draft">
            {t('editor.createDraft')}
          </button>
        </section>
      ) : (
        <>
          <EditorToolbar tabs={tabs} tab={tab} locked={!!syntax} onTab={setTab} draft={editable ? {
            dirty,
            busy,
            canSave: !(busy || !dirty || !!syntax || !!conflict),
            canSubmit: !(busy || dirty || issues.length > 0 || checking),
            note,
            onNote: setNote,
            onSave: save,
            onSubmit: () => run(async () => { await submitForReview(code, note || null); setNote(''); await refresh(); }),
          } : null} />

          {can('editStandards') ? (
            <DiscardDraft key={draft.version} version={draft.version} busy={busy} onDiscard={(why) => run(async () => {
              const done = await discardDraft(code, why);
              if (done.documentRemoved) {
                navigate('/standards', { unguarded: true });
                return;
              }
              await refresh();
              setNotice(t('doc.discarded', { code, version: done.version }));
            })} />
          ) : null}

          {draft.status === 'in_review' ? (
            <ReviewPanel open={draft} note={note} onNote={setNote} busy={busy}
              onPublish={() => run(async () => {
                const from = loaded.latestPublished?.version ?? null;
                const to = await publish(code, note || null);
                setPublished({ from, to });
                setNote('');
                await refresh();
              })}
              onReturn={() => run(async () => { await returnToDraft(code, note || null); setNote(''); await refresh(); })} />
          ) : null}

          <div className="editor-layout">
            <section className="editor-main" id="editor-panel" role="tabpanel" aria-labelledby={`editor-tab-${tab}`}>
              {working && tab === 'items' ? <ItemsEditor doc={working} onChange={setWorking} issuesAt={issuesAt} readOnly={!editable} /> : null}
              {working && tab === 'text' ? <TextEditor doc={working} onChange={setWorking} issuesAt={issuesAt} readOnly={!editable} /> : null}
              {working && tab === 'json' ? <JsonEditor doc={working} onChange={setWorking} onSyntax={setSyntax} readOnly={!editable} issues={issues} jumpTo={jumpTo} /> : null}
            </section>
            <EditorAside validation={editable ? { syntax: !!syntax, checking, issues, placeOf: (pointer) => (working ? placeOf(working, pointer, t, term) : pointer), onJump: (pointer) => { setTab('json'); setJumpTo((j) => ({ pointer, seq: (j?.seq ?? 0) + 1 })); } } : null} publishedVersion={loaded.latestPublished?.version} changes={changes} />
          </div>
        </>
      )}
    </div>
  );
}
