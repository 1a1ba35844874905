import { TextField } from '../../../components/fields.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { OpenVersion } from './editor-api.ts';

/**
 * A version in review: what the submitter said, why it was returned before, and for those who may
 * publish, the decision (publish or return) with a note. Separation of duties greys out Publish for
 * the version's own author, editor and submitter, saying why.
 */
export function ReviewPanel({ open, note, onNote, busy, onPublish, onReturn }: { open: OpenVersion; note: string; onNote(note: string): void; busy: boolean; onPublish(): void; onReturn(): void }) {
  const { t, dateTime } = useI18n();
  const { can } = useSession();
  return (
    <section className="card review-panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('editor.reviewTitle')}</h2>
      <p>{t('editor.reviewBody', { version: open.version })}</p>
      <div className="review-notes" data-testid="review-notes">
        {open.submittedBy ? <p className="muted">{t('doc.submittedBy', { who: open.submittedBy, at: dateTime(open.submittedAt) })}</p> : null}
        <blockquote className="note-quote" data-testid="submit-note-shown">
          <strong>{t('doc.submitNote')}：</strong>{open.submitNote ?? t('doc.noSubmitNote')}
        </blockquote>
        {open.returnNote ? (
          <blockquote className="note-quote muted" data-testid="return-note-shown">
            <strong>{t('doc.returnedBefore', { who: open.returnedBy ?? '—', at: dateTime(open.returnedAt) })}：</strong>{open.returnNote}
          </blockquote>
        ) : null}
      </div>
      {can('publishStandards') ? (
        <>
          {!open.mayPublish ? <p className="notice notice-warn" role="status" data-testid="four-eyes">{t('doc.fourEyes')}</p> : null}
          <TextField label={t('doc.decisionNote')} value={note} onChange={onNote} placeholder={t('editor.notePlaceholder')} testId="publish-note" />
          <div className="button-row">
            <button type="button" className="btn btn-primary" disabled={busy || !open.mayPublish} onClick={onPublish} data-testid="publish">{t('editor.publish')}</button>
            <button type="button" className="btn" disabled={busy} onClick={onReturn} data-testid="return-to-draft">{t('editor.returnToDraft')}</button>
          </div>
        </>
      ) : <p className="muted">{t('editor.reviewNeedsRole')}</p>}
    </section>
  );
}
