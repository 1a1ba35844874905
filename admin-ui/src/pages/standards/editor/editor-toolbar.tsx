import { useI18n } from '../../../lib/i18n.tsx';

export type Tab = 'items' | 'text' | 'json';

/** The editing modes as a tab list (arrow keys move between them; a JSON syntax error keeps the user in JSON mode). */
function ModeTabs({ tabs, tab, locked, onTab }: { tabs: Tab[]; tab: Tab; locked: boolean; onTab(tab: Tab): void }) {
  const { t } = useI18n();
  return (
    <div role="tablist" className="tabs" aria-label={t('editor.modes')} onKeyDown={(e) => {
      // arrow keys move between the modes, as in any tab list
      if (locked || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
      const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      onTab(next);
      document.getElementById(`editor-tab-${next}`)?.focus();
    }}>
      {tabs.map((x) => (
        <button key={x} id={`editor-tab-${x}`} type="button" role="tab" aria-selected={tab === x} aria-controls="editor-panel" tabIndex={tab === x ? 0 : -1} className={tab === x ? 'active' : undefined} onClick={() => (locked ? undefined : onTab(x))} disabled={locked && tab !== x} data-testid={`tab-${x}`}>
          {t(x === 'items' ? 'editor.tabItems' : x === 'text' ? 'editor.tabText' : 'editor.tabJson')}
        </button>
      ))}
    </div>
  );
}

interface DraftControls {
  dirty: boolean;
  canSave: boolean;
  canSubmit: boolean;
  busy: boolean;
  note: string;
  onNote(note: string): void;
  onSave(): void;
  onSubmit(): void;
}

/** The modes, and for an editable draft: whether it is saved, Save, and Submit for review with a note. */
export function EditorToolbar({ tabs, tab, locked, onTab, draft }: { tabs: Tab[]; tab: Tab; locked: boolean; onTab(tab: Tab): void; draft: DraftControls | null }) {
  const { t } = useI18n();
  return (
    <div className="editor-toolbar">
      <ModeTabs tabs={tabs} tab={tab} locked={locked} onTab={onTab} />
      <div className="button-row">
        {draft ? (
          <>
            <span className={`save-state${draft.dirty ? ' dirty' : ''}`} role="status">{draft.dirty ? t('editor.unsaved') : t('editor.saved')}</span>
            <button type="button" className="btn btn-primary" disabled={!draft.canSave} onClick={draft.onSave} data-testid="save-draft">{t('editor.save')}</button>
            <label className="visually-hidden" htmlFor="submit-note">{t('editor.submitNote')}</label>
            <input id="submit-note" className="inline-note" value={draft.note} onChange={(e) => draft.onNote(e.target.value)} placeholder={t('editor.submitNote')} />
            <button type="button" className="btn" disabled={!draft.canSubmit} onClick={draft.onSubmit} data-testid="submit-review">
              {t('editor.submitForReview')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
