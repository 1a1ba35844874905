import { useI18n } from '../../lib/i18n.tsx';
import { HistoryDetail } from './history-detail.tsx';
import { stateLabel, type ProcessLabels } from './process-labels.ts';

export interface HistoryStep {
  at: string;
  actor: string;
  event: string;
  detail: unknown;
  from: readonly string[];
  to: readonly string[];
}

/**
 * An instance's history as a timeline people read: when, who, what happened, from which step to
 * which (by the steps' names), and what the step was completed with — answers under their form
 * titles, photos as thumbnails.
 */
export function HistoryTimeline({ history, labels, testId }: { history: readonly HistoryStep[]; labels: ProcessLabels; testId?: string }) {
  const { dateTime, term } = useI18n();
  return (
    <ol className="timeline" data-testid={testId}>
      {history.map((h, n) => (
        <li key={n}>
          <time>{dateTime(h.at)}</time> <strong>{term('event', h.event)}</strong> · {h.actor}
          <div className="small muted">{h.from.map((s) => stateLabel(labels, s, term)).join('、') || '∅'} → {h.to.map((s) => stateLabel(labels, s, term)).join('、') || '∅'}</div>
          <HistoryDetail detail={h.detail} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
