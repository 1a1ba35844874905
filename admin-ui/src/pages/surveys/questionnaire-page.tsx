import { useState } from 'react';
import type { JsonValue } from '../../../../domain/shared/json.ts';
import { ChangeList } from '../../components/change-list.tsx';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { SelectField } from '../../components/fields.tsx';
import { ApiError, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const QUESTIONNAIRE = graphql(`
  query QuestionnairePage($code: String!) {
    questionnaire(code: $code) { __typename ...ErrorFields ... on Questionnaire { code title
      versions { version status schema createdBy publishedBy publishedAt questions { key title role driver minimum maximum required } } } }
  }
`, [ErrorFields]);

const SAVE = graphql(`
  mutation SaveQuestionnaireDraft($code: String!, $schema: JSON!) { saveQuestionnaireDraft(code: $code, schema: $schema) { __typename ...ErrorFields ... on Questionnaire { code } } }
`, [ErrorFields]);

const PUBLISH = graphql(`
  mutation PublishQuestionnaire($code: String!) { publishQuestionnaire(code: $code) { __typename ...ErrorFields ... on Questionnaire { code } } }
`, [ErrorFields]);

const DIFF = graphql(`
  query QuestionnaireDiff($code: String!, $from: Int!, $to: Int!) {
    questionnaireDiff(code: $code, from: $from, to: $to) { __typename ...ErrorFields ... on QuestionnaireDiff { changes { kind pointer summary summaryZh segments { op text } } } }
  }
`, [ErrorFields]);

/** Which two versions to compare, and the changes between them. */
function DiffView({ code, versions }: { code: string; versions: number[] }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(String(versions.at(-2) ?? versions[0]));
  const [to, setTo] = useState(String(versions.at(-1)));
  const state = useQuery(async () => expect((await request(DIFF, { code, from: Number(from), to: Number(to) })).questionnaireDiff, 'QuestionnaireDiff'), [code, from, to]);
  const options = versions.map((v) => ({ value: String(v), label: `v${v}` }));
  return (
    <section data-testid="questionnaire-diff">
      <h2>{t('surveys.compare')}</h2>
      <div className="grid-2">
        <SelectField label={t('surveys.from')} value={from} onChange={setFrom} options={options} />
        <SelectField label={t('surveys.to')} value={to} onChange={setTo} options={options} />
      </div>
      <QueryView state={state}>{(diff) => <ChangeList changes={diff.changes} />}</QueryView>
    </section>
  );
}

/**
 * One questionnaire: its versions, the questions of the newest, the JSON Schema editor of its
 * draft (saving a published one opens the next version), publishing, and the diff of two versions.
 */
export function QuestionnairePage({ code }: { code: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const state = useQuery(async () => expect((await request(QUESTIONNAIRE, { code })).questionnaire, 'Questionnaire'), [code]);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setError(null);
    setSaved(false);
    try {
      await work();
      setSaved(true);
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  const save = (schemaText: string) => act(async () => {
    let schema: JsonValue;
    try {
      schema = JSON.parse(schemaText);
    } catch (e) {
      throw new ApiError('ValidationError', (e as Error).message);
    }
    expect((await request(SAVE, { code, schema })).saveQuestionnaireDraft, 'Questionnaire');
    setText(null);
  });
  const publish = () => act(async () => void expect((await request(PUBLISH, { code })).publishQuestionnaire, 'Questionnaire'));
  return (
    <div className="page" data-testid="questionnaire-page">
      <p><Link to="/surveys">{t('surveys.title')}</Link></p>
      <QueryView state={state}>
        {(q) => {
          const newest = q.versions.at(-1)!;
          const shown = text ?? JSON.stringify(newest.schema, null, 2);
          return (
            <>
              <h1>{q.code} {q.title}</h1>
              <p data-testid="versions">{q.versions.map((v) => `v${v.version} ${t(v.status === 'draft' ? 'surveys.draft' : 'surveys.published')}`).join(' · ')}</p>
              <h2>{t('surveys.questions')} (v{newest.version})</h2>
              <div className="table-wrap"><table data-testid="questions">
                <thead><tr><th>#</th><th>{t('surveys.questions')}</th><th>{t('surveys.role')}</th><th>{t('surveys.driver')}</th><th>{t('surveys.scale')}</th></tr></thead>
                <tbody>{newest.questions.map((x, i) => (
                  <tr key={x.key}><td>{i + 1}</td><td>{x.title}</td><td>{t(`surveys.role.${x.role}` as 'surveys.role.overall')}</td><td>{x.driver ?? ''}</td><td>{x.minimum === null ? '' : `${x.minimum}–${x.maximum}`}</td></tr>
                ))}</tbody>
              </table></div>
              {can('manageSurveys') ? (
                <section>
                  <h2>{t('surveys.schema')}</h2>
                  <textarea className="survey-schema" value={shown} onChange={(e) => setText(e.target.value)} aria-label={t('surveys.schema')} data-testid="schema-editor" spellCheck={false} />
                  {error ? <ErrorNotice error={error} /> : null}
                  {saved ? <p className="notice notice-ok" role="status">{t('surveys.saved')}</p> : null}
                  <p>
                    <button type="button" className="btn btn-primary" onClick={() => void save(shown)} data-testid="save-draft">{t('surveys.saveDraft')}</button>{' '}
                    {newest.status === 'draft' ? <button type="button" className="btn" onClick={() => void publish()} data-testid="publish">{t('surveys.publish')}</button> : null}
                  </p>
                </section>
              ) : null}
              {q.versions.length > 1 ? <DiffView code={q.code} versions={q.versions.map((v) => v.version)} /> : null}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
