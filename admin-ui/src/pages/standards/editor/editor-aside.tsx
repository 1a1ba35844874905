import { ChangeList, type ChangeView } from '../../../components/change-list.tsx';
import type { Issue } from '../../../lib/graphql.ts';
import { useI18n } from '../../../lib/i18n.tsx';

export interface Validation {
  syntax: boolean;
  checking: boolean;
  issues: Issue[];
  /** Where in the document a pointer is, in words (an item by its title, then its fields). */
  placeOf(pointer: string): string;
  /** Shows the issue's place in the JSON tab, cursor on it. */
  onJump(pointer: string): void;
}

/** Beside the document: the server's verdict on the draft (while it is editable) — each issue jumps to its place in the JSON — and the changes since the published version. */
export function EditorAside({ validation, publishedVersion, changes }: { validation: Validation | null; publishedVersion: number | undefined; changes: readonly ChangeView[] }) {
  const { t } = useI18n();
  return (
    <aside className="editor-aside">
      {validation ? (
        <section className="card" aria-live="polite" data-testid="validation">
          <h2>{t('editor.validation')}</h2>
          {validation.syntax ? <p className="text-danger">{t('json.syntax')}</p> : validation.checking ? <p className="muted">{t('editor.checking')}</p> : validation.issues.length === 0 ? <p className="text-ok" data-testid="valid">✓ {t('editor.valid')}</p> : (
            <ul className="issues" data-testid="issues">
              {validation.issues.map((i, n) => (
                <li key={n}>
                  <button type="button" className="issue-link" onClick={() => validation.onJump(i.pointer)} title={t('json.jumpTo')} data-testid="issue-jump">
                    <span className="issue-place">{validation.placeOf(i.pointer)}</span> {i.message}
                  </button>
                </li>
              ))}
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
