import type { ReactNode } from 'react';
import type { JsonValue } from '../../../../domain/shared/json.ts';
import { Badge } from '../../components/status.tsx';
import { Photo } from '../../components/photo.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects } from '../../lib/reference-data.ts';
import { Link } from '../../lib/router.tsx';
import { fieldLabel, type ProcessLabels } from './process-labels.ts';

const PHOTO_ID = /^[0-9a-f]{64}$/;

/**
 * Process variables or a task's form data as facts a person reads: each key by the UI's word for it
 * (or its form field's title), each value in words — a project's name, a severity, yes or no, a
 * photos as thumbnails — rather than the stored JSON.
 */
export function ProcessFacts({ values, labels, className = 'facts', testId }: { values: JsonValue | Record<string, unknown>; labels: Iterable<ProcessLabels>; className?: string; testId?: string }) {
  const { t, term } = useI18n();
  const projects = useProjects();
  const shown = Object.entries(typeof values === 'object' && values !== null && !Array.isArray(values) ? values : {}).filter(([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'itemId' && (typeof v !== 'object' || Array.isArray(v) || k === 'actual'));
  if (shown.length === 0) return null;
  const words = (v: unknown): ReactNode => {
    if (typeof v === 'boolean') return v ? t('form.yes') : t('form.no');
    if (Array.isArray(v)) return v.map((x) => String(words(x))).join('、');
    if (typeof v === 'string') return term('enum', v);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const render = (k: string, v: unknown): ReactNode => {
    // photos are shown, never their sha256
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && PHOTO_ID.test(x))) {
      const label = fieldLabel(labels, k, term);
      return <span className="photos">{v.map((sha) => <Photo key={sha} sha256={sha as string} alt={t('history.photoAlt', { label })} />)}</span>;
    }
    if (k === 'severity') return <Badge value={String(v)} prefix="severity" />;
    if (k === 'projectId') return projects?.find((p) => p.id === v)?.name ?? String(v);
    if (k === 'code') return <Link to={`/standards/${String(v)}`}>{String(v)}</Link>;
    if (k === 'module') return `${String(v)} ${term('module', v)}`;
    if (k === 'rectifyWithinHours' && typeof v === 'number') return t('modeler.hours', { n: v });
    return words(v);
  };
  return (
    <dl className={className} data-testid={testId}>
      {shown.map(([k, v]) => <div key={k} className="fact"><dt>{fieldLabel(labels, k, term)}</dt><dd>{render(k, v)}</dd></div>)}
    </dl>
  );
}
