import type { ReactNode } from 'react';
import { ApiError } from '../lib/graphql.ts';
import { useI18n } from '../lib/i18n.tsx';
import type { MessageKey } from '../lib/messages/catalogue.ts';

/** A loading indicator that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </div>
  );
}

/** Shown where a list has nothing in it, saying why and what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

const KIND_KEYS: Record<string, MessageKey> = {
  ValidationError: 'error.ValidationError',
  ConflictError: 'error.ConflictError',
  NotFoundError: 'error.NotFoundError',
  ForbiddenError: 'error.ForbiddenError',
  InvalidCredentialsError: 'error.InvalidCredentialsError',
  RateLimitedError: 'error.RateLimitedError',
  NetworkError: 'error.NetworkError',
};

/** An API error with its kind, message and, for validation errors, each issue with where it is. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const kind = api ? t(KIND_KEYS[api.kind] ?? 'error.Error') : t('error.Error');
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title ?? kind}</strong>
      {(error as Error).message ? <p>{(error as Error).message}</p> : null}
      {api && api.issues.length > 0 && (
        <ul className="issues">
          {api.issues.map((issue, i) => (
            <li key={i}><code>{issue.pointer || '/'}</code> {issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The state of a query: a spinner, an error, or the children once data is there. */
export function QueryView<T>({ state, children, empty }: { state: { data: T | undefined; error: unknown; loading: boolean }; children: (data: T) => ReactNode; empty?: (data: T) => ReactNode | null }) {
  if (state.error && state.data === undefined) return <ErrorNotice error={state.error} />;
  if (state.data === undefined) return <Loading />;
  const nothing = empty?.(state.data);
  return (
    <>
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {nothing ?? children(state.data)}
    </>
  );
}

const STATUS_CLASS: Record<string, string> = {
  draft: 'badge-draft', in_review: 'badge-review', published: 'badge-ok', superseded: 'badge-muted', retired: 'badge-muted',
  open: 'badge-warn', rectifying: 'badge-review', closed: 'badge-ok', running: 'badge-review', completed: 'badge-ok', cancelled: 'badge-muted', incident: 'badge-danger', failed: 'badge-danger',
  critical: 'badge-danger', major: 'badge-warn', minor: 'badge-muted',
};

/** A status, severity or kind as a coloured label, in the reader's language. */
export function Badge({ value, prefix = 'status' }: { value: string; prefix?: string }) {
  const { term } = useI18n();
  return <span className={`badge ${STATUS_CLASS[value] ?? ''}`}>{term(prefix, value)}</span>;
}
