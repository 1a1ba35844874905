import { useState } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Project } from '../../lib/reference-data.ts';
import { CHANNELS } from '../../../../domain/voice/channels.ts';

const RECORD = graphql(`
  mutation RecordFeedback($input: RecordFeedbackInput!) {
    recordFeedback(input: $input) { __typename ...ErrorFields ... on Feedback { id priority problemTypeName } }
  }
`, [ErrorFields]);

/** The local date and time now, for a datetime-local input. */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Recording one piece of feedback (a call, a visit at the service desk); shows the priority it was given. */
export function RecordForm({ projects, onRecorded }: { projects: Project[]; onRecorded: () => void }) {
  const { t } = useI18n();
  const [projectId, setProjectId] = useState('');
  const [channel, setChannel] = useState<string>('hotline');
  const [receivedAt, setReceivedAt] = useState(localNow);
  const [text, setText] = useState('');
  const [place, setPlace] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async () => {
    setSaving(true);
    setError(null);
    setDone(null);
    try {
      const input = { projectId: Number(projectId || projects[0]?.id), channel, receivedAt: new Date(receivedAt).toISOString(), text, place: place || null };
      const item = expect((await request(RECORD, { input })).recordFeedback, 'Feedback');
      setDone(t('feedback.recorded', { priority: item.priority }));
      setText('');
      setPlace('');
      onRecorded();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <details className="card" data-testid="feedback-record">
      <summary><h2 className="inline">{t('feedback.record')}</h2></summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="field-row">
          <label className="field"><span>{t('feedback.project')}</span>
            <select value={projectId} onChange={(e) => setProjectId(e.target.value)} data-testid="record-project">
              {projects.map((p) => <option key={p.id} value={p.id}>{p.code} {p.name}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('feedback.channel')}</span>
            <select value={channel} onChange={(e) => setChannel(e.target.value)} data-testid="record-channel">
              {CHANNELS.map((c) => <option key={c} value={c}>{t(`feedback.channel.${c}`)}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('feedback.receivedAt')}</span><input type="datetime-local" value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} /></label>
          <label className="field"><span>{t('feedback.place')}</span><input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={255} /></label>
        </div>
        <label className="field"><span>{t('feedback.text')}</span><textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} data-testid="record-text" /></label>
        <ErrorNotice error={error} />
        {done ? <p className="notice" role="status" data-testid="record-done">{done}</p> : null}
        <div><button type="submit" className="btn btn-primary" disabled={saving} data-testid="record-save">{saving ? t('feedback.saving') : t('feedback.save')}</button></div>
      </form>
    </details>
  );
}
