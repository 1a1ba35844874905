import { useEffect, useId, useState, type ReactNode } from 'react';

/** Problems reported for one field (by JSON Pointer), shown under it and tied to it for screen readers. */
export function FieldIssues({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-issues" id={id}>
      {messages.map((m, i) => <li key={i}>{m}</li>)}
    </ul>
  );
}

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  issues?: string[];
  disabled?: boolean;
  className?: string;
  testId?: string;
}

function Frame({ label, hint, issues = [], className, children, inputId, issuesId }: Common & { children: ReactNode; inputId: string; issuesId: string }) {
  return (
    <div className={`field${issues.length ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children}
      {hint ? <small className="hint">{hint}</small> : null}
      <FieldIssues id={issuesId} messages={issues} />
    </div>
  );
}

export function TextField({ value, onChange, multiline, rows, placeholder, ...common }: Common & { value: string; onChange(v: string): void; multiline?: boolean; rows?: number; placeholder?: string }) {
  const id = useId();
  const aria = { 'aria-invalid': (common.issues?.length ?? 0) > 0 || undefined, 'aria-describedby': common.issues?.length ? `${id}-issues` : undefined };
  return (
    <Frame {...common} inputId={id} issuesId={`${id}-issues`}>
      {multiline ? (
        <textarea id={id} value={value} rows={rows ?? 3} placeholder={placeholder} disabled={common.disabled} onChange={(e) => onChange(e.target.value)} data-testid={common.testId} {...aria} />
      ) : (
        <input id={id} value={value} placeholder={placeholder} disabled={common.disabled} onChange={(e) => onChange(e.target.value)} data-testid={common.testId} {...aria} />
      )}
    </Frame>
  );
}

/**
 * A number that may be left empty (the keyword is then removed). What the user types is kept as
 * typed until it is a number, so "0." or "-" can be typed on the way to "0.5" or "-3".
 */
export function NumberField({ value, onChange, integer, min, ...common }: Common & { value: number | undefined; onChange(v: number | undefined): void; integer?: boolean; min?: number }) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (Number(text) !== value || (text === '' && value !== undefined)) setText(value === undefined ? '' : String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <Frame {...common} inputId={id} issuesId={`${id}-issues`}>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        step={integer ? 1 : 'any'}
        min={min}
        value={text}
        disabled={common.disabled}
        data-testid={common.testId}
        aria-invalid={(common.issues?.length ?? 0) > 0 || undefined}
        aria-describedby={common.issues?.length ? `${id}-issues` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') onChange(undefined);
          else if (Number.isFinite(e.target.valueAsNumber)) onChange(e.target.valueAsNumber);
        }}
      />
    </Frame>
  );
}

export function SelectField<T extends string>({ value, onChange, options, ...common }: Common & { value: T; onChange(v: T): void; options: { value: T; label: string }[] }) {
  const id = useId();
  return (
    <Frame {...common} inputId={id} issuesId={`${id}-issues`}>
      <select id={id} value={value} disabled={common.disabled} onChange={(e) => onChange(e.target.value as T)} data-testid={common.testId}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}

/** A set of checkboxes in a fieldset (tiers, roles …). */
export function CheckboxGroup<T extends string>({ legend, value, onChange, options, issues = [], disabled }: { legend: ReactNode; value: T[]; onChange(v: T[]): void; options: { value: T; label: string }[]; issues?: string[]; disabled?: boolean }) {
  const id = useId();
  return (
    <fieldset className={`field checkbox-group${issues.length ? ' field-invalid' : ''}`} aria-describedby={issues.length ? `${id}-issues` : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-row">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" disabled={disabled} checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? options.map((x) => x.value).filter((v) => v === o.value || value.includes(v)) : value.filter((v) => v !== o.value))} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldIssues id={`${id}-issues`} messages={issues} />
    </fieldset>
  );
}

/** A list of short texts edited one per line (steps, records, clauses …). */
export function LinesField({ value, onChange, ...common }: Common & { value: string[]; onChange(v: string[]): void }) {
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    if (text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n') !== value.join('\n')) setText(value.join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <TextField
      {...common}
      multiline
      rows={Math.min(Math.max(value.length + 1, 3), 12)}
      value={text}
      onChange={(t) => {
        setText(t);
        onChange(t.split('\n').map((l) => l.trim()).filter(Boolean));
      }}
    />
  );
}
