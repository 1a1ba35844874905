import type { ReactNode } from 'react';
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

/** One page of a connection as a table (the column headings, a row per node) with its pager below. */
export function PagedTable<T>({ testId, headings, page, row, trail, pageSize }: {
  testId: string;
  headings: string[];
  page: { nodes: readonly T[]; totalCount: number; pageInfo: PageInfo };
  row: (node: T) => ReactNode;
  trail: PageTrail;
  pageSize: number;
}) {
  return (
    <>
      <div className="table-wrap">
        <table data-testid={testId}>
          <thead><tr>{headings.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>{page.nodes.map(row)}</tbody>
        </table>
      </div>
      <Pager trail={trail} pageSize={pageSize} count={page.nodes.length} total={page.totalCount} pageInfo={page.pageInfo} />
    </>
  );
}
