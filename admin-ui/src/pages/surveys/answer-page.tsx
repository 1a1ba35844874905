import { useState } from 'react';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../domain/shared/json.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useQuery } from '../../lib/use-query.ts';

const SURVEY = graphql(`
  query SurveyByToken($token: String!) {
    surveyByToken(token: $token) { __typename ...ErrorFields ... on PublicSurvey { waveName questionnaireTitle projectName opensOn closesOn schema answered } }
  }
`, [ErrorFields]);

const SUBMIT = graphql(`
  mutation SubmitSurveyResponse($token: String!, $answers: JSON!) {
    submitSurveyResponse(token: $token, answers: $answers) { __typename ...ErrorFields ... on SurveySubmission { submittedAt } }
  }
`, [ErrorFields]);

interface Question {
  key: string;
  title: string;
  role: string;
  minimum: number;
  maximum: number;
  maxLength: number | undefined;
  required: boolean;
}

/** The questions of a questionnaire schema in the order asked (the server has checked their shape). */
function questionsOf(schema: JsonValue): Question[] {
  if (!isJsonObject(schema) || !isJsonObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  const properties = schema.properties;
  // the order asked: x-order (the database does not keep the order of an object's keys)
  const order = Array.isArray(schema['x-order']) ? schema['x-order'].filter((k): k is string => typeof k === 'string' && k in properties) : [];
  const keys = [...order, ...Object.keys(properties).filter((k) => !order.includes(k))];
  return keys.map((key): [string, JsonValue] => [key, properties[key]]).filter((e): e is [string, JsonObject] => isJsonObject(e[1])).map(([key, q]) => ({
    key, title: String(q.title ?? key), role: String(q['x-role'] ?? ''),
    minimum: typeof q.minimum === 'number' ? q.minimum : 0, maximum: typeof q.maximum === 'number' ? q.maximum : 0,
    maxLength: typeof q.maxLength === 'number' ? q.maxLength : undefined, required: required.includes(key),
  }));
}

/** A scale as a row of buttons a thumb can hit, the ends labelled. */
function Scale({ q, value, onChange, invalid }: { q: Question; value: number | undefined; onChange(v: number): void; invalid: boolean }) {
  const { t } = useI18n();
  const points = Array.from({ length: q.maximum - q.minimum + 1 }, (_, i) => q.minimum + i);
  return (
    <div className="survey-scale" role="radiogroup" aria-label={q.title} aria-invalid={invalid || undefined}>
      <div className="survey-points">
        {points.map((p) => (
          <button key={p} type="button" role="radio" aria-checked={value === p} className={value === p ? 'selected' : undefined} onClick={() => onChange(p)} data-testid={`answer-${q.key}-${p}`}>{p}</button>
        ))}
      </div>
      <div className="survey-ends muted"><span>{t(q.role === 'nps' ? 'survey.answer.npsLow' : 'survey.answer.low')}</span><span>{t(q.role === 'nps' ? 'survey.answer.npsHigh' : 'survey.answer.high')}</span></div>
    </div>
  );
}

/**
 * The household's answering page, opened from a single-use link (`/s/<token>`) without signing in:
 * the wave's pinned questionnaire, one question per block, scales as buttons, and a thank-you once
 * submitted (or when the link was answered before).
 */
export function SurveyAnswerPage({ token }: { token: string }) {
  const { t, lang, setLang } = useI18n();
  const state = useQuery(async () => expect((await request(SURVEY, { token })).surveyByToken, 'PublicSurvey'), [token]);
  const [answers, setAnswers] = useState<Record<string, JsonValue>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const survey = state.data;
  const questions = survey ? questionsOf(survey.schema as JsonValue) : [];
  const problems = error instanceof ApiError ? new Map(error.issues.map((i) => [i.pointer.split('/')[2] ?? '', i.message])) : new Map<string, string>();
  const answer = (key: string, value: JsonValue) => {
    setAnswers({ ...answers, [key]: value });
    setMissing(missing.filter((k) => k !== key));
  };
  const submit = async () => {
    const unanswered = questions.filter((q) => q.required && answers[q.key] === undefined).map((q) => q.key);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    setSending(true);
    setError(null);
    try {
      const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== ''));
      expect((await request(SUBMIT, { token, answers: given })).submitSurveyResponse, 'SurveySubmission');
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="survey-page" data-testid="survey-page">
      <div className="survey-top">
        <button type="button" className="btn btn-ghost" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">{lang === 'zh' ? 'English' : '中文'}</button>
      </div>
      {state.loading && !survey ? <Loading /> : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {survey ? (
        <>
          <header className="survey-header">
            <h1>{survey.questionnaireTitle}</h1>
            <p className="muted">{survey.projectName} · {survey.waveName}</p>
            <p className="muted">{t('survey.answer.period', { from: survey.opensOn, to: survey.closesOn })}</p>
          </header>
          {done || survey.answered ? (
            <p className="notice notice-ok" role="status" data-testid="survey-done">{done ? t('survey.answer.thanks') : t('survey.answer.already')}</p>
          ) : (
            <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
              {questions.map((q, i) => {
                const invalid = missing.includes(q.key) || problems.has(q.key);
                return (
                  <fieldset key={q.key} className={`survey-question${invalid ? ' invalid' : ''}`} data-testid={`question-${q.key}`}>
                    <legend>{i + 1}. {q.title}{q.required ? <span className="required" aria-hidden="true"> *</span> : null}</legend>
                    {q.role === 'comment' ? (
                      <textarea rows={4} maxLength={q.maxLength} value={typeof answers[q.key] === 'string' ? (answers[q.key] as string) : ''} onChange={(e) => answer(q.key, e.target.value)} aria-label={q.title} data-testid={`answer-${q.key}`} />
                    ) : (
                      <Scale q={q} value={typeof answers[q.key] === 'number' ? (answers[q.key] as number) : undefined} onChange={(v) => answer(q.key, v)} invalid={invalid} />
                    )}
                    {missing.includes(q.key) ? <p className="field-issues" role="alert">{t('survey.answer.required')}</p> : null}
                    {problems.has(q.key) ? <p className="field-issues" role="alert">{problems.get(q.key)}</p> : null}
                  </fieldset>
                );
              })}
              {missing.length > 0 ? <p className="notice notice-error" role="alert">{t('survey.answer.problems')}</p> : null}
              {error ? <ErrorNotice error={error} /> : null}
              <button type="submit" className="btn btn-primary survey-submit" disabled={sending} data-testid="survey-submit">{sending ? t('survey.answer.submitting') : t('survey.answer.submit')}</button>
            </form>
          )}
        </>
      ) : null}
    </div>
  );
}
