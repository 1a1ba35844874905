import { ChangeList, type ChangeView } from '../../../components/change-list.tsx';
import type { Issue } from '../../../lib/graphql.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** Beside the document: the server's verdict on the draft (while it is editable), and the changes since the published version. */
export function EditorAside({ validation, publishedVersion, changes }: { validation: { syntax: boolean; checking: boolean; issues: Issue[] } | null; publishedVersion: number | undefined; changes: readonly ChangeView[] }) {
  const { t } = useI18n();
  return (
    <aside className="editor-aside">
      {validation ? (
        <section className="card" aria-live="polite" data-testid="validation">
          <h2>{t('editor.validation')}</h2>
          {validation.syntax ? <p className="text-danger">{t('json.syntax')}</p> : validation.checking ? <p className="muted">{t('editor.checking')}</p> : validation.issues.length === 0 ? <p className="text-ok" data-testid="valid">✓ {t('editor.valid')}</p> : (
            <ul className="issues" data-testid="issues">
              {validation.issues.map((i, n) => <li key={n}><code>{i.pointer || '/'}</code> {i.message}</li>)}
            </ul>
          )}
        </section>
      ) : null}
      <section className="card">
        <h2>{t('editor.changesSincePublished', { version: publishedVersion ?? '—' })}</h2>
        <ChangeList changes={changes} />
      </section>
    </aside>
  );
}
