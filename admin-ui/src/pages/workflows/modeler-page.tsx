import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import pinzhiModdle from '../../../../domain/workflows/pinzhi-moddle.json';
import { Badge, ErrorNotice, Loading } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request, type Issue, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate, useLeaveGuard, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { allNodes, PageInfoFields } from '../../lib/paging.ts';
import { blankDiagram, type DiagramElement, type Services } from './bpmn-model.ts';
import { translateModule } from './bpmn-zh.ts';
import { PropertiesPanel, VocabularyFields, type Vocabulary } from './properties-panel.tsx';
import { stateLabel, useProcessLabels } from './process-labels.ts';
import { DEPLOY_DRAFT, LOAD_DRAFT, MissingPanel, missingIssues, SAVE_DRAFT, unmappedLanes, useImportBpmn, type Draft } from './import-bpmn.tsx';
import { LaneRolesPanel } from './lane-roles-panel.tsx';

const LOAD = graphql(`
  query ModelerDefinition($key: String!, $version: Int) {
    workflowDefinition(key: $key, version: $version) { __typename ...ErrorFields ... on WorkflowDefinition { key version name bpmnXml deployedBy deployedAt } }
    workflowVocabulary { ...VocabularyFields } }
`, [ErrorFields, VocabularyFields]);
const VERSIONS = graphql(`
  query DeployedVersions($after: String) { workflowDefinitions(first: 200, after: $after) { __typename ...ErrorFields
    ... on WorkflowDefinitionConnection { pageInfo { ...PageInfoFields } nodes { key version } } } }
`, [ErrorFields, PageInfoFields]);
const DEPLOY = graphql(`
  mutation DeployWorkflow($key: String!, $xml: String!) { deployWorkflow(key: $key, bpmnXml: $xml) { __typename ...ErrorFields ... on WorkflowIncompleteError { issues { pointer code message } }
    ... on DeployWorkflowSuccess { created definition { version } orphanedStates { instanceId version states } } } }
`, [ErrorFields]);

type Deployed = Extract<ResultOf<typeof DEPLOY>['deployWorkflow'], { __typename: 'DeployWorkflowSuccess' }>;

/** Compile errors by element id (issue pointers are `/<element id>`); the rest under "". */
function byElement(issues: Issue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    const id = issue.pointer.replace(/^\//, '');
    map.set(id, [...(map.get(id) ?? []), issue.message]);
  }
  return map;
}

/**
 * The BPMN modeler: draw a process with bpmn-js, set what the compiler reads in the properties
 * panel, deploy. A refused deploy marks each offending element on the diagram with its reason.
 */
