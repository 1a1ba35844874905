import { useI18n } from '../lib/i18n.tsx';
import type { PageInfo, PageTrail } from '../lib/paging.ts';

/** Previous / next over a list paged with cursors, with where the reader is. */
export function Pager({ trail, pageSize, count, total, pageInfo }: { trail: PageTrail; pageSize: number; count: number; total: number; pageInfo: PageInfo }) {
  const { t } = useI18n();
  if (trail.index === 0 && !pageInfo.hasNextPage) return null;
  const from = trail.index * pageSize + 1;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="btn btn-small" disabled={trail.index === 0} onClick={trail.previous}>{t('pager.previous')}</button>
      <span role="status">{t('pager.range', { from, to: from + count - 1, total })}</span>
      <button type="button" className="btn btn-small" disabled={!pageInfo.hasNextPage || !pageInfo.endCursor} onClick={() => pageInfo.endCursor && trail.next(pageInfo.endCursor)}>{t('pager.next')}</button>
    </nav>
  );
}
