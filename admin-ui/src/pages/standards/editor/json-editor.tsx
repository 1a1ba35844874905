import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { isJsonObject, type JsonObject } from '../../../../../domain/shared/json.ts';
import { Loading } from '../../../components/status.tsx';
import type { Issue } from '../../../lib/graphql.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { JumpTarget } from './code-editor.tsx';

const CodeEditor = lazy(() => import('./code-editor.tsx'));

/**
 * The document as raw JSON Schema, for experts, in a code editor with highlighting; the server's
 * issues are marked where they are written, and `jumpTo` puts the cursor on one. Every keystroke
 * is parsed; a document that parses becomes the working copy (and is checked by the server like
 * any other edit), one that does not is reported with where the syntax breaks and is not taken.
 */
export function JsonEditor({ doc, onChange, onSyntax, readOnly, issues, jumpTo }: { doc: JsonObject; onChange(doc: JsonObject): void; onSyntax(error: string | null): void; readOnly: boolean; issues: readonly Issue[]; jumpTo: JumpTarget | null }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(doc, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  const ownEdit = useRef(false);
  useEffect(() => {
    // the document changed elsewhere (reload, reapply): show it, unless it is this editor's own edit
    if (ownEdit.current) ownEdit.current = false;
    else setText(JSON.stringify(doc, null, 2));
  }, [doc]);
  useEffect(() => () => onSyntax(null), [onSyntax]);
  const change = (value: string) => {
    setText(value);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      const message = (error as Error).message;
      setSyntax(message);
      onSyntax(message);
      return;
    }
    const problem = isJsonObject(parsed) ? null : t('json.notObject');
    setSyntax(problem);
    onSyntax(problem);
    if (!problem) {
      ownEdit.current = true;
      onChange(parsed as JsonObject);
    }
  };
  return (
    <div className="json-editor">
      <p className="json-editor-label" id={`${id}-label`}>{t('json.label')}</p>
      <Suspense fallback={<Loading />}>
        <CodeEditor text={text} readOnly={readOnly} label={t('json.label')} issues={syntax ? [] : issues} jumpTo={jumpTo} invalid={!!syntax} describedBy={syntax ? `${id}-syntax` : undefined} onText={change} />
      </Suspense>
      {syntax ? <p className="notice notice-error" id={`${id}-syntax`} role="alert">{t('json.syntax')}: {syntax}</p> : null}
    </div>
  );
}
