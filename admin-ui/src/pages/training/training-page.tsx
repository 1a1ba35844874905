import { useState } from 'react';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import type { MessageKey } from '../../lib/messages/catalogue.ts';

const TRAINING = graphql(`
  query TrainingPage($id: Int!) {
    training(id: $id) { __typename ...ErrorFields ... on Training { id code version baseVersion title
      material { pointer kind text } quiz { id prompt options answer }
      sessions { id startsAt place trainer project { code name } attendance { username role version present } }
      attempts { username version score maxScore submittedAt } } }
  }
`, [ErrorFields]);

const SCHEDULE = graphql(`
  mutation ScheduleTrainingSession($trainingId: Int!, $startsAt: DateTime!, $place: String!, $trainer: String!, $projectId: Int) {
    scheduleTrainingSession(trainingId: $trainingId, startsAt: $startsAt, place: $place, trainer: $trainer, projectId: $projectId) { __typename ...ErrorFields ... on TrainingSession { id } }
  }
`, [ErrorFields]);

const INVITE = graphql(`
  mutation InviteToTrainingSession($sessionId: Int!, $projectId: Int, $role: String, $usernames: [String!]) {
    inviteToTrainingSession(sessionId: $sessionId, projectId: $projectId, role: $role, usernames: $usernames) { __typename ...ErrorFields ... on MutationInviteToTrainingSessionSuccess { data { id } } }
  }
`, [ErrorFields]);

const ATTEND = graphql(`
  mutation RecordTrainingAttendance($sessionId: Int!, $username: String!, $present: Boolean!) {
    recordTrainingAttendance(sessionId: $sessionId, username: $username, present: $present) { __typename ...ErrorFields ... on TrainingAttendance { present } }
  }
`, [ErrorFields]);

const ROLES = ['project_manager', 'inspector', 'frontline'];

