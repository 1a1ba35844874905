import { useEffect, useState } from 'react';
import { feelDuration, feelSyntaxError } from '../../../../domain/workflows/compiler/feel.ts';
import { absoluteDate, durationMs } from '../../../../domain/workflows/timers/time.ts';
import { COMPILE_MESSAGES } from '../../../../domain/workflows/compiler/compile.messages.ts';
import { FieldIssues } from '../../components/fields.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { formOf, idProblem, leavesExclusiveGateway, setCondition, setDefaultFlow, setForm, setTimer, PEOPLE_TASKS, SUPPORTED, timerOf, timerValue, type DiagramElement, type Services, type TimerKind } from './bpmn-model.ts';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { followingLabel } from './timer-label.ts';

/**
 * A text input that writes to the diagram when the user leaves it (or presses Enter), so typing
 * is not a stream of undo steps; `check` reports a problem live and blocks the write.
 */
function CommitField({ id, label, value, onCommit, check, multiline, hint, testId, mono }: { id: string; label: string; value: string; onCommit(v: string): void; check?: (v: string) => string | null; multiline?: boolean; hint?: string; testId?: string; mono?: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const problem = check ? check(text) : null;
  const commit = () => {
    if (text !== value && !problem) onCommit(text);
  };
  const common = {
    id,
    value: text,
    className: mono ? 'code' : undefined,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-issues` : undefined,
    'data-testid': testId,
    onBlur: commit,
  };
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={8} spellCheck={false} onChange={(e) => setText(e.target.value)} /> : <input {...common} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && commit()} />}
      {hint ? <small className="hint">{hint.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</small> : null}
      <FieldIssues id={`${id}-issues`} messages={problem ? [problem] : []} />
    </div>
  );
}

function formFields(text: string): string[] | null {
  try {
    const schema = JSON.parse(text) as { properties?: Record<string, { title?: string }>; required?: string[] };
    return Object.entries(schema.properties ?? {}).map(([k, v]) => `${v.title ?? k}${schema.required?.includes(k) ? ' *' : ''}`);
  } catch {
    return null;
  }
}

/** A form's JSON laid out for reading (as stored when it is not JSON). */
function pretty(text: string): string {
  try {
    return text.trim() ? JSON.stringify(JSON.parse(text), null, 2) : '';
  } catch {
    return text;
  }
}

/** What the compiler accepts: candidate roles of user tasks and built-in actions of service tasks. */
export const VocabularyFields = graphql(`fragment VocabularyFields on WorkflowVocabulary { roles actions }`);
export type Vocabulary = ResultOf<typeof VocabularyFields>;

/**
 * The properties of the selected element that Pinzhi's compiler reads. Every edit goes through
 * bpmn-js modeling commands (undo with Ctrl+Z). Element types the compiler does not support are
 * named here before a deploy refuses them.
 */
export function PropertiesPanel({ element, services, vocabulary, issues, revision }: { element: DiagramElement | null; services: Services; vocabulary: Vocabulary | undefined; issues: string[]; revision: number }) {
  const { t, term, say } = useI18n();
  if (!element) return <p className="muted">{t('modeler.selectHint')}</p>;
  const target = element.labelTarget ?? element;
  const bo = target.businessObject;
  const update = (props: Record<string, unknown>) => services.modeling.updateProperties(target, props);
  const timer = timerOf(bo);
  // the compiler's own FEEL check, its message in the reader's language
  const checkFeel = (v: string) => {
    const problem = v.trim() ? feelSyntaxError(v) : null;
    return problem ? say(problem, COMPILE_MESSAGES) : null;
  };
  return (
    <div className="properties" key={target.id} data-revision={revision} data-testid="properties-panel">
      <p className="muted small"><code>{bo.$type.replace('bpmn:', '')}</code></p>
      {!SUPPORTED.has(bo.$type) ? <p className="notice notice-warn" role="status">{t('modeler.unsupportedType', { type: bo.$type.replace('bpmn:', '') })}</p> : null}
      {issues.length ? <div className="notice notice-error" role="alert"><strong>{t('modeler.compileErrors')}</strong><FieldIssues id={`${target.id}-compile`} messages={issues} /></div> : null}

      <CommitField id="prop-id" label={t('modeler.id')} value={bo.id} hint={t('modeler.idHint')} onCommit={(v) => update({ id: v })} check={(v) => { const p = idProblem(services, target, v); return p ? t(p === 'taken' ? 'modeler.idTaken' : 'modeler.idMalformed') : null; }} />
      {bo.$type !== 'bpmn:Process' ? <CommitField id="prop-name" label={t('modeler.name')} value={bo.name ?? ''} onCommit={(v) => services.modeling.updateLabel(target, v)} testId="prop-name" /> : null}

      {PEOPLE_TASKS.has(bo.$type) ? (
        <>
          <div className="field">
            <label htmlFor="prop-role">{t('modeler.candidateRole')}</label>
            <select id="prop-role" value={String(bo.get('pinzhi:candidateRole') ?? '')} onChange={(e) => update({ 'pinzhi:candidateRole': e.target.value || undefined })} data-testid="prop-role">
              <option value="">{t('modeler.chooseRole')}</option>
              {vocabulary?.roles.map((r) => <option key={r} value={r}>{term('role', r)}</option>)}
            </select>
          </div>
          <CommitField id="prop-assignee" label={t('modeler.assignee')} hint={t('modeler.assigneeHint')} value={String(bo.get('pinzhi:assignee') ?? '')} onCommit={(v) => update({ 'pinzhi:assignee': v.trim() || undefined })} check={checkFeel} mono />
          <CommitField
            id="prop-form"
            label={t('modeler.form')}
            hint={t('modeler.formHint')}
            multiline
            mono
            value={pretty(formOf(bo)?.body ?? '')}
            onCommit={(v) => setForm(services, target, v)}
            check={(v) => (!v.trim() || formFields(v) ? null : t('modeler.formNotJson'))}
            testId="prop-form"
          />
          {formOf(bo)?.body && formFields(formOf(bo)!.body!) ? <p className="small muted">{t('modeler.formFields')}: {formFields(formOf(bo)!.body!)!.join('、')}</p> : null}
        </>
      ) : null}

      {bo.$type === 'bpmn:ServiceTask' ? (
        <div className="field">
          <label htmlFor="prop-action">{t('modeler.action')}</label>
          <select id="prop-action" value={String(bo.get('pinzhi:action') ?? '')} onChange={(e) => update({ 'pinzhi:action': e.target.value || undefined })}>
            <option value="">{t('modeler.chooseAction')}</option>
            {vocabulary?.actions.map((a) => <option key={a} value={a}>{term('action', a)}</option>)}
          </select>
        </div>
      ) : null}

      {leavesExclusiveGateway(bo) ? (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={bo.sourceRef?.default === bo} onChange={(e) => setDefaultFlow(services, target, e.target.checked)} />
            {t('modeler.defaultFlow')}
          </label>
          {bo.sourceRef?.default !== bo ? <CommitField id="prop-condition" label={t('modeler.condition')} hint={t('modeler.conditionHint')} value={bo.conditionExpression?.body ?? ''} onCommit={(v) => setCondition(services, target, v)} check={checkFeel} mono testId="prop-condition" /> : null}
        </>
      ) : null}

      {timer ? <TimerFields element={target} timer={timer} services={services} /> : null}
      {bo.$type === 'bpmn:BoundaryEvent' ? (
        <label className="checkbox">
          <input type="checkbox" checked={bo.cancelActivity !== false} onChange={(e) => update({ cancelActivity: e.target.checked })} />
          {t('modeler.interrupting')}
        </label>
      ) : null}
    </div>
  );
}

function TimerFields({ element, timer, services }: { element: DiagramElement; timer: NonNullable<ReturnType<typeof timerOf>>; services: Services }) {
  const { t, lang, say } = useI18n();
  const { kind, value } = timerValue(timer);
  const expression = String(timer.get('pinzhi:durationExpression') ?? '');
  // a new duration relabels the timer unless the modeller named it themselves
  const setDuration = (next: string) => {
    const label = followingLabel(element.businessObject.name, value, next, lang);
    setTimer(services, element, timer, kind, next);
    if (label !== null) services.modeling.updateLabel(element, label);
  };
  const checkExpression = (v: string) => {
    if (!v.trim()) return null;
    const syntax = feelSyntaxError(v);
    if (syntax) return say(syntax, COMPILE_MESSAGES);
    return feelDuration(v, {}).kind === 'wrong' ? t('deadline.expressionNotDuration') : null;
  };
  const check = (k: TimerKind) => (v: string) => {
    if (k === 'timeDuration') return durationMs(v) === null ? t('modeler.durationInvalid') : null;
    return absoluteDate(v) === null ? t('modeler.dateInvalid') : null;
  };
  return (
    <>
      <div className="field">
        <label htmlFor="prop-timer-kind">{t('modeler.timerKind')}</label>
        <select id="prop-timer-kind" value={kind} onChange={(e) => setTimer(services, element, timer, e.target.value as TimerKind, e.target.value === 'timeDuration' ? 'PT48H' : `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 16)}:00+08:00`)}>
          <option value="timeDuration">{t('modeler.timerDuration')}</option>
          <option value="timeDate">{t('modeler.timerDate')}</option>
        </select>
      </div>
      <CommitField
        id="prop-timer"
        label={kind === 'timeDuration' ? t('modeler.timerDuration') : t('modeler.timerDate')}
        hint={kind === 'timeDuration' ? t('modeler.durationHint') : t('modeler.dateHint')}
        value={value}
        onCommit={(v) => (kind === 'timeDuration' ? setDuration(v.trim()) : setTimer(services, element, timer, kind, v.trim()))}
        check={check(kind)}
        mono
        testId="prop-timer"
      />
      {kind === 'timeDuration' && durationMs(value) ? <p className="small muted">≈ {t('modeler.hours', { n: Math.round((durationMs(value)! / 3_600_000) * 10) / 10 })} · {t('deadline.labelFollows')}</p> : null}
      {kind === 'timeDuration' ? (
        <CommitField
          id="prop-timer-expression"
          label={t('deadline.expression')}
          hint={t('deadline.expressionHint')}
          value={expression}
          onCommit={(v) => services.modeling.updateModdleProperties(element, timer, { 'pinzhi:durationExpression': v.trim() || undefined })}
          check={checkExpression}
          mono
          testId="prop-timer-expression"
        />
      ) : null}
    </>
  );
}
