import { useState } from 'react';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { NumberField, TextField } from '../../components/fields.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { MyTrainings } from './my-trainings.tsx';

const LIST = graphql(`
  query Trainings {
    trainings(first: 100) { __typename ...ErrorFields ... on TrainingConnection { nodes { id code version baseVersion title createdAt } } }
  }
`, [ErrorFields]);

export const OPEN_TRAINING = graphql(`
  mutation OpenTraining($code: String!, $version: Int!) {
    openTraining(code: $code, version: $version) { __typename ...ErrorFields ... on OpenedTraining { reused training { id } } }
  }
`, [ErrorFields]);

/** Trainings (标准培训): the caller's own, every training of the organisation for readers, and the form to open one. */
export function TrainingsPage() {
  const { t, dateTime } = useI18n();
  const { can } = useSession();
  const state = useQuery(async () => (can('readTraining') ? expect((await request(LIST)).trainings, 'TrainingConnection').nodes : []), []);
  const [code, setCode] = useState('');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setError(null);
    try {
      const opened = expect((await request(OPEN_TRAINING, { code, version: version ?? 0 })).openTraining, 'OpenedTraining');
      navigate(`/trainings/${opened.training.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="page" data-testid="trainings-page">
      <h1>{t('training.title')}</h1>
      <p className="muted">{t('training.intro')}</p>
      <MyTrainings />
      {can('readTraining') ? (
        <QueryView state={state}>
          {(trainings) => (
            <>
              <h2>{t('training.all')}</h2>
              {trainings.length === 0 ? <p className="muted">{t('training.none')}</p> : (
                <div className="table-wrap"><table data-testid="trainings">
                  <thead><tr><th>{t('training.document')}</th><th>{t('training.version')}</th><th>{t('training.base')}</th><th>{t('training.submittedAt')}</th></tr></thead>
                  <tbody>{trainings.map((x) => (
                    <tr key={x.id}>
                      <td><Link to={`/trainings/${x.id}`}>{x.code} {x.title}</Link></td>
                      <td>v{x.version}</td>
                      <td>{x.baseVersion === null ? t('training.firstVersion') : `v${x.baseVersion}`}</td>
                      <td>{dateTime(x.createdAt)}</td>
                    </tr>
                  ))}</tbody>
                </table></div>
              )}
            </>
          )}
        </QueryView>
      ) : null}
      {can('manageTraining') ? (
        <form className="card" onSubmit={(e) => { e.preventDefault(); void open(); }}>
          <h2>{t('training.open')}</h2>
          <TextField label={t('training.code')} value={code} onChange={setCode} testId="open-code" />
          <NumberField label={t('training.version')} value={version} integer min={1} onChange={setVersion} testId="open-version" />
          <button type="submit" className="btn btn-primary" data-testid="open-training">{t('training.open')}</button>
        </form>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
