import { useMemo, useState } from 'react';
import { describeChanges } from '../../../../../domain/standards/diff/semantic-diff.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { ApiError, type Issue } from '../../../lib/graphql.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useLeaveGuard } from '../../../lib/router.tsx';
import { createDraft, loadStandard, publish, returnToDraft, saveDraft, submitForReview } from './editor-api.ts';
import { EditorAside } from './editor-aside.tsx';
import { EditorHeader } from './editor-header.tsx';
import { ConflictNotice, LostEdits, PublishedNotice } from './editor-notices.tsx';
import { EditorToolbar, type Tab } from './editor-toolbar.tsx';
import { ItemsEditor } from './items-editor.tsx';
import { JsonEditor } from './json-editor.tsx';
import { reapply } from './reapply.ts';
import { ReviewPanel } from './review-panel.tsx';
import { TextEditor } from './text-editor.tsx';
import { useDraft } from './use-draft.ts';
import { useLiveCheck } from './use-live-check.ts';

/** Problems for one place of the document: at that pointer, or (unless exact) below it. */
function issuesLookup(issues: Issue[]) {
  return (pointer: string, exact = false) => issues.filter((i) => i.pointer === pointer || (!exact && i.pointer.startsWith(`${pointer}/`))).map((i) => (i.pointer === pointer ? i.message : `${i.pointer.slice(pointer.length + 1)}: ${i.message}`));
}

/**
 * The standards editor: a quality manager opens a draft, edits check items and text with forms
 * (or the raw JSON Schema), sees the server's verdict and the readable changes as they type, saves
 * with the revision they read, and takes the draft through review to publication. When someone
 * else saved first, their version is loaded and the user's edits are reapplied on top of it.
 */
export function StandardEditor({ code }: { code: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('items');
  const [syntax, setSyntax] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [published, setPublished] = useState<{ from: number | null; to: number } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { loaded, setLoaded, loadError, base, setBase, working, setWorking, workingRef, lost, setLost, adopt, dirty, editable } = useDraft(code, (data, restored) => {
    setTab(data.kind === 'instruction' ? 'items' : 'text');
    if (restored) setNotice(restored.reapplied ? t('editor.restoredReapplied', { revision: restored.revision }) : t('editor.restored'));
  });
  const { issues, checking } = useLiveCheck(code, working, editable);
  useLeaveGuard(dirty, t('editor.leaveUnsaved'));

  const changes = useMemo(() => (working && loaded?.latestPublished ? describeChanges(loaded.latestPublished.schema, working) : []), [working, loaded]);
  const issuesAt = useMemo(() => issuesLookup(issues), [issues]);

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
      setNotice(result.overlaps.length ? t('editor.reappliedOverlaps', { revision: fresh.draft.revision, paths: result.overlaps.join(', ') }) : t('editor.reapplied', { revision: fresh.draft.revision }));
    } else {
      setWorking(fresh.draft.schema);
      setLost(mine);
      setActionError(new ApiError('ConflictError', t('editor.reapplyFailed', { path: result.path })));
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

          {draft.status === 'in_review' ? (
            <ReviewPanel version={draft.version} note={note} onNote={setNote} busy={busy}
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
              {working && tab === 'json' ? <JsonEditor doc={working} onChange={setWorking} onSyntax={setSyntax} readOnly={!editable} /> : null}
            </section>
            <EditorAside validation={editable ? { syntax: !!syntax, checking, issues } : null} publishedVersion={loaded.latestPublished?.version} changes={changes} />
          </div>
        </>
      )}
    </div>
  );
}
