import { useState } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';

const OPEN_REVISION = graphql(`
  mutation OpenRevisionFromCluster($input: ClusterRevisionInput!) {
    openStandardRevisionFromCluster(input: $input) { __typename ...ErrorFields ... on WorkflowInstance { id } }
  }
`, [ErrorFields]);

export interface ClusterOfRevision {
  key: string;
  problemType: string;
  projectId: number | null;
  window: { from: string; to: string };
}

/**
 * A rising cluster's way into the standards: the quality manager names the work instruction it
 * concerns and why, and a standard revision starts carrying the cluster's feedback and the
 * standard's findings as its evidence (shown to the reviewer in the task).
 */
export function ClusterRevision({ cluster }: { cluster: ClusterOfRevision }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [standardCode, setStandardCode] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState<number | null>(null);
  if (!can('editStandards') || !can('startWorkflows')) return null;
  if (started !== null) return <Link to={`/instances/${started}`} data-testid="cluster-revision-started">{t('feedback.revisionStarted', { id: started })}</Link>;
  if (!open) return <button type="button" className="btn btn-small" data-testid="cluster-revision" onClick={() => setOpen(true)}>{t('feedback.openRevision')}</button>;
  return (
    <form className="filters" data-testid="cluster-revision-form" onSubmit={async (event) => {
      event.preventDefault();
      setBusy(true);
      setError(null);
      try {
        const input = { standardCode: standardCode.trim(), problemType: cluster.problemType, projectId: cluster.projectId, from: cluster.window.from, to: cluster.window.to, note: note.trim() };
        setStarted(Number(expect((await request(OPEN_REVISION, { input })).openStandardRevisionFromCluster, 'WorkflowInstance').id));
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    }}>
      <label>{t('feedback.revisionStandard')} <input value={standardCode} required placeholder="M06.P02.W001" onChange={(e) => setStandardCode(e.target.value)} /></label>
      <label>{t('feedback.revisionNote')} <input value={note} required onChange={(e) => setNote(e.target.value)} /></label>
      <button type="submit" className="btn btn-small" disabled={busy}>{t('feedback.revisionSubmit')}</button>
      <ErrorNotice error={error} />
    </form>
  );
}
