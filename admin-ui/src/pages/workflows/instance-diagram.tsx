import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import pinzhiModdle from '../../../../domain/workflows/pinzhi-moddle.json';
import { useI18n } from '../../lib/i18n.tsx';
import { stateLabel, type ProcessLabels } from './process-labels.ts';

/** The instance's definition drawn with where it stands now (and what it passed through) marked. */
export function InstanceDiagram({ xml, current, visited, labels }: { xml: string; current: string[]; visited: string[]; labels: ProcessLabels }) {
  const { t, term } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current, moddleExtensions: { pinzhi: pinzhiModdle } });
    let live = true;
    viewer.importXML(xml).then(() => {
      if (!live) return;
      const canvas = viewer.get('canvas') as { zoom(v: string, center?: string): void; addMarker(id: string, m: string): void };
      const registry = viewer.get('elementRegistry') as { get(id: string): unknown };
      canvas.zoom('fit-viewport', 'auto');
      for (const id of visited) if (registry.get(id)) canvas.addMarker(id, 'pz-visited');
      for (const id of current) if (registry.get(id)) canvas.addMarker(id, 'pz-current');
    }, (e: Error) => live && setError(e.message));
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [xml, current, visited]);
  return (
    <>
      <div className="instance-canvas" ref={container} role="img" aria-label={t('instance.diagramLabel', { states: current.map((s) => stateLabel(labels, s, term)).join('、') || '—' })} data-testid="instance-diagram" />
      {error ? <p className="text-danger">{error}</p> : null}
      <p className="legend small"><span className="legend-current" /> {t('instance.legendCurrent')} <span className="legend-visited" /> {t('instance.legendVisited')}</p>
    </>
  );
}

