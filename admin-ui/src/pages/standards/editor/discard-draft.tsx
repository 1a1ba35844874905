import { useState } from 'react';
import { TextField } from '../../../components/fields.tsx';
import { useI18n } from '../../../lib/i18n.tsx';

/** Discarding the version being worked on: a button, then a question with a reason and a confirmation. */
export function DiscardDraft({ version, busy, onDiscard }: { version: number; busy: boolean; onDiscard(note: string | null): void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  if (!asking) {
    return (
      <div className="button-row discard-row">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setAsking(true)} data-testid="discard-draft">{t('doc.discard')}</button>
      </div>
    );
  }
  return (
    <section className="card discard-card" role="alertdialog" aria-labelledby="discard-question">
      <p id="discard-question">{t('doc.discardQuestion', { version })}</p>
      <TextField label={t('doc.discardNote')} value={note} onChange={setNote} testId="discard-note" />
      <div className="button-row">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onDiscard(note.trim() || null)} data-testid="confirm-discard">{t('doc.discardConfirm')}</button>
        <button type="button" className="btn" disabled={busy} onClick={() => setAsking(false)}>{t('doc.discardCancel')}</button>
      </div>
    </section>
  );
}
