import { useId, useState } from 'react';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../domain/shared/json.ts';
import { ApiError, uploadPhoto } from '../lib/graphql.ts';
import { useI18n, type Translate } from '../lib/i18n.tsx';
import { FieldIssues } from './fields.tsx';
import { Photo } from './photo.tsx';

/** The JSON Schema subset task forms use: an object of strings, numbers, booleans, choices, dates and photo lists. */
export interface FormSchema {
  title?: string;
  properties?: Record<string, FieldSchema>;
  required?: string[];
}

interface FieldSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: JsonValue[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: FieldSchema;
}

export type FormValue = Record<string, JsonValue | undefined>;

/**
 * The server's problems with submitted form data, by the field each names (the first segment of its
 * pointer); a missing field is marked on the field itself, without repeating its key. Null when the
 * error names no field.
 */
export function serverProblems(error: unknown, t: Translate): Record<string, string[]> | null {
  if (!(error instanceof ApiError) || error.issues.length === 0) return null;
  const byField: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.pointer.split('/')[1] ?? '';
    byField[key] = [...(byField[key] ?? []), issue.code === 'ajv.required' ? t('form.required') : issue.message];
  }
  return byField;
}

/** The answers as the JSON the API takes: fields left empty are left out. */
export function formData(value: FormValue): JsonObject {
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined));
}

const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : undefined);
const count = (value: JsonValue | undefined) => (typeof value === 'number' ? value : undefined);

function fieldOf(value: JsonValue): FieldSchema {
  if (!isJsonObject(value)) return {};
  return {
    type: text(value.type), title: text(value.title), description: text(value.description), format: text(value.format),
    enum: Array.isArray(value.enum) ? value.enum : undefined,
    minLength: count(value.minLength), maxLength: count(value.maxLength), minimum: count(value.minimum), maximum: count(value.maximum), minItems: count(value.minItems),
    items: value.items === undefined ? undefined : fieldOf(value.items),
  };
}

/** A task's form as the API sends it (JSON) read as the schema subset this form draws; null when there is none. */
export function formSchemaOf(value: JsonValue | null): FormSchema | null {
  if (!isJsonObject(value)) return null;
  const properties = isJsonObject(value.properties) ? Object.fromEntries(Object.entries(value.properties).map(([key, field]) => [key, fieldOf(field)])) : undefined;
  const required = Array.isArray(value.required) ? value.required.filter((r) => typeof r === 'string') : undefined;
  return { title: text(value.title), properties, required };
}

const isPhotos = (f: FieldSchema) => f.type === 'array' && f.items?.format === 'photo-id';

/**
 * What is wrong with the answers before they are sent, field by field: required, lengths, limits,
 * counts. The server checks the same schema with Ajv; this only saves a round trip.
 */
export function formProblems(schema: FormSchema, value: FormValue, t: Translate): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const v = value[key];
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (schema.required?.includes(key)) problems[key] = t('form.required');
      continue;
    }
    if (typeof v === 'string' && field.minLength !== undefined && [...v].length < field.minLength) problems[key] = t('form.minLength', { n: field.minLength });
    if (typeof v === 'number' && field.minimum !== undefined && v < field.minimum) problems[key] = t('form.minimum', { n: field.minimum });
    if (typeof v === 'number' && field.maximum !== undefined && v > field.maximum) problems[key] = t('form.maximum', { n: field.maximum });
    if (Array.isArray(v) && field.minItems !== undefined && v.length < field.minItems) problems[key] = t('form.minItems', { n: field.minItems });
  }
  return problems;
}

function PhotosField({ id, value, onChange, disabled, describedBy }: { id: string; value: string[]; onChange(v: string[]): void; disabled?: boolean; describedBy?: string }) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="photos-field">
      <div className="photos">
        {value.map((sha) => (
          <span key={sha} className="photo-with-remove">
            <Photo sha256={sha} alt={t('form.photo')} />
            <button type="button" className="btn btn-small" onClick={() => onChange(value.filter((v) => v !== sha))} aria-label={t('form.removePhoto')} disabled={disabled}>✕</button>
          </span>
        ))}
      </div>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic"
        multiple
        disabled={disabled || uploading}
        aria-describedby={describedBy}
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          setUploading(true);
          setError(null);
          try {
            const uploaded: string[] = [];
            for (const file of files) uploaded.push(await uploadPhoto(file));
            onChange([...new Set([...value, ...uploaded])]);
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setUploading(false);
          }
        }}
      />
      {uploading ? <span className="muted small" role="status">{t('form.uploading')}</span> : null}
      {error ? <p className="text-danger small" role="alert">{error}</p> : null}
    </div>
  );
}

