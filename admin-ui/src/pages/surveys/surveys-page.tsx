import { useState } from 'react';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const LIST = graphql(`
  query Surveys {
    questionnaires { __typename ...ErrorFields ... on QueryQuestionnairesSuccess { data { code title versions { version status } } } }
    surveyWaves { __typename ...ErrorFields ... on QuerySurveyWavesSuccess { data { id name opensOn closesOn version { version } questionnaire { code title } } } }
  }
`, [ErrorFields]);

const CREATE = graphql(`
  mutation CreateQuestionnaire($code: String!, $title: String!, $schema: JSON!) {
    createQuestionnaire(code: $code, title: $title, schema: $schema) { __typename ...ErrorFields ... on Questionnaire { code } }
  }
`, [ErrorFields]);

const CREATE_WAVE = graphql(`
  mutation CreateSurveyWave($code: String!, $version: Int!, $name: String!, $opensOn: String!, $closesOn: String!) {
    createSurveyWave(questionnaireCode: $code, version: $version, name: $name, opensOn: $opensOn, closesOn: $closesOn) { __typename ...ErrorFields ... on SurveyWave { id } }
  }
`, [ErrorFields]);

/** A new questionnaire starts from the smallest valid one: an overall question and a comment. */
const STARTER = {
  type: 'object', required: ['overall'], additionalProperties: false, 'x-order': ['overall', 'comment'],
  properties: {
    overall: { type: 'integer', title: '总体而言，您对我们的服务满意吗？', minimum: 1, maximum: 5, 'x-role': 'overall' },
    comment: { type: 'string', title: '您还有什么意见或建议？', maxLength: 500, 'x-role': 'comment' },
  },
};

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Satisfaction surveys: the questionnaires (versioned) and the waves sent, with forms to start either. */
export function SurveysPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const state = useQuery(() => request(LIST), []);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [wave, setWave] = useState({ code: '', version: 1 as number | undefined, name: '', opensOn: today(), closesOn: today() });
  const [error, setError] = useState<unknown>(null);
  const create = async () => {
    setError(null);
    try {
      const q = expect((await request(CREATE, { code, title, schema: STARTER })).createQuestionnaire, 'Questionnaire');
      navigate(`/surveys/questionnaires/${q.code}`);
    } catch (e) {
      setError(e);
    }
  };
  const createWave = async () => {
    setError(null);
    try {
      const w = expect((await request(CREATE_WAVE, { ...wave, version: wave.version ?? 0 })).createSurveyWave, 'SurveyWave');
      navigate(`/surveys/waves/${w.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="page" data-testid="surveys-page">
      <h1>{t('surveys.title')}</h1>
      <p className="muted">{t('surveys.intro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <QueryView state={state}>
        {(data) => {
          const questionnaires = expect(data.questionnaires, 'QueryQuestionnairesSuccess').data;
          const waves = expect(data.surveyWaves, 'QuerySurveyWavesSuccess').data;
          return (
            <>
              <h2>{t('surveys.questionnaires')}</h2>
              {questionnaires.length === 0 ? <p className="muted">{t('surveys.noQuestionnaires')}</p> : (
                <div className="table-wrap"><table data-testid="questionnaires">
                  <thead><tr><th>{t('surveys.code')}</th><th>{t('surveys.name')}</th><th>{t('surveys.versions')}</th></tr></thead>
                  <tbody>{questionnaires.map((q) => (
                    <tr key={q.code}>
                      <td><Link to={`/surveys/questionnaires/${q.code}`}>{q.code}</Link></td>
                      <td>{q.title}</td>
                      <td>{q.versions.map((v) => `v${v.version} ${t(v.status === 'draft' ? 'surveys.draft' : 'surveys.published')}`).join(' · ')}</td>
                    </tr>
                  ))}</tbody>
                </table></div>
              )}
              <h2>{t('surveys.waves')}</h2>
              {waves.length === 0 ? <p className="muted">{t('surveys.noWaves')}</p> : (
                <div className="table-wrap"><table data-testid="waves">
                  <thead><tr><th>{t('surveys.name')}</th><th>{t('surveys.questionnaire')}</th><th>{t('surveys.period')}</th></tr></thead>
                  <tbody>{waves.map((w) => (
                    <tr key={w.id}>
                      <td><Link to={`/surveys/waves/${w.id}`}>{w.name}</Link></td>
                      <td>{w.questionnaire.title} v{w.version.version}</td>
                      <td>{w.opensOn} – {w.closesOn}</td>
                    </tr>
                  ))}</tbody>
                </table></div>
              )}
              {can('manageSurveys') ? (
                <div className="grid-2">
                  <form className="card" onSubmit={(e) => { e.preventDefault(); void create(); }}>
                    <h3>{t('surveys.newQuestionnaire')}</h3>
                    <TextField label={t('surveys.code')} value={code} onChange={setCode} testId="new-code" />
                    <TextField label={t('surveys.name')} value={title} onChange={setTitle} testId="new-title" />
                    <button type="submit" className="btn btn-primary">{t('surveys.create')}</button>
                  </form>
                  <form className="card" onSubmit={(e) => { e.preventDefault(); void createWave(); }}>
                    <h3>{t('surveys.newWave')}</h3>
                    <SelectField label={t('surveys.questionnaire')} value={wave.code} onChange={(v) => setWave({ ...wave, code: v })} options={[{ value: '', label: '—' }, ...questionnaires.map((q) => ({ value: q.code, label: `${q.code} ${q.title}` }))]} />
                    <NumberField label={t('surveys.version')} value={wave.version} integer min={1} onChange={(v) => setWave({ ...wave, version: v })} />
                    <TextField label={t('surveys.name')} value={wave.name} onChange={(v) => setWave({ ...wave, name: v })} />
                    <TextField label={t('surveys.opensOn')} value={wave.opensOn} onChange={(v) => setWave({ ...wave, opensOn: v })} />
                    <TextField label={t('surveys.closesOn')} value={wave.closesOn} onChange={(v) => setWave({ ...wave, closesOn: v })} />
                    <button type="submit" className="btn btn-primary">{t('surveys.create')}</button>
                  </form>
                </div>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
