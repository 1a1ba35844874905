import { useI18n } from '../../lib/i18n.tsx';
import { ProcessFacts } from './process-facts.tsx';
import { stateLabel, type ProcessLabels } from './process-labels.ts';

interface Effect {
  kind: string;
  action?: string;
  name?: string | null;
  code?: string;
  tasks?: { task: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What one step of an instance's history did, in words: the data a task was completed with, the
 * variables it started with, the reason of a cancellation, and the effects that followed
 * (reminders sent, escalations, incidents).
 */
export function HistoryDetail({ detail, labels }: { detail: unknown; labels: ProcessLabels }) {
  const { t, term } = useI18n();
  if (!isObject(detail)) return null;
  const data = isObject(detail.data) ? detail.data : isObject(detail.variables) ? detail.variables : null;
  const effects = (Array.isArray(detail.effects) ? detail.effects : []) as Effect[];
  const said = effects.map((e) => {
    if (e.kind === 'service') return term('action', e.action);
    if (e.kind === 'escalate') return t('instance.escalated', { name: e.name ?? e.code ?? '' });
    if (e.kind === 'incident') return t('instance.incident');
    if (e.kind === 'unassigned') return t('instance.unassigned', { tasks: (e.tasks ?? []).map((x) => stateLabel(labels, x.task, term)).join('、') });
    return term('effect', e.kind);
  });
  return (
    <div className="small detail">
      {data ? <ProcessFacts values={data} labels={[labels]} /> : null}
      {typeof detail.reason === 'string' ? <p>{t('instance.reason', { reason: detail.reason })}</p> : null}
      {said.length ? <p>{t('instance.effects', { effects: said.join(t('instance.listSeparator')) })}</p> : null}
    </div>
  );
}