export default function ModelerPage({ workflowKey }: { workflowKey: string }) {
  const { t, lang, dateTime, term } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const version = query.get('version') ? Number(query.get('version')) : null;
  const isNew = query.get('new') === '1';
  const draftId = query.get('draft') ? Number(query.get('draft')) : null;
  const container = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  const [selected, setSelected] = useState<DiagramElement | null>(null);
  const [revision, setRevision] = useState(0);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [deployError, setDeployError] = useState<unknown>(null);
  const [deployed, setDeployed] = useState<Deployed | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [ready, setReady] = useState(false);
  const [dirty, setDirty] = useState(false);
  const editable = can('manageWorkflows');
  const importer = useImportBpmn(workflowKey);
  const language = useRef(lang);
  language.current = lang;
  useLeaveGuard(dirty && editable, t('modeler.leaveUnsaved'));

  const state = useQuery(async () => {
    const [data, deployed] = await Promise.all([
      request(LOAD, { key: workflowKey, version }),
      allNodes(async (after) => expect((await request(VERSIONS, { after })).workflowDefinitions, 'WorkflowDefinitionConnection')),
    ]);
    const versions = deployed.filter((d) => d.key === workflowKey).map((d) => d.version);
    const loadedDraft = draftId ? expect((await request(LOAD_DRAFT, { id: draftId })).workflowDraft, 'WorkflowDraft') : null;
    if (loadedDraft) return { definition: data.workflowDefinition.__typename === 'WorkflowDefinition' ? data.workflowDefinition : null, versions, vocabulary: data.workflowVocabulary, draft: loadedDraft };
    if (data.workflowDefinition.__typename === 'NotFoundError' && isNew) return { definition: null, versions, vocabulary: data.workflowVocabulary };
    return { definition: expect(data.workflowDefinition, 'WorkflowDefinition'), versions, vocabulary: data.workflowVocabulary };
  }, [workflowKey, version, isNew, draftId]);
  useEffect(() => setDraft(state.data && 'draft' in state.data && state.data.draft?.status === 'draft' ? state.data.draft : null), [state.data]);

  // one modeler per page: switching the language keeps the drawing (the palette keeps the language it was built in)
  useEffect(() => {
    if (!container.current) return;
    const modeler = new BpmnModeler({ container: container.current, moddleExtensions: { pinzhi: pinzhiModdle }, additionalModules: [translateModule(() => language.current)] });
    modelerRef.current = modeler;
    modeler.on('selection.changed', (e: { newSelection: DiagramElement[] }) => setSelected(e.newSelection[0] ?? null));
    modeler.on('elements.changed', () => setRevision((r) => r + 1));
    modeler.on('commandStack.changed', () => setDirty(true));
    return () => {
      modeler.destroy();
      modelerRef.current = null;
      setReady(false);
    };
  }, []);

  const loadedDraft = state.data && 'draft' in state.data ? state.data.draft : null;
  const xml = state.data ? loadedDraft?.bpmnXml ?? state.data.definition?.bpmnXml ?? blankDiagram(workflowKey, workflowKey) : null;
  // a refused deploy's issues, else what the draft still lacks, are drawn on the diagram
  const shown = useMemo(() => (issues.length ? issues : missingIssues(draft)), [issues, draft]);
  useEffect(() => {
    const modeler = modelerRef.current;
    if (!modeler || !xml) return;
    let live = true;
    setReady(false);
    modeler.importXML(xml).then(() => {
      if (!live) return;
      const canvas = modeler.get('canvas') as { zoom(v?: string | number, center?: string): number; scroll(d: { dx: number; dy: number }): void };
      // the whole process in view, its start clear of the palette on the left
      canvas.zoom('fit-viewport', 'auto');
      canvas.zoom(canvas.zoom() * 0.88, 'auto');
      canvas.scroll({ dx: 40, dy: 0 });
      setSelected(null);
      setIssues([]);
      setDirty(false);
      setReady(true);
    }, (error: Error) => live && setDeployError(new ApiError('ValidationError', error.message)));
    return () => {
      live = false;
    };
  }, [xml]);

  // compile errors are drawn on the elements they concern
  useEffect(() => {
    const modeler = modelerRef.current;
    if (!modeler || !ready) return;
    const canvas = modeler.get('canvas') as { addMarker(id: string, m: string): void; removeMarker(id: string, m: string): void };
    const overlays = modeler.get('overlays') as { add(id: string, type: string, o: { position: Record<string, number>; html: HTMLElement }): void; remove(f: { type: string }): void };
    const registry = modeler.get('elementRegistry') as { get(id: string): unknown };
    overlays.remove({ type: 'pz-error' });
    const marked: string[] = [];
    for (const [id, messages] of byElement(shown)) {
      if (!id || !registry.get(id)) continue;
      canvas.addMarker(id, 'pz-error');
      marked.push(id);
      // one badge per element at its top right corner, the reasons in its tooltip: neighbours in a lane never cover each other
      const note = document.createElement('div');
      note.className = 'pz-error-overlay';
      note.setAttribute('data-element', id);
      note.setAttribute('role', 'note');
      note.title = messages.join('\n');
      const badge = document.createElement('span');
      badge.className = 'pz-error-badge';
      badge.textContent = messages.length > 1 ? `! ${messages.length}` : '!';
      const text = document.createElement('span');
      text.className = 'pz-error-text';
      text.textContent = messages.join('；');
      note.append(badge, text);
      overlays.add(id, 'pz-error', { position: { top: -10, right: 10 }, html: note });
    }
    return () => marked.forEach((id) => registry.get(id) && canvas.removeMarker(id, 'pz-error'));
  }, [shown, ready]);

  const deploy = useCallback(async () => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    setBusy(true);
    setDeployError(null);
    setDeployed(null);
    try {
      const { xml: out } = await modeler.saveXML({ format: true });
      let result: Deployed;
      if (draft) {
        const saved = expect((await request(SAVE_DRAFT, { id: draft.id, xml: out ?? '' })).saveWorkflowDraft, 'WorkflowDraft');
        setDraft(saved);
        result = expect((await request(DEPLOY_DRAFT, { id: draft.id })).deployWorkflowDraft, 'DeployWorkflowSuccess');
        setDraft(null);
      } else {
        result = expect((await request(DEPLOY, { key: workflowKey, xml: out ?? '' })).deployWorkflow, 'DeployWorkflowSuccess');
      }
      setIssues([]);
      setDeployed(result);
      setDirty(false);
      if (isNew || version !== null || draftId !== null) navigate(`/workflows/${workflowKey}`, { replace: true, unguarded: true });
      else if (result.created) state.reload();
    } catch (error) {
      if (error instanceof ApiError && (error.kind === 'ValidationError' || error.kind === 'WorkflowIncompleteError')) setIssues(error.issues);
      setDeployError(error);
    } finally {
      setBusy(false);
    }
  }, [workflowKey, isNew, version, draftId, draft, state]);

  // saving a draft recomputes what it lacks (after the modeller completed properties)
  const saveDraft = useCallback(async () => {
    const modeler = modelerRef.current;
    if (!modeler || !draft) return;
    setBusy(true);
    setDeployError(null);
    try {
      const { xml: out } = await modeler.saveXML({ format: true });
      setDraft(expect((await request(SAVE_DRAFT, { id: draft.id, xml: out ?? '' })).saveWorkflowDraft, 'WorkflowDraft'));
      setIssues([]);
      setDirty(false);
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'ValidationError') setIssues(error.issues);
      setDeployError(error);
    } finally {
      setBusy(false);
    }
  }, [draft]);

  // a new lane mapping changes what the draft lacks (the server re-checked it); the drawing stays as it is
  const reloadDraft = useCallback(async () => {
    if (!draft) return;
    const fresh = expect((await request(LOAD_DRAFT, { id: draft.id })).workflowDraft, 'WorkflowDraft');
    setIssues([]);
    setDraft(fresh);
  }, [draft]);

  const downloadXml = async () => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const { xml: out } = await modeler.saveXML({ format: true });
    const url = URL.createObjectURL(new Blob([out ?? ''], { type: 'application/xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${workflowKey}.bpmn`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const services: Services | null = modelerRef.current && ready ? { modeling: modelerRef.current.get('modeling'), bpmnFactory: modelerRef.current.get('bpmnFactory'), elementRegistry: modelerRef.current.get('elementRegistry') } : null;
  const grouped = byElement(shown);
  const selectElement = (id: string) => { const el = elementOf(id); if (el) (modelerRef.current?.get('selection') as { select(e: DiagramElement): void }).select(el); };
  const orphanLabels = useProcessLabels(deployed?.orphanedStates.map((o) => ({ key: workflowKey, version: o.version })) ?? []);
  const elementOf = (id: string) => (modelerRef.current?.get('elementRegistry') as { get(id: string): DiagramElement | undefined } | undefined)?.get(id);
  const selectedId = selected ? (selected.labelTarget ?? selected).id : '';
  const def = state.data?.definition;

  return (
    <div className="page modeler-page">
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}><Link to="/workflows">{t('nav.workflows')}</Link> / <span>{workflowKey}</span></nav>
      <header className="page-head">
        <div>
          <h1>{draft?.name ?? def?.name ?? workflowKey} <small className="muted">{workflowKey}</small></h1>
          <p className="muted">{draft ? t('modeler.draftMeta', { id: draft.id }) : def ? t('modeler.versionMeta', { version: def.version, by: def.deployedBy, at: dateTime(def.deployedAt) }) : t('modeler.newProcess')}</p>
        </div>
        <div className="button-row">
          {state.data && state.data.versions.length > 1 ? (
            <label className="field inline-field">
              <span>{t('modeler.version')}</span>
              <select value={version ?? ''} onChange={(e) => navigate(`/workflows/${workflowKey}${e.target.value ? `?version=${e.target.value}` : ''}`)}>
                <option value="">{t('modeler.latest')}</option>
                {state.data.versions.map((v) => <option key={v} value={v}>v{v}</option>)}
              </select>
            </label>
          ) : null}
          <button type="button" className="btn" onClick={downloadXml} disabled={!ready}>{t('modeler.download')}</button>
          {editable ? importer.button : null}
          {editable && draft ? <button type="button" className="btn" onClick={saveDraft} disabled={!ready || busy} data-testid="save-draft">{busy ? t('modeler.savingDraft') : t('modeler.saveDraft')}</button> : null}
          {editable ? <button type="button" className="btn btn-primary" onClick={deploy} disabled={!ready || busy || (draft !== null && draft.missing.length > 0)} title={draft && draft.missing.length > 0 ? t('modeler.deployNeedsComplete') : undefined} data-testid="deploy">{busy ? t('modeler.deploying') : t('modeler.deploy')}</button> : null}
        </div>
      </header>
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {editable ? importer.panel : null}
      {draft ? (
        <div className="draft-panels">
          <MissingPanel draft={draft} select={selectElement} />
          {editable ? <LaneRolesPanel suggested={unmappedLanes(draft)} onSaved={reloadDraft} /> : null}
        </div>
      ) : null}
      {deployed ? (
        <div className="notice notice-ok" role="status" data-testid="deploy-ok">
          {deployed.created ? t('modeler.deployed', { version: deployed.definition.version }) : t('modeler.unchanged', { version: deployed.definition.version })}
          {deployed.orphanedStates.length ? <p>{t('modeler.orphans', { n: deployed.orphanedStates.length, list: deployed.orphanedStates.map((o) => `#${o.instanceId} (${o.states.map((s) => stateLabel(orphanLabels.get(`${workflowKey}@${o.version}`), s, term)).join('、')})`).join(t('modeler.issueSeparator')) })}</p> : null}
        </div>
      ) : null}
      {deployError ? (
        <div className="notice notice-error" role="alert" data-testid="deploy-errors">
          <strong>{t('modeler.deployRefused')}</strong>
          <p>{(deployError as Error).message}</p>
          {issues.length ? (
            <ul className="issues">
              {[...grouped].map(([id, messages]) => (
                <li key={id}>
                  {id ? <button type="button" className="link-button" data-element={id} onClick={() => selectElement(id)}>{elementOf(id)?.businessObject.name || <code>{id}</code>}</button> : null} {messages.join(t('modeler.issueSeparator'))}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {!editable ? <p className="notice">{t('modeler.readOnly')}</p> : null}
      <div className="modeler-layout">
        <div className="modeler-canvas" ref={container} role="region" aria-label={t('modeler.canvas')} data-testid="bpmn-canvas">
          {!ready ? <Loading /> : null}
        </div>
        <aside className="modeler-aside card" aria-label={t('modeler.properties')}>
          <h2>{t('modeler.properties')} {selectedId && grouped.has(selectedId) ? <Badge value="incident" /> : null}</h2>
          {services ? <PropertiesPanel element={selected} services={services} vocabulary={state.data?.vocabulary} issues={grouped.get(selectedId) ?? []} revision={revision} /> : <Loading />}
        </aside>
      </div>
    </div>
  );
}
