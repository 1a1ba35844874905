import type { JsonObject } from '../../../../../domain/shared/json.ts';
import type { ApiError } from '../../../lib/graphql.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { Link } from '../../../lib/router.tsx';

/** The version just published, with a link to what changed. */
export function PublishedNotice({ code, published }: { code: string; published: { from: number | null; to: number } }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-ok" role="status" data-testid="published-notice">
      {t('editor.publishedNotice', { version: published.to })}{' '}
      {published.from ? <Link to={`/standards/${code}/history?from=${published.from}&to=${published.to}`} data-testid="view-diff">{t('editor.viewDiff')}</Link> : null}
    </div>
  );
}

/** Someone else saved first: load their draft and reapply the user's edits, or drop the user's edits. */
export function ConflictNotice({ conflict, busy, onReapply, onDiscard }: { conflict: ApiError; busy: boolean; onReapply(): void; onDiscard(): void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-warn" role="alert" data-testid="conflict">
      <strong>{t('editor.conflictTitle')}</strong>
      <p>{t('editor.conflictBody', { revision: conflict.currentRevision ?? '?' })}</p>
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={onReapply} disabled={busy} data-testid="reapply">{t('editor.reloadReapply')}</button>
        <button type="button" className="btn" onClick={onDiscard} disabled={busy}>{t('editor.discardMine')}</button>
      </div>
    </div>
  );
}

/** The user's version when it could not be carried over, as JSON to copy. */
export function LostEdits({ lost, onDismiss }: { lost: JsonObject; onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <details className="notice notice-warn" open data-testid="lost-edits">
      <summary>{t('editor.lostTitle')}</summary>
      <p>{t('editor.lostBody')}</p>
      <label className="visually-hidden" htmlFor="lost-json">{t('editor.lostTitle')}</label>
      <textarea id="lost-json" className="code" rows={8} readOnly value={JSON.stringify(lost, null, 2)} />
      <button type="button" className="btn btn-small" onClick={onDismiss}>{t('editor.lostDismiss')}</button>
    </details>
  );
}
