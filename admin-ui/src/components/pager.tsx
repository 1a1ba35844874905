import { useI18n } from '../lib/i18n.tsx';

/** Previous / next over an offset-paged list, with where the reader is. */
export function Pager({ offset, pageSize, total, onChange }: { offset: number; pageSize: number; total: number; onChange(offset: number): void }) {
  const { t } = useI18n();
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>{t('pager.previous')}</button>
      <span role="status">{t('pager.range', { from: offset + 1, to: Math.min(offset + pageSize, total), total })}</span>
      <button type="button" className="btn btn-small" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>{t('pager.next')}</button>
    </nav>
  );
}
