import { useId, useState } from 'react';
import { describeCriterion } from '../../../../../domain/checklists/criterion.ts';
import { PLACE_KINDS } from '../../../../../domain/standards/place-kinds.ts';
import type { JsonObject, JsonValue } from '../../../../../domain/shared/json.ts';
import { CheckboxGroup, FieldIssues, NumberField, SelectField, TextField } from '../../../components/fields.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useTouchpoints } from '../../../lib/reference-data.ts';
import { checkOf, EVIDENCE, INPUT_KINDS, inputKind, METHODS, setCheck, setInputKind, setKeyword, SEVERITIES, TIERS, type InputKind } from './schema-ops.ts';

export type IssuesAt = (pointer: string, exact?: boolean) => string[];

const num = (v: JsonValue | undefined) => (typeof v === 'number' ? v : undefined);
const strings = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The options of a rating, each marked passing or not (`enum` holds the passing ones). */
function OptionsEditor({ item, onChange, issues }: { item: JsonObject; onChange(item: JsonObject): void; issues: string[] }) {
  const { t } = useI18n();
  const options = strings(checkOf(item).options);
  const passing = strings(item.enum);
  const [draft, setDraft] = useState('');
  const id = useId();
  const write = (opts: string[], pass: string[]) => onChange(setKeyword(setCheck(item, 'options', opts), 'enum', opts.filter((o) => pass.includes(o))));
  return (
    <fieldset className="field options-editor">
      <legend>{t('item.options')}</legend>
      <small className="hint">{t('item.optionsHint')}</small>
      <ol>
        {options.map((o, i) => (
          <li key={o}>
            <span className="option-label">{o}</span>
            <label className="checkbox">
              <input type="checkbox" aria-label={t('item.optionPassesNamed', { option: o })} checked={passing.includes(o)} onChange={(e) => write(options, e.target.checked ? [...passing, o] : passing.filter((p) => p !== o))} />
              {t('item.optionPasses')}
            </label>
            <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => write(options.map((x, j) => (j === i - 1 ? o : j === i ? options[i - 1] : x)), passing)} aria-label={t('item.optionUp', { option: o })}>↑</button>
            <button type="button" className="btn btn-small" onClick={() => write(options.filter((x) => x !== o), passing.filter((p) => p !== o))} aria-label={t('item.optionRemove', { option: o })}>✕</button>
          </li>
        ))}
      </ol>
      <div className="inline-add">
        <label htmlFor={id} className="visually-hidden">{t('item.newOption')}</label>
        <input id={id} value={draft} placeholder={t('item.newOption')} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); (e.currentTarget.nextElementSibling as HTMLButtonElement | null)?.click(); } }} />
        <button type="button" className="btn btn-small" disabled={!draft.trim() || options.includes(draft.trim())} onClick={() => { write([...options, draft.trim()], passing); setDraft(''); }}>{t('item.addOption')}</button>
      </div>
      <FieldIssues id={`${id}-issues`} messages={issues} />
    </fieldset>
  );
}

