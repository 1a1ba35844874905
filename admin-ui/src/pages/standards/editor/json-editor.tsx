import { useEffect, useId, useRef, useState } from 'react';
import { isJsonObject, type JsonObject } from '../../../../../domain/shared/json.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/**
 * The document as raw JSON Schema, for experts. Every keystroke is parsed; a document that parses
 * becomes the working copy (and is checked by the server like any other edit), one that does not
 * is reported with where the syntax breaks and is not taken.
 */
export function JsonEditor({ doc, onChange, onSyntax, readOnly }: { doc: JsonObject; onChange(doc: JsonObject): void; onSyntax(error: string | null): void; readOnly: boolean }) {
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
      <label htmlFor={id}>{t('json.label')}</label>
      <textarea id={id} className="code" spellCheck={false} value={text} readOnly={readOnly} onChange={(e) => change(e.target.value)} rows={28} aria-invalid={syntax ? true : undefined} aria-describedby={syntax ? `${id}-syntax` : undefined} data-testid="json-editor" />
      {syntax ? <p className="notice notice-error" id={`${id}-syntax`} role="alert">{t('json.syntax')}: {syntax}</p> : null}
    </div>
  );
}
