import { useState } from 'react';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useQuery } from '../../lib/use-query.ts';

const MINE = graphql(`
  query MyTrainings {
    myTrainings { __typename ...ErrorFields ... on QueryMyTrainingsSuccess { data {
      training { id code version title quiz { id prompt options } }
      invitation { code version present }
      attempts { score maxScore submittedAt }
    } } }
  }
`, [ErrorFields]);

const SUBMIT = graphql(`
  mutation SubmitQuiz($trainingId: Int!, $version: Int!, $answers: JSON!) {
    submitQuiz(trainingId: $trainingId, version: $version, answers: $answers) { __typename ...ErrorFields ... on QuizAttempt { score maxScore } }
  }
`, [ErrorFields]);

type Quiz = { id: number; version: number; quiz: { id: string; prompt: string; options: string[] }[] };

/** One quiz to take: a question per changed item, one option each; the score comes back at once. */
function QuizForm({ training, done }: { training: Quiz; done: () => void }) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const [score, setScore] = useState<{ score: number; maxScore: number } | null>(null);
  const submit = async () => {
    setError(null);
    try {
      setScore(expect((await request(SUBMIT, { trainingId: training.id, version: training.version, answers })).submitQuiz, 'QuizAttempt'));
      done();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="card" data-testid={`quiz-${training.id}`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{t('training.takeQuiz')}</h3>
      {training.quiz.map((q) => (
        <fieldset key={q.id}>
          <legend>{q.prompt}</legend>
          {q.options.map((option, i) => (
            <label key={i} className="radio">
              <input type="radio" name={`${training.id}-${q.id}`} checked={answers[q.id] === i} onChange={() => setAnswers({ ...answers, [q.id]: i })} /> {option}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit" className="btn btn-primary" data-testid="quiz-submit">{t('training.submit')}</button>
      {score ? <p className="notice notice-ok" role="status" data-testid="quiz-score">{t('training.yourScore', { score: score.score, max: score.maxScore })}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

/** The trainings the signed-in person is invited to: the version trained, their attendance, their scores and the quiz. */
export function MyTrainings() {
  const { t, dateTime } = useI18n();
  const state = useQuery(async () => expect((await request(MINE)).myTrainings, 'QueryMyTrainingsSuccess').data, []);
  return (
    <section data-testid="my-trainings">
      <h2>{t('training.mine')}</h2>
      <QueryView state={state}>
        {(mine) => (mine.length === 0 ? <p className="muted">{t('training.noMine')}</p> : (
          <>
            {mine.map((m) => (
              <div key={m.training.id} className="card" data-testid="my-training">
                <h3>{m.training.title}</h3>
                <p className="muted">{t('training.pinned')}: {m.invitation.code} v{m.invitation.version} · {t(m.invitation.present === null ? 'training.unrecorded' : m.invitation.present ? 'training.present' : 'training.absent')}</p>
                {m.attempts.map((a, i) => <p key={i}>{t('training.yourScore', { score: a.score, max: a.maxScore })} · {dateTime(a.submittedAt)}</p>)}
                <QuizForm training={m.training} done={state.reload} />
              </div>
            ))}
          </>
        ))}
      </QueryView>
    </section>
  );
}