/** A form generated from a task's JSON Schema; problems (local or from the server) appear under their fields. `onField` should update the value with a functional state update. */
export function SchemaForm({ schema, value, onField, problems, disabled }: { schema: FormSchema; value: FormValue; onField(key: string, v: JsonValue | undefined): void; problems: Record<string, string[]>; disabled?: boolean }) {
  const { t, term } = useI18n();
  const base = useId();
  // one field at a time: an upload that finishes later does not undo what was typed meanwhile
  const set = onField;
  return (
    <div className="schema-form">
      {Object.entries(schema.properties ?? {}).map(([key, field]) => {
        const id = `${base}-${key}`;
        const issues = problems[key] ?? [];
        const required = schema.required?.includes(key);
        const label = <>{field.title ?? key}{required ? <span className="required" aria-label={t('form.requiredMark')}> *</span> : null}</>;
        const aria = { 'aria-invalid': issues.length ? true : undefined, 'aria-describedby': issues.length ? `${id}-issues` : undefined, 'aria-required': required || undefined };
        let control;
        if (field.type === 'boolean') {
          control = (
            <div role="radiogroup" aria-labelledby={`${id}-label`} className="radio-row" {...aria}>
              {[true, false].map((b) => (
                <label key={String(b)} className="checkbox">
                  <input type="radio" name={id} checked={value[key] === b} disabled={disabled} onChange={() => set(key, b)} data-testid={`form-${key}-${b}`} />
                  {b ? t('form.yes') : t('form.no')}
                </label>
              ))}
            </div>
          );
        } else if (Array.isArray(field.enum)) {
          control = (
            <select id={id} value={value[key] === undefined ? '' : String(value[key])} disabled={disabled} onChange={(e) => set(key, e.target.value === '' ? undefined : field.enum!.find((o) => String(o) === e.target.value))} data-testid={`form-${key}`} {...aria}>
              <option value="">{t('form.choose')}</option>
              {field.enum.map((o) => {
                return <option key={String(o)} value={String(o)}>{term('enum', o)}</option>;
              })}
            </select>
          );
        } else if (field.type === 'integer' || field.type === 'number') {
          control = <input id={id} type="number" step={field.type === 'integer' ? 1 : 'any'} min={field.minimum} max={field.maximum} value={value[key] === undefined ? '' : String(value[key])} disabled={disabled} onChange={(e) => set(key, e.target.value === '' ? undefined : e.target.valueAsNumber)} data-testid={`form-${key}`} {...aria} />;
        } else if (isPhotos(field)) {
          control = <PhotosField id={id} value={(value[key] as string[] | undefined) ?? []} onChange={(v) => set(key, v)} disabled={disabled} describedBy={issues.length ? `${id}-issues` : undefined} />;
        } else if (field.type === 'array') {
          control = <textarea id={id} rows={3} value={((value[key] as string[] | undefined) ?? []).join('\n')} disabled={disabled} onChange={(e) => set(key, e.target.value.split('\n').map((l) => l.trim()).filter(Boolean))} data-testid={`form-${key}`} {...aria} />;
        } else if (field.format === 'date') {
          control = <input id={id} type="date" value={String(value[key] ?? '')} disabled={disabled} onChange={(e) => set(key, e.target.value || undefined)} data-testid={`form-${key}`} {...aria} />;
        } else {
          control = <textarea id={id} rows={field.maxLength && field.maxLength <= 80 ? 1 : 3} maxLength={field.maxLength} value={String(value[key] ?? '')} disabled={disabled} onChange={(e) => set(key, e.target.value === '' ? undefined : e.target.value)} data-testid={`form-${key}`} {...aria} />;
        }
        return (
          <div key={key} className={`field${issues.length ? ' field-invalid' : ''}`}>
            {field.type === 'boolean' ? <span className="label" id={`${id}-label`}>{label}</span> : <label htmlFor={id}>{label}</label>}
            {control}
            {field.description ? <small className="hint">{field.description}</small> : null}
            <FieldIssues id={`${id}-issues`} messages={issues} />
          </div>
        );
      })}
    </div>
  );
}
