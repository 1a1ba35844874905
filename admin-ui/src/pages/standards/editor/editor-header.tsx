import { useI18n } from '../../../lib/i18n.tsx';
import { Link } from '../../../lib/router.tsx';
import type { Loaded } from './editor-api.ts';

/** Where the editor is (breadcrumbs), the document's title, its step in the lifecycle and the draft's revision. */
export function EditorHeader({ code, loaded, title }: { code: string; loaded: Loaded; title: string }) {
  const { t, dateTime } = useI18n();
  const draft = loaded.draft;
  const step = !draft ? 'published' : draft.status;
  return (
    <>
      <nav className="breadcrumbs" aria-label={t('shell.breadcrumbs')}>
        <Link to="/standards">{t('nav.standards')}</Link> / <Link to={`/standards/${code}`}>{code}</Link> / <span>{t('editor.title')}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>{title} <small className="muted">{code}</small></h1>
          <ol className="stepper" aria-label={t('editor.lifecycle')}>
            {(['draft', 'in_review', 'published'] as const).map((s) => (
              <li key={s} className={s === step ? 'current' : undefined} aria-current={s === step ? 'step' : undefined}>{t(`status.${s}`)}</li>
            ))}
          </ol>
        </div>
        <div className="head-meta">
          {draft ? <span>{t('editor.draftMeta', { version: draft.version, revision: draft.revision, author: draft.author, at: dateTime(draft.updatedAt) })}</span> : null}
          {loaded.latestPublished ? <Link to={`/standards/${code}/history`}>{t('editor.publishedVersion', { version: loaded.latestPublished.version })}</Link> : null}
        </div>
      </header>
    </>
  );
}
