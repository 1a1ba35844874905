import type { JsonValue } from '../../shared/json.ts';
import type { TextSegment } from './text-diff.ts';

/** What kind of change a person reads about. */
export type ChangeKind =
  | 'item-added' | 'item-removed' | 'item-renamed'
  | 'constraint-tightened' | 'constraint-loosened' | 'constraint-changed'
  | 'severity-changed' | 'weight-changed' | 'tiers-changed' | 'check-changed'
  | 'text-changed' | 'document-changed';

/** Which layer of the library made a change: the shared baseline, the organisation's overlay or addition, or the project profile's variant. */
export type Layer = 'baseline' | 'organisation' | 'profile';

/** One change between two versions of a standard, as an auditor reads it. */
export interface Change {
  /** The layer that made it, where the reader compares layers (absent: the document's own layer). */
  layer?: Layer;
  kind: ChangeKind;
  /** JSON Pointer of the changed place in the `to` document (in `from` for removals). */
  pointer: string;
  /** Check item key, when the change concerns a check item. */
  item?: string;
  /** Keyword or field name, e.g. `minimum`, `x-check/method`, `x-standard/body/purpose`. */
  field?: string;
  /** Old value; absent when something was added. */
  before?: JsonValue;
  /** New value; absent when something was removed. */
  after?: JsonValue;
  /** One English sentence. */
  summary: string;
  /** The same sentence in Chinese. */
  summaryZh: string;
  /** For `text-changed`: the character-level diff. */
  segments?: TextSegment[];
}
