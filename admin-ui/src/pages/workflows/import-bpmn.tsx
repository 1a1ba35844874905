import { useState, type ChangeEvent, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type Issue, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';

/** What a draft shows: its diagram and what it still lacks. */
export const DraftFields = graphql(`fragment DraftFields on WorkflowDraft { id key name processId bpmnXml status deployedVersion missing { elementId elementType name code params message } }`);
export const LOAD_DRAFT = graphql(`query ModelerDraft($id: Int!) { workflowDraft(id: $id) { __typename ...ErrorFields ...DraftFields } }`, [ErrorFields, DraftFields]);
const IMPORT = graphql(`mutation ImportWorkflow($key: String!, $xml: String!, $processId: String) { importWorkflow(key: $key, bpmnXml: $xml, processId: $processId) { __typename ...ErrorFields ...DraftFields } }`, [ErrorFields, DraftFields]);
export const SAVE_DRAFT = graphql(`mutation SaveWorkflowDraft($id: Int!, $xml: String!) { saveWorkflowDraft(id: $id, bpmnXml: $xml) { __typename ...ErrorFields ...DraftFields } }`, [ErrorFields, DraftFields]);
export const DEPLOY_DRAFT = graphql(`mutation DeployWorkflowDraft($id: Int!) { deployWorkflowDraft(id: $id) { __typename ...ErrorFields ... on WorkflowIncompleteError { issues { pointer code message } }
  ... on DeployWorkflowSuccess { created definition { version } orphanedStates { instanceId version states } } } }`, [ErrorFields]);

export type Draft = Extract<ResultOf<typeof LOAD_DRAFT>['workflowDraft'], { __typename: 'WorkflowDraft' }>;

/** A draft's missing list as issues on its elements (pointers `/<element id>`), for the diagram's markers. */
export function missingIssues(draft: Draft | null | undefined): Issue[] {
  return (draft?.missing ?? []).map((m) => ({ pointer: `/${m.elementId}`, code: m.code, message: m.message }));
}

/** The pools of a collaboration that hold a process with steps, read in the browser (the file is not sent until one is chosen). */
function poolsOf(xml: string): { id: string; name: string; executable: boolean }[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return [...doc.getElementsByTagNameNS('*', 'process')]
    .filter((p) => [...p.children].some((c) => /Event$|Task$|^task$|Gateway$|subProcess$/.test(c.localName)))
    .map((p) => ({ id: p.getAttribute('id') ?? '', name: p.getAttribute('name') ?? '', executable: p.getAttribute('isExecutable') === 'true' }));
}

/** The lanes of a draft whose names stand for no role (from its missing list), each once. */
export function unmappedLanes(draft: Draft | null | undefined): string[] {
  const lanes = (draft?.missing ?? []).filter((m) => m.code === 'compile.lane_role_unknown').map((m) => String((m.params as { lane?: unknown } | null)?.lane ?? '')).filter(Boolean);
  return [...new Set(lanes)];
}

/**
 * "Import BPMN file": a diagram from another tool becomes the draft of this process key; what it
 * lacks is listed and marked on the diagram. A collaboration of several pools asks which one runs.
 * The button sits in the page's header, the pool choice (`panel`) in its body.
 */
export function useImportBpmn(workflowKey: string): { button: ReactNode; panel: ReactNode } {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; xml: string } | null>(null);
  const [pools, setPools] = useState<{ id: string; name: string; executable: boolean }[]>([]);
  const [pool, setPool] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (xml: string, processId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const draft = expect((await request(IMPORT, { key: workflowKey, xml, processId })).importWorkflow, 'WorkflowDraft');
      setFile(null);
      setPools([]);
      navigate(`/workflows/${workflowKey}?draft=${draft.id}`, { unguarded: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const chosen = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    e.target.value = '';
    if (!picked) return;
    const xml = await picked.text();
    const found = poolsOf(xml);
    if (found.length > 1) {
      setFile({ name: picked.name, xml });
      setPools(found);
      setPool((found.find((p) => p.executable) ?? found[0]).id);
      return;
    }
    await send(xml, null);
  };

  const button = (
    <label className="btn" data-testid="import-bpmn-label">
      {busy ? t('modeler.importing') : t('modeler.importFile')}
      <input type="file" accept=".bpmn,.xml,application/xml,text/xml" onChange={chosen} disabled={busy} hidden data-testid="import-bpmn" />
    </label>
  );
  const panel = (
    <>
      {file && pools.length > 1 ? (
        <div className="notice pool-choice" role="dialog" aria-label={t('modeler.choosePool')} data-testid="pool-choice">
          <label className="field inline-field">
            <span>{t('modeler.choosePool')}</span>
            <select value={pool} onChange={(e) => setPool(e.target.value)} data-testid="pool-select">
              {pools.map((p) => <option key={p.id} value={p.id}>{p.name || p.id}</option>)}
            </select>
          </label>
          <button type="button" className="btn btn-primary" onClick={() => send(file.xml, pool)} disabled={busy}>{t('modeler.importPool')}</button>
          <button type="button" className="btn" onClick={() => { setFile(null); setPools([]); }}>{t('modeler.cancelImport')}</button>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
  return { button, panel };
}

/** The list of what a draft lacks, each entry selecting its element on the diagram. */
export function MissingPanel({ draft, select }: { draft: Draft; select: (id: string) => void }) {
  const { t } = useI18n();
  if (draft.missing.length === 0) return <div className="notice notice-ok" role="status" data-testid="missing-none">{t('modeler.draftComplete')}</div>;
  return (
    <div className="notice notice-warn" role="status" data-testid="missing-list">
      <strong>{t('modeler.missingTitle', { n: draft.missing.length })}</strong>
      <ul className="issues">
        {draft.missing.map((m) => (
          <li key={`${m.elementId}-${m.code}`}>
            <button type="button" className="link-button" data-element={m.elementId} onClick={() => select(m.elementId)}>{m.name || m.elementId}</button> {m.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