function TouchpointsEditor({ value, onChange, issues }: { value: string[]; onChange(v: string[]): void; issues: string[] }) {
  const { t } = useI18n();
  const touchpoints = useTouchpoints();
  const [draft, setDraft] = useState('');
  const id = useId();
  const code = draft.trim().toUpperCase().split(/\s/)[0];
  const known = touchpoints?.find((tp) => tp.code === code);
  const add = () => {
    if (known && !value.includes(known.code)) onChange([...value, known.code]);
    setDraft('');
  };
  return (
    <fieldset className="field touchpoints-editor">
      <legend>{t('item.touchpoints')}</legend>
      <ul className="chips">
        {value.map((c) => (
          <li key={c} className="chip">
            <span title={touchpoints?.find((tp) => tp.code === c)?.name}>{c} {touchpoints?.find((tp) => tp.code === c)?.name ?? ''}</span>
            <button type="button" onClick={() => onChange(value.filter((v) => v !== c))} aria-label={t('item.removeTouchpoint', { code: c })}>✕</button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <label htmlFor={id} className="visually-hidden">{t('item.addTouchpoint')}</label>
        <input id={id} list={`${id}-list`} value={draft} placeholder="TP-075" onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
        <datalist id={`${id}-list`}>
          {touchpoints?.map((tp) => <option key={tp.code} value={tp.code}>{`${tp.name} · ${tp.stage}`}</option>)}
        </datalist>
        <button type="button" className="btn btn-small" disabled={!known} onClick={add}>{t('item.addTouchpointButton')}</button>
      </div>
      <FieldIssues id={`${id}-issues`} messages={issues} />
    </fieldset>
  );
}

/** The limits of a measured or counted item: minimum, maximum, exclusive bounds, step, unit. */
function LimitsEditor({ item, kind, onChange, issuesAt, base }: { item: JsonObject; kind: 'integer' | 'number'; onChange(item: JsonObject): void; issuesAt: IssuesAt; base: string }) {
  const { t } = useI18n();
  const set = (k: string) => (v: number | undefined) => onChange(setKeyword(item, k, v));
  return (
    <div className="field-row">
      <NumberField label={t('item.minimum')} value={num(item.minimum)} onChange={set('minimum')} integer={kind === 'integer'} issues={issuesAt(`${base}/minimum`, true)} testId="item-minimum" />
      <NumberField label={t('item.maximum')} value={num(item.maximum)} onChange={set('maximum')} integer={kind === 'integer'} issues={issuesAt(`${base}/maximum`, true)} testId="item-maximum" />
      <NumberField label={t('item.exclusiveMinimum')} value={num(item.exclusiveMinimum)} onChange={set('exclusiveMinimum')} issues={issuesAt(`${base}/exclusiveMinimum`, true)} />
      <NumberField label={t('item.exclusiveMaximum')} value={num(item.exclusiveMaximum)} onChange={set('exclusiveMaximum')} issues={issuesAt(`${base}/exclusiveMaximum`, true)} />
      {kind === 'number' ? <NumberField label={t('item.multipleOf')} value={num(item.multipleOf)} onChange={set('multipleOf')} issues={issuesAt(`${base}/multipleOf`, true)} /> : null}
      <TextField label={t('item.unit')} value={String(checkOf(item).unit ?? '')} onChange={(v) => onChange(setCheck(item, 'unit', v.trim() === '' ? undefined : v))} issues={issuesAt(`${base}/x-check/unit`, true)} placeholder="次/日, lx, ℃" />
    </div>
  );
}

/** One check item edited with forms: what is asked, how it is answered and judged, and how it is inspected. */
export function ItemForm({ itemKey, item, onChange, issuesAt }: { itemKey: string; item: JsonObject; onChange(item: JsonObject): void; issuesAt: IssuesAt }) {
  const { t, lang, term } = useI18n();
  const kind = inputKind(item);
  const check = checkOf(item);
  const base = `/properties/${itemKey}`;
  const criterion = describeCriterion(item);
  const label = (prefix: string, v: string) => term(prefix, v);
  return (
    <div className="item-form">
      <div className="field-row">
        <TextField className="grow" label={t('item.title')} value={String(item.title ?? '')} onChange={(v) => onChange(setKeyword(item, 'title', v))} issues={issuesAt(`${base}/title`, true)} testId="item-title" />
        <SelectField<InputKind> label={t('item.input')} value={kind} onChange={(k) => onChange(setInputKind(item, k))} options={INPUT_KINDS.map((k) => ({ value: k, label: label('input', k) }))} testId="item-input" />
      </div>
      <TextField label={t('item.description')} multiline rows={2} value={String(item.description ?? '')} onChange={(v) => onChange(setKeyword(item, 'description', v === '' ? undefined : v))} issues={issuesAt(`${base}/description`, true)} />

      <div className="criterion-preview" aria-live="polite">
        <span>{t('item.criterion')}</span> <strong data-testid="criterion-preview">{lang === 'zh' ? criterion.zh : criterion.en}</strong>
      </div>

      {kind === 'boolean' ? (
        <SelectField label={t('item.expected')} value={item.const === false ? 'false' : 'true'} onChange={(v) => onChange(setKeyword(item, 'const', v === 'true'))} options={[{ value: 'true', label: t('item.expectYes') }, { value: 'false', label: t('item.expectNo') }]} />
      ) : null}
      {kind === 'integer' || kind === 'number' ? <LimitsEditor item={item} kind={kind} onChange={onChange} issuesAt={issuesAt} base={base} /> : null}
      {kind === 'choice' ? <OptionsEditor item={item} onChange={onChange} issues={[...issuesAt(`${base}/enum`), ...issuesAt(`${base}/x-check/options`)]} /> : null}
      {kind === 'text' ? (
        <div className="field-row">
          <NumberField label={t('item.minLength')} integer min={0} value={num(item.minLength)} onChange={(v) => onChange(setKeyword(item, 'minLength', v))} issues={issuesAt(`${base}/minLength`, true)} />
          <NumberField label={t('item.maxLength')} integer min={1} value={num(item.maxLength)} onChange={(v) => onChange(setKeyword(item, 'maxLength', v))} issues={issuesAt(`${base}/maxLength`, true)} />
          <TextField className="grow" label={t('item.pattern')} hint={t('item.patternHint')} value={String(item.pattern ?? '')} onChange={(v) => onChange(setKeyword(item, 'pattern', v === '' ? undefined : v))} issues={issuesAt(`${base}/pattern`, true)} />
        </div>
      ) : null}
      {kind === 'photos' ? (
        <NumberField label={t('item.minPhotos')} integer min={0} value={num(item.minItems)} onChange={(v) => onChange(setKeyword(item, 'minItems', v))} issues={issuesAt(`${base}/minItems`, true)} />
      ) : null}

      <div className="field-row">
        <SelectField label={t('item.severity')} value={String(check.severity ?? 'minor')} onChange={(v) => onChange(setCheck(item, 'severity', v))} options={SEVERITIES.map((s) => ({ value: s, label: label('severity', s) }))} issues={issuesAt(`${base}/x-check/severity`, true)} />
        <NumberField label={t('item.weight')} value={num(check.weight)} min={0} onChange={(v) => onChange(setCheck(item, 'weight', v))} issues={issuesAt(`${base}/x-check/weight`, true)} />
        <SelectField label={t('item.method')} value={String(check.method ?? '目视')} onChange={(v) => onChange(setCheck(item, 'method', v))} options={METHODS.map((m) => ({ value: m, label: label('method', m) }))} issues={issuesAt(`${base}/x-check/method`, true)} />
        <SelectField label={t('item.evidence')} value={String(check.evidence ?? 'none')} onChange={(v) => onChange(setCheck(item, 'evidence', v))} options={EVIDENCE.map((e) => ({ value: e, label: label('evidence', e) }))} issues={issuesAt(`${base}/x-check/evidence`, true)} />
        <NumberField label={t('item.rectifyWithinHours')} integer min={1} value={num(check.rectifyWithinHours)} onChange={(v) => onChange(setCheck(item, 'rectifyWithinHours', v))} issues={issuesAt(`${base}/x-check/rectifyWithinHours`, true)} />
      </div>
      <CheckboxGroup legend={t('item.tiers')} value={strings(check.tiers)} onChange={(v) => onChange(setCheck(item, 'tiers', v))} options={TIERS.map((tier) => ({ value: tier, label: label('tier', tier) }))} issues={issuesAt(`${base}/x-check/tiers`)} />
      <SelectField label={t('item.place')} value={String(check.place ?? '')} onChange={(v) => onChange(setCheck(item, 'place', v === '' ? undefined : v))}
        options={[{ value: '', label: t('item.placeNone') }, ...PLACE_KINDS.map((p) => ({ value: p.kind as string, label: label('place', p.kind) }))]} issues={issuesAt(`${base}/x-check/place`, true)} testId="item-place" />
      <TouchpointsEditor value={strings(check.touchpoints)} onChange={(v) => onChange(setCheck(item, 'touchpoints', v))} issues={issuesAt(`${base}/x-check/touchpoints`)} />
      <TextField label={t('item.hint')} multiline rows={2} value={String(check.hint ?? '')} onChange={(v) => onChange(setCheck(item, 'hint', v === '' ? undefined : v))} issues={issuesAt(`${base}/x-check/hint`, true)} />
    </div>
  );
}
