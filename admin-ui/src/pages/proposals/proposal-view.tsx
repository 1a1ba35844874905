import type { ReactNode } from 'react';
import type { JsonValue } from '../../../../domain/shared/json.ts';
import { isJsonObject } from '../../../../domain/shared/json.ts';
import { Photo } from '../../components/photo.tsx';
import { Badge } from '../../components/status.tsx';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { useI18n, type Translate } from '../../lib/i18n.tsx';

export const ProposalFields = graphql(`fragment ProposalFields on Proposal { id version status title problem idea expectedEffect requestedBudget grantedBudget attachments proposer proposerName submittedAt
  effect { indicator before after changePercent outcome } waitingAt steps { taskId name completedBy completedByName completedAt data form } }`);
export type ProposalData = ResultOf<typeof ProposalFields>;

const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 0, maximumFractionDigits: 2 });
/** An amount of yuan as people write it: ¥36,000. */
export const money = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : yuan.format(v));

/** A measured effect in words: 「故障报修量下降41%」. */
export function effectWords(effect: ProposalData['effect'], t: Translate): string | null {
  if (!effect) return null;
  const indicator = effect.indicator ?? t('proposal.indicator');
  if (effect.changePercent === null || effect.changePercent === undefined) return effect.outcome;
  const n = Math.abs(effect.changePercent).toLocaleString('zh-CN', { maximumFractionDigits: 1 });
  if (effect.changePercent < 0) return t('proposal.effectDown', { indicator, n });
  if (effect.changePercent > 0) return t('proposal.effectUp', { indicator, n });
  return t('proposal.effectSame', { indicator });
}

const PHOTO_ID = /^[0-9a-f]{64}$/;
type Field = { title?: string; type?: string; format?: string; items?: { format?: string } };

function fieldsOf(form: JsonValue | null | undefined): Record<string, Field> {
  if (!isJsonObject(form) || !isJsonObject(form.properties)) return {};
  return form.properties as unknown as Record<string, Field>;
}

/**
 * Form data in words, labelled by its form's titles: yes or no, amounts of yuan as ¥ (a field whose
 * title says 元), photos as images. The one rendering of answered forms in the fund's pages.
 */
export function FormFacts({ form, data, testId }: { form: JsonValue | null | undefined; data: JsonValue | Record<string, unknown>; testId?: string }) {
  const { t } = useI18n();
  const fields = fieldsOf(form);
  // a value no form field names is not shown: its key is no word for a reader
  const entries = Object.entries(isJsonObject(data as JsonValue) ? (data as Record<string, unknown>) : {}).filter(([k, v]) => v !== null && v !== undefined && v !== '' && fields[k]?.title);
  if (entries.length === 0) return null;
  const words = (field: Field | undefined, v: unknown): ReactNode => {
    if (typeof v === 'boolean') return v ? t('form.yes') : t('form.no');
    if (typeof v === 'number') return field?.title?.includes('元') ? money(v) : v.toLocaleString('zh-CN');
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' && PHOTO_ID.test(x))) return <span className="photos">{v.map((sha) => <Photo key={String(sha)} sha256={String(sha)} alt={field?.title ?? t('form.photo')} />)}</span>;
    if (Array.isArray(v)) return v.map(String).join('、');
    return String(v);
  };
  return (
    <dl className="facts" data-testid={testId}>
      {entries.map(([k, v]) => <div key={k} className="fact"><dt>{fields[k].title}</dt><dd>{words(fields[k], v)}</dd></div>)}
    </dl>
  );
}

/** The field that says whether a step passed: a yes/no field first in its form (通过初审, 同意资助). */
function verdictField(fields: Record<string, Field>, data: Record<string, unknown>): string | undefined {
  const first = Object.keys(fields)[0];
  return first && fields[first].type === 'boolean' && typeof data[first] === 'boolean' ? first : undefined;
}

/** A decision in one line: 「品质部初审：通过 — 初审意见：…」, from the form's first yes/no field and its texts. */
export function decisionLine(step: ProposalData['steps'][number], t: Translate): { verdict: string; remarks: string[] } {
  const fields = fieldsOf(step.form);
  const data = isJsonObject(step.data) ? step.data : {};
  const flag = verdictField(fields, data);
  const verdict = flag ? (data[flag] ? t('proposal.passed') : t('proposal.notPassed')) : t('proposal.done');
  const remarks = Object.keys(fields).filter((k) => fields[k].type === 'string' && typeof data[k] === 'string' && String(data[k]).trim()).map((k) => `${fields[k].title ?? ''}：${String(data[k])}`);
  return { verdict, remarks };
}

/** The decisions taken on a proposal, each in words with the rest of its form beneath. */
export function Decisions({ steps }: { steps: ProposalData['steps'] }) {
  const { t, dateTime } = useI18n();
  if (steps.length === 0) return <p className="muted" data-testid="decisions">{t('proposal.noDecisions')}</p>;
  return (
    <ol className="decisions" data-testid="decisions">
      {steps.map((step) => {
        const { verdict, remarks } = decisionLine(step, t);
        const fields = fieldsOf(step.form);
        const data = isJsonObject(step.data) ? step.data : {};
        const flag = verdictField(fields, data);
        const rest = Object.fromEntries(Object.entries(data).filter(([k]) => fields[k]?.type !== 'string' && k !== flag));
        return (
          <li key={step.taskId} data-testid="decision">
            <p><strong>{step.name}：{verdict}</strong>{remarks.length ? ` — ${remarks.join('；')}` : ''}</p>
            <FormFacts form={step.form} data={rest} />
            <p className="small muted">{t('proposal.by', { who: step.completedByName ?? '—', at: dateTime(step.completedAt) })}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** A proposal as a card: what is proposed, the budgets, the attachments as images, the effect once measured. */
export function ProposalCard({ proposal }: { proposal: ProposalData }) {
  const { t, dateTime } = useI18n();
  const effect = effectWords(proposal.effect, t);
  const rows: [string, ReactNode][] = [
    [t('proposal.field.problem'), proposal.problem],
    [t('proposal.field.idea'), proposal.idea],
    [t('proposal.field.expectedEffect'), proposal.expectedEffect],
    [t('proposals.requested'), money(proposal.requestedBudget)],
    [t('proposals.granted'), proposal.grantedBudget === null ? null : money(proposal.grantedBudget)],
    [t('proposals.effect'), effect ? <>{effect}{proposal.effect?.before !== null && proposal.effect?.before !== undefined ? <span className="muted small">（{t('proposal.effectOf', { before: proposal.effect.before, after: proposal.effect.after ?? '—' })}）</span> : null}</> : null],
    [t('proposals.proposer'), `${proposal.proposerName} · ${dateTime(proposal.submittedAt)}`],
  ];
  return (
    <section className="card proposal-card" aria-label={t('proposal.card')} data-testid="proposal-card">
      <h2>{proposal.title} <Badge value={proposal.status} prefix="proposalStatus" /></h2>
      <dl className="facts">
        {rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => <div key={k} className="fact"><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
      {proposal.attachments.length ? (
        <div className="fact"><h3 className="small">{t('proposal.attachments')}</h3><div className="photos" data-testid="proposal-photos">{proposal.attachments.map((sha) => <Photo key={sha} sha256={sha} alt={proposal.title} />)}</div></div>
      ) : null}
      {proposal.waitingAt.length ? <p className="small muted">{t('proposals.waitingAt', { steps: proposal.waitingAt.join('、') })}</p> : null}
    </section>
  );
}
