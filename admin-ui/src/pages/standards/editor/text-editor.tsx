import { isJsonObject, type JsonObject, type JsonValue } from '../../../../../domain/shared/json.ts';
import { LinesField, TextField } from '../../../components/fields.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import type { IssuesAt } from './item-form.tsx';
import { BODY_LISTS, BODY_TEXTS, bodyOf, setBodyField, setDocField, setStandardField } from './schema-ops.ts';

const list = (v: JsonValue | undefined) => (Array.isArray(v) ? v.map(String) : []);

/** The text of a standard: title, summary, clauses, owner and the body sections, without JSON. */
export function TextEditor({ doc, onChange, issuesAt, readOnly }: { doc: JsonObject; onChange(doc: JsonObject): void; issuesAt: IssuesAt; readOnly: boolean }) {
  const { t, term } = useI18n();
  const xs = isJsonObject(doc['x-standard']) ? doc['x-standard'] : {};
  const body = bodyOf(doc);
  const isInstruction = xs.kind === 'instruction';
  return (
    <fieldset className="text-editor" disabled={readOnly}>
      <legend className="visually-hidden">{t('editor.tabText')}</legend>
      <TextField label={t('text.title')} value={String(doc.title ?? '')} onChange={(v) => onChange(setDocField(doc, 'title', v))} issues={issuesAt('/title', true)} testId="doc-title" />
      <TextField label={t('text.description')} multiline rows={2} value={String(doc.description ?? '')} onChange={(v) => onChange(setDocField(doc, 'description', v))} issues={issuesAt('/description', true)} />
      <div className="field-row">
        <LinesField className="grow" label={t('text.clauses')} hint={t('text.linesHint')} value={list(xs.clauses)} onChange={(v) => onChange(setStandardField(doc, 'clauses', v.length ? v : undefined))} issues={issuesAt('/x-standard/clauses')} />
        <TextField label={t('text.owner')} value={String(xs.owner ?? '')} onChange={(v) => onChange(setStandardField(doc, 'owner', v === '' ? undefined : v))} issues={issuesAt('/x-standard/owner', true)} />
      </div>
      {isInstruction || Object.keys(body).length > 0 ? (
        <>
          {BODY_TEXTS.map((name) => (
            <TextField key={name} label={term('body', name)} multiline rows={3} value={String(body[name] ?? '')} onChange={(v) => onChange(setBodyField(doc, name, v))} issues={issuesAt(`/x-standard/body/${name}`)} />
          ))}
          {BODY_LISTS.map((name) => (
            <LinesField key={name} label={term('body', name)} hint={t('text.linesHint')} value={list(body[name])} onChange={(v) => onChange(setBodyField(doc, name, v))} issues={issuesAt(`/x-standard/body/${name}`)} />
          ))}
        </>
      ) : null}
    </fieldset>
  );
}