/** One training: material, quiz (with the right answers for managers), sessions with attendance, and scores. */
export function TrainingPage({ id }: { id: number }) {
  const { t, dateTime, term } = useI18n();
  const { can } = useSession();
  const projects = useProjects();
  const state = useQuery(async () => expect((await request(TRAINING, { id })).training, 'Training'), [id]);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ startsAt: '', place: '', trainer: '', projectId: '' });
  const [invite, setInvite] = useState({ sessionId: '', projectId: '', role: 'project_manager', usernames: '' });
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  const manage = can('manageTraining');
  const projectOptions = [{ value: '', label: t('training.allProjects') }, ...(projects ?? []).map((p) => ({ value: String(p.id), label: `${p.code} ${p.name}` }))];
  return (
    <div className="page" data-testid="training-page">
      <p><Link to="/trainings">{t('training.title')}</Link></p>
      <QueryView state={state}>
        {(x) => (
          <>
            <h1>{x.title}</h1>
            <p className="muted">{x.code} v{x.version} · {t('training.base')}: {x.baseVersion === null ? t('training.firstVersion') : `v${x.baseVersion}`}{can('readTraining') && <> · <Link to={`/effect?training=${x.id}&tier=daily`}>{t('training.effect')}</Link></>}</p>
            <h2>{t('training.material')}</h2>
            <ul data-testid="material">{x.material.map((p, i) => <li key={i}><span className="badge">{t(`training.kind.${p.kind}` as MessageKey)}</span> {p.text}</li>)}</ul>
            <h2>{manage ? t('training.quizPreview') : t('training.quiz')}</h2>
            <ol data-testid="quiz">{x.quiz.map((q) => (
              <li key={q.id}>{q.prompt}<ul>{q.options.map((o, i) => <li key={i}>{o}{q.answer === i ? ` ✓ ${t('training.right')}` : ''}</li>)}</ul></li>
            ))}</ol>
            <h2>{t('training.sessions')}</h2>
            {x.sessions.length === 0 ? <p className="muted">{t('training.noSessions')}</p> : x.sessions.map((s) => (
              <div key={s.id} className="card" data-testid="session">
                <h3>{dateTime(s.startsAt)} · {s.place}</h3>
                <p className="muted">{t('training.trainer')}: {s.trainer} · {t('training.project')}: {s.project ? `${s.project.code} ${s.project.name}` : t('training.allProjects')}</p>
                <div className="table-wrap"><table>
                  <thead><tr><th>{t('training.attendee')}</th><th>{t('training.role')}</th><th>{t('training.pinned')}</th><th>{t('training.present')}</th>{manage ? <th /> : null}</tr></thead>
                  <tbody>{s.attendance.map((a) => (
                    <tr key={a.username} data-testid={`attendance-${a.username}`}>
                      <td>{a.username}</td><td>{term('role', a.role)}</td><td>v{a.version}</td>
                      <td>{t(a.present === null ? 'training.unrecorded' : a.present ? 'training.present' : 'training.absent')}</td>
                      {manage ? <td>
                        <button type="button" className="btn" onClick={() => void act(() => request(ATTEND, { sessionId: s.id, username: a.username, present: true }).then((r) => expect(r.recordTrainingAttendance, 'TrainingAttendance')))}>{t('training.markPresent')}</button>{' '}
                        <button type="button" className="btn" onClick={() => void act(() => request(ATTEND, { sessionId: s.id, username: a.username, present: false }).then((r) => expect(r.recordTrainingAttendance, 'TrainingAttendance')))}>{t('training.markAbsent')}</button>
                      </td> : null}
                    </tr>
                  ))}</tbody>
                </table></div>
              </div>
            ))}
            {manage ? (
              <div className="grid-2">
                <form className="card" onSubmit={(e) => { e.preventDefault(); void act(async () => expect((await request(SCHEDULE, { trainingId: x.id, startsAt: new Date(form.startsAt).toISOString(), place: form.place, trainer: form.trainer, projectId: form.projectId ? Number(form.projectId) : null })).scheduleTrainingSession, 'TrainingSession')); }}>
                  <h3>{t('training.schedule')}</h3>
                  <TextField label={t('training.startsAt')} value={form.startsAt} onChange={(v) => setForm({ ...form, startsAt: v })} placeholder="2026-12-10T09:00+08:00" testId="session-starts" />
                  <TextField label={t('training.place')} value={form.place} onChange={(v) => setForm({ ...form, place: v })} testId="session-place" />
                  <TextField label={t('training.trainer')} value={form.trainer} onChange={(v) => setForm({ ...form, trainer: v })} testId="session-trainer" />
                  <SelectField label={t('training.project')} value={form.projectId} onChange={(v) => setForm({ ...form, projectId: v })} options={projectOptions} />
                  <button type="submit" className="btn btn-primary" data-testid="session-schedule">{t('training.schedule')}</button>
                </form>
                <form className="card" onSubmit={(e) => { e.preventDefault(); void act(async () => {
                  const usernames = invite.usernames.split(/[,，\s]+/).filter(Boolean);
                  const byRole = invite.projectId !== '';
                  return expect((await request(INVITE, { sessionId: Number(invite.sessionId), projectId: byRole ? Number(invite.projectId) : null, role: byRole ? invite.role : null, usernames })).inviteToTrainingSession, 'MutationInviteToTrainingSessionSuccess');
                }); }}>
                  <h3>{t('training.invite')}</h3>
                  <SelectField label={t('training.sessions')} value={invite.sessionId} onChange={(v) => setInvite({ ...invite, sessionId: v })} options={[{ value: '', label: '—' }, ...x.sessions.map((s) => ({ value: String(s.id), label: `${dateTime(s.startsAt)} ${s.place}` }))]} testId="invite-session" />
                  <SelectField label={t('training.project')} value={invite.projectId} onChange={(v) => setInvite({ ...invite, projectId: v })} options={[{ value: '', label: '—' }, ...projectOptions.slice(1)]} />
                  <SelectField label={t('training.role')} value={invite.role} onChange={(v) => setInvite({ ...invite, role: v })} options={ROLES.map((r) => ({ value: r, label: term('role', r) }))} />
                  <TextField label={t('training.usernames')} value={invite.usernames} onChange={(v) => setInvite({ ...invite, usernames: v })} testId="invite-usernames" />
                  <button type="submit" className="btn btn-primary" data-testid="invite-submit">{t('training.invite')}</button>
                </form>
              </div>
            ) : null}
            {error ? <ErrorNotice error={error} /> : null}
            <h2>{t('training.scores')}</h2>
            {x.attempts.length === 0 ? <p className="muted">{t('training.noScores')}</p> : (
              <div className="table-wrap"><table data-testid="scores">
                <thead><tr><th>{t('training.attendee')}</th><th>{t('training.pinned')}</th><th>{t('training.score')}</th><th>{t('training.submittedAt')}</th></tr></thead>
                <tbody>{x.attempts.map((a, i) => <tr key={i}><td>{a.username}</td><td>v{a.version}</td><td>{a.score} / {a.maxScore}</td><td>{dateTime(a.submittedAt)}</td></tr>)}</tbody>
              </table></div>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
