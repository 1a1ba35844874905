import { TextField } from '../../../components/fields.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';

/** A version in review: publish it or return it to draft, with a note (for those who may publish). */
export function ReviewPanel({ version, note, onNote, busy, onPublish, onReturn }: { version: number; note: string; onNote(note: string): void; busy: boolean; onPublish(): void; onReturn(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <section className="card review-panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('editor.reviewTitle')}</h2>
      <p>{t('editor.reviewBody', { version })}</p>
      {can('publishStandards') ? (
        <>
          <TextField label={t('editor.note')} value={note} onChange={onNote} placeholder={t('editor.notePlaceholder')} testId="publish-note" />
          <div className="button-row">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={onPublish} data-testid="publish">{t('editor.publish')}</button>
            <button type="button" className="btn" disabled={busy} onClick={onReturn} data-testid="return-to-draft">{t('editor.returnToDraft')}</button>
          </div>
        </>
      ) : <p className="muted">{t('editor.reviewNeedsRole')}</p>}
    </section>
  );
}
