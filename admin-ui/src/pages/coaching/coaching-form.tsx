import { useState } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, uploadPhoto } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Project } from '../../lib/reference-data.ts';

const RECORD = graphql(`
  mutation RecordCoaching($input: RecordCoachingInput!) {
    recordCoaching(input: $input) { __typename ...ErrorFields ... on Coaching { id code version } }
  }
`, [ErrorFields]);

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Recording an on-site coaching visit: project, work instruction, day, notes, people coached and photos. */
export function CoachingForm({ projects, onRecorded }: { projects: Project[]; onRecorded: () => void }) {
  const { t } = useI18n();
  const [projectId, setProjectId] = useState('');
  const [code, setCode] = useState('');
  const [coachedOn, setCoachedOn] = useState(chinaToday);
  const [notes, setNotes] = useState('');
  const [people, setPeople] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async () => {
    setSaving(true);
    setError(null);
    setDone(null);
    try {
      const photos: string[] = [];
      for (const file of files) photos.push(await uploadPhoto(file));
      const input = { projectId: Number(projectId || projects[0]?.id), code: code.trim(), coachedOn, notes, photos, people: people.split(/[,，、]/).map((p) => p.trim()).filter(Boolean) };
      const saved = expect((await request(RECORD, { input })).recordCoaching, 'Coaching');
      setDone(t('coaching.recorded', { code: saved.code, version: saved.version }));
      setNotes('');
      setPeople('');
      setFiles([]);
      onRecorded();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <details className="card" data-testid="coaching-record">
      <summary><h2 className="inline">{t('coaching.record')}</h2></summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="field-row">
          <label className="field"><span>{t('coaching.project')}</span>
            <select value={projectId} onChange={(e) => setProjectId(e.target.value)} data-testid="coaching-project">
              {projects.map((p) => <option key={p.id} value={p.id}>{p.code} {p.name}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('coaching.code')}</span><input value={code} onChange={(e) => setCode(e.target.value)} placeholder="M03.P06.W025" maxLength={64} data-testid="coaching-code" /></label>
          <label className="field"><span>{t('coaching.coachedOn')}</span><input type="date" value={coachedOn} onChange={(e) => setCoachedOn(e.target.value)} /></label>
        </div>
        <label className="field"><span>{t('coaching.notes')}</span><textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} data-testid="coaching-notes" /></label>
        <label className="field"><span>{t('coaching.people')}</span><input value={people} onChange={(e) => setPeople(e.target.value)} data-testid="coaching-people" /></label>
        <label className="field"><span>{t('coaching.photos')}</span><input type="file" accept="image/*" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="coaching-photos" /></label>
        <ErrorNotice error={error} />
        {done ? <p className="notice" role="status" data-testid="coaching-done">{done}</p> : null}
        <div><button type="submit" className="btn btn-primary" disabled={saving} data-testid="coaching-save">{saving ? t('coaching.saving') : t('coaching.save')}</button></div>
      </form>
    </details>
  );
}
