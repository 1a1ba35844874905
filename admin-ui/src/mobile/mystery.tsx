import { useState } from 'react';
import { ErrorNotice, Loading } from '../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request } from '../lib/graphql.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useQuery } from '../lib/use-query.ts';
import type { LocalAnswer } from './local-store.ts';
import { AnswerInput } from './inspection.tsx';
import { problemOf } from './answer-state.ts';
import type { PhoneItem } from './api.ts';

const AUDIT = graphql(`
  query MysteryAudit($token: String!) { mysteryAuditByToken(token: $token) { __typename ...ErrorFields
    ... on PublicMysteryAudit { projectName expiresOn used checklist { id itemCount
      items { id code key module place instructionTitle title description criterion { zh en } input unit options evidence severity hint rectifyWithinHours schema } } } } }
`, [ErrorFields]);

const SUBMIT = graphql(`
  mutation SubmitMysteryAudit($token: String!, $checklistId: String!, $answers: [AnswerInput!]!) {
    submitMysteryAudit(token: $token, checklistId: $checklistId, answers: $answers) { __typename ...ErrorFields ... on SubmitInspectionSuccess { inspection { id } } }
  }
`, [ErrorFields]);

/**
 * The mystery customer's page, opened from a single-use link (`/m/<token>`) without signing in:
 * the project's mystery checklist, one item per card, submitted once and judged by the server.
 */
export function MysteryScreen({ token }: { token: string }) {
  const { t, lang, setLang } = useI18n();
  const state = useQuery(async () => expect((await request(AUDIT, { token })).mysteryAuditByToken, 'PublicMysteryAudit'), [token]);
  const [answers, setAnswers] = useState<Record<string, LocalAnswer>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const audit = state.data;
  const items = (audit?.checklist?.items ?? []) as PhoneItem[];
  // the server points at /answers/<index>/…; the answers are sent in the items' order
  const problems = error instanceof ApiError ? new Map(error.issues.map((i) => [items[Number(i.pointer.split('/')[2])]?.id ?? '', i.message])) : new Map<string, string>();
  const set = (id: string) => (patch: Partial<LocalAnswer> | ((p: LocalAnswer | undefined) => Partial<LocalAnswer>)) => {
    setAnswers((all) => ({ ...all, [id]: { ...all[id], ...(typeof patch === 'function' ? patch(all[id]) : patch) } }));
    setMissing((m) => m.filter((k) => k !== id));
  };
  const submit = async () => {
    const open = items.filter((i) => problemOf(i, answers[i.id]) === 'unanswered').map((i) => i.id);
    setMissing(open);
    if (open.length > 0 || !audit?.checklist) return;
    setSending(true);
    setError(null);
    try {
      const given = items.map((i) => ({ itemId: i.id, value: answers[i.id]?.value ?? null, remark: answers[i.id]?.remark || null }));
      expect((await request(SUBMIT, { token, checklistId: audit.checklist.id, answers: given })).submitMysteryAudit, 'SubmitInspectionSuccess');
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <main className="phone mystery-page" data-testid="mystery-page">
      <header className="phone-header">
        <span className="phone-brand">{t('mystery.title')}</span>
        <button type="button" className="link-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">{t('m.language')}</button>
      </header>
      {state.loading && !audit ? <Loading /> : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {audit ? (
        <>
          <h1>{audit.projectName}</h1>
          {done || audit.used ? (
            <p className="notice notice-ok" role="status" data-testid="mystery-done">{done ? t('mystery.thanks') : t('mystery.already')}</p>
          ) : (
            <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
              <p className="muted">{t('mystery.intro', { project: audit.projectName, date: audit.expiresOn })}</p>
              <ol className="cards">
                {items.map((item, n) => (
                  <li key={item.id} className={`card item${missing.includes(item.id) || problems.has(item.id) ? ' invalid' : ''}`} data-testid={`mystery-item-${n}`}>
                    <h2 className="item-title">{item.title}</h2>
                    {item.description ? <p className="small muted">{item.description}</p> : null}
                    <p className="small">{lang === 'zh' ? item.criterion.zh : item.criterion.en}</p>
                    <AnswerInput item={item} answer={answers[item.id]} set={set(item.id)} disabled={sending} label={item.title} />
                    {missing.includes(item.id) ? <p className="verdict verdict-fail" role="alert">{t('mystery.required')}</p> : null}
                    {problems.has(item.id) ? <p className="verdict verdict-fail" role="alert">{problems.get(item.id)}</p> : null}
                  </li>
                ))}
              </ol>
              {missing.length > 0 ? <p className="notice notice-error" role="alert">{t('mystery.unanswered')}</p> : null}
              {error ? <ErrorNotice error={error} /> : null}
              <button type="submit" className="btn btn-primary btn-block" disabled={sending} data-testid="mystery-submit">{sending ? t('mystery.submitting') : t('mystery.submit')}</button>
            </form>
          )}
        </>
      ) : null}
    </main>
  );
}
