import { QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { PRIORITY_BADGE } from './feedback-page.tsx';

const ITEM = graphql(`
  query FeedbackItem($id: Int!) {
    feedbackItem(id: $id) { __typename ...ErrorFields
      ... on Feedback { id receivedAt channel text place contact sourceId module touchpoints problemTypeName sentiment intensity repetition priority unclassified modelVersion createdBy project { code name } }
    }
  }
`, [ErrorFields]);

/** One piece of feedback: what the customer said, and the analysis it was given at intake with the model version. */
export function FeedbackItemPage({ id }: { id: number }) {
  const { t, term, dateTime } = useI18n();
  const state = useQuery(async () => expect((await request(ITEM, { id })).feedbackItem, 'Feedback'), [id]);
  return (
    <div className="page">
      <p><Link to="/feedback">← {t('feedback.back')}</Link></p>
      <QueryView state={state}>
        {(f) => (
          <>
            <header className="page-head"><h1>{t('feedback.detail')} #{f.id}</h1></header>
            <section className="card">
              <p data-testid="feedback-text" className="pre-wrap">{f.text}</p>
              <dl className="facts">
                <dt>{t('feedback.project')}</dt><dd>{f.project.code} {f.project.name}</dd>
                <dt>{t('feedback.receivedAt')}</dt><dd>{dateTime(f.receivedAt)}</dd>
                <dt>{t('feedback.channel')}</dt><dd>{t(`feedback.channel.${f.channel}` as 'feedback.channel.other')}</dd>
                <dt>{t('feedback.place')}</dt><dd>{f.place ?? '—'}</dd>
                <dt>{t('feedback.contact')}</dt><dd>{f.contact ?? '—'}</dd>
                <dt>{t('feedback.sourceId')}</dt><dd>{f.sourceId ?? '—'}</dd>
                <dt>{t('feedback.recordedBy')}</dt><dd>{f.createdBy}</dd>
              </dl>
            </section>
            <section className="card" data-testid="feedback-analysis">
              <h2>{t('feedback.analysis')}</h2>
              <dl className="facts">
                <dt>{t('feedback.priority')}</dt><dd><span className={`badge ${PRIORITY_BADGE[f.priority] ?? ''}`} data-testid="feedback-priority">{f.priority}</span></dd>
                <dt>{t('feedback.problemType')}</dt><dd>{f.problemTypeName ?? t('feedback.unclassified')}</dd>
                <dt>{t('feedback.module')}</dt><dd>{f.module ? `${f.module} ${term('module', f.module)}` : '—'}</dd>
                <dt>{t('feedback.touchpoints')}</dt><dd>{f.touchpoints.length ? f.touchpoints.join('、') : '—'}</dd>
                <dt>{t('feedback.sentiment')}</dt><dd>{t(`feedback.sentiment.${f.sentiment}` as 'feedback.sentiment.neutral')}</dd>
                <dt>{t('feedback.intensity')}</dt><dd>{f.intensity} / 3</dd>
                <dt>{t('feedback.repetition')}</dt><dd>{f.repetition}</dd>
                <dt>{t('feedback.modelVersion')}</dt><dd data-testid="feedback-model">{f.modelVersion}</dd>
              </dl>
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
