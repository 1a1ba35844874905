import { graphql } from '../lib/graphql.ts';
import { useI18n } from '../lib/i18n.tsx';

/** What the UI reads of a readable change, wherever the API returns one (diffs, edition diffs). */
export const ChangeFields = graphql(`fragment ChangeFields on Change { kind pointer item field before after summary summaryZh segments { op text } }`);

/**
 * What a change list shows: met by the API's `Change` (ChangeFields) and by the editor's own
 * `describeChanges`, which computes changes in the browser.
 */
export interface ChangeView {
  kind: string;
  summary: string;
  summaryZh: string;
  segments?: readonly { op: string; text: string }[] | null;
}

const KIND_CLASS: Record<string, string> = {
  'constraint-tightened': 'change-tightened',
  'constraint-loosened': 'change-loosened',
  'item-added': 'change-added',
  'item-removed': 'change-removed',
};

/** A character-level text diff: deletions struck through, insertions marked. */
export function TextSegments({ segments }: { segments: readonly { op: string; text: string }[] }) {
  const { t } = useI18n();
  return (
    <p className="segments">
      {segments.map((s, i) =>
        s.op === 'insert' ? <ins key={i} title={t('diff.inserted')}>{s.text}</ins> : s.op === 'delete' ? <del key={i} title={t('diff.deleted')}>{s.text}</del> : <span key={i}>{s.text}</span>,
      )}
    </p>
  );
}

/** What changed, as a person reads it: each change with its kind (tightened, loosened, added …) and a sentence. */
export function ChangeList({ changes }: { changes: readonly ChangeView[] }) {
  const { t, lang, term } = useI18n();
  if (changes.length === 0) return <p className="muted">{t('diff.noChanges')}</p>;
  return (
    <ul className="change-list" data-testid="change-list">
      {changes.map((c, i) => (
        <li key={i} className={`change ${KIND_CLASS[c.kind] ?? ''}`} data-kind={c.kind}>
          <span className={`badge change-kind ${KIND_CLASS[c.kind] ?? ''}`}>{term('change', c.kind)}</span>
          <span className="change-summary">{lang === 'zh' ? c.summaryZh : c.summary}</span>
          {c.segments?.length ? <TextSegments segments={c.segments} /> : null}
        </li>
      ))}
    </ul>
  );
}
