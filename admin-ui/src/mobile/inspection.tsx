import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import type { PhoneChecklist, PhoneItem } from './api.ts';
import { itemState, problemOf, type Problem } from './answer-state.ts';
import { localStore, type LocalAnswer, type LocalInspection } from './local-store.ts';
import { keepPhoto, photoUrl } from './photo.ts';
import { syncAll } from './sync.ts';
import { navigate } from './navigation.ts';
import { PLACE_KINDS } from '../../../domain/standards/place-kinds.ts';
import { journalAnswer, settleJournal, withJournal } from './journal.ts';
import { restartOnCurrent } from './today.tsx';
import { isUnreachable } from './api.ts';

type Filter = 'all' | 'open' | 'failed';

/** A change of one answer, from the answer as it stands (photos taken in quick succession all count). */
type Update = (previous: LocalAnswer | undefined) => LocalAnswer | null;
type Patch = (previous: LocalAnswer | undefined) => Partial<LocalAnswer>;

interface Group {
  key: string;
  title: string;
  items: { item: PhoneItem; index: number }[];
}

/**
 * Items walked by place — lobby, lifts, car park … in the order an inspector meets them
 * (`PLACE_KINDS`) — each place's items in checklist order; items that name no place come last.
 */
function groupsOf(checklist: PhoneChecklist, lang: 'zh' | 'en'): Group[] {
  const order = new Map<string, number>(PLACE_KINDS.map((p, i) => [p.kind, i]));
  const groups = new Map<string, Group>();
  checklist.items.forEach((item, index) => {
    const key = item.place && order.has(item.place) ? item.place : 'other';
    let group = groups.get(key);
    if (!group) {
      const kind = PLACE_KINDS.find((p) => p.kind === key);
      group = { key, title: kind ? kind[lang] : '', items: [] };
      groups.set(key, group);
    }
    group.items.push({ item, index });
  });
  return [...groups.values()].sort((a, b) => (order.get(a.key) ?? order.size) - (order.get(b.key) ?? order.size));
}

/** One inspection on the phone: walked, answered and submitted, or its result once synced. */
export function InspectionScreen({ localId, online }: { localId: string; online: boolean }) {
  const [state, setState] = useState<{ inspection: LocalInspection; checklist: PhoneChecklist } | null | 'missing'>(null);
  const reload = useCallback(async () => {
    let inspection = await localStore.get<LocalInspection>('inspections', localId);
    if (inspection) {
      // answers a closed page left in the journal go into the record first
      const folded = withJournal(inspection);
      if (folded.pending.length > 0) {
        inspection = folded.inspection;
        await localStore.put('inspections', inspection);
        settleJournal(localId, folded.pending, folded.upTo);
      }
    }
    const checklist = inspection ? await localStore.get<PhoneChecklist>('checklists', inspection.checklistId) : undefined;
    setState(inspection && checklist ? { inspection, checklist } : 'missing');
  }, [localId]);
  useEffect(() => {
    void reload();
    const onSynced = () => void reload();
    window.addEventListener('pinzhi:synced', onSynced);
    return () => window.removeEventListener('pinzhi:synced', onSynced);
  }, [reload]);
  const { t } = useI18n();
  if (state === null) return null;
  if (state === 'missing') return <p className="notice">{t('m.noneOnPhone')}</p>;
  if (state.inspection.status === 'synced') return <Result inspection={state.inspection} checklist={state.checklist} />;
  return <Walk key={state.inspection.localId} initial={state.inspection} checklist={state.checklist} online={online} reload={reload} />;
}

function Walk({ initial, checklist, online, reload }: { initial: LocalInspection; checklist: PhoneChecklist; online: boolean; reload(): Promise<void> }) {
  const { t, term, lang } = useI18n();
  const [answers, setAnswers] = useState<Record<string, LocalAnswer>>(initial.answers);
  const inspection = useRef(initial);
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupsOf(checklist, lang), [checklist, lang]);
  const [openGroups, setOpenGroups] = useState<Set<string>>(() => new Set(groups.filter((g) => g.items.some(({ item }) => !initial.answers[item.id])).slice(0, 1).map((g) => g.key)));
  const [showProblems, setShowProblems] = useState(false);
  const [restartError, setRestartError] = useState<string | null>(null);
  const locked = initial.status === 'queued' || initial.status === 'syncing';

  // every change is on the phone before the tap's handler returns (the journal), and in the
  // inspection's IndexedDB record a moment later: nothing is lost to a reload or a closed tab
  const current = useRef(initial.answers);
  const setAnswer = useCallback((itemId: string, update: Update) => {
    const next = { ...current.current };
    const answer = update(next[itemId]);
    if (answer) next[itemId] = answer;
    else delete next[itemId];
    current.current = next;
    const localId = inspection.current.localId;
    const seq = journalAnswer(localId, itemId, answer);
    window.dispatchEvent(new CustomEvent('pinzhi:saved', { detail: itemId }));
    inspection.current = { ...inspection.current, answers: next, status: inspection.current.status === 'refused' ? 'refused' : 'draft', updatedAt: new Date().toISOString() };
    void localStore.put('inspections', inspection.current).then(() => settleJournal(localId, [itemId], seq));
    setAnswers(next);
  }, []);

  const problems = useMemo(() => new Map(checklist.items.flatMap((item) => {
    const p = problemOf(item, answers[item.id]);
    return p ? [[item.id, p] as const] : [];
  })), [checklist, answers]);
  const answered = checklist.items.length - [...problems.values()].filter((p) => p === 'unanswered').length;
  const refusedOn = new Map((initial.refusal?.issues ?? []).flatMap((i) => (i.itemId ? [[i.itemId, i.message] as const] : [])));

  const matches = useCallback((item: PhoneItem) => {
    if (filter === 'open' && answers[item.id] !== undefined) return false;
    if (filter === 'failed' && itemState(item, answers[item.id]).kind !== 'failed') return false;
    const q = query.trim();
    return !q || item.title.includes(q) || item.instructionTitle.includes(q) || (item.description ?? '').includes(q) || item.key.toLowerCase().includes(q.toLowerCase());
  }, [filter, query, answers]);
  const narrowed = filter !== 'all' || query.trim() !== '';

  const jumpTo = (itemId: string) => {
    const group = groups.find((g) => g.items.some(({ item }) => item.id === itemId))!;
    setFilter('all');
    setQuery('');
    setOpenGroups((s) => new Set(s).add(group.key));
    requestAnimationFrame(() => document.getElementById(`item-${itemId}`)?.scrollIntoView({ block: 'start' }));
  };
  const nextOpen = () => {
    const next = groups.flatMap((g) => g.items).find(({ item }) => problems.get(item.id) === 'unanswered');
    if (next) jumpTo(next.item.id);
  };

  const submit = async () => {
    if (problems.size > 0) {
      setShowProblems(true);
      // the first in the order the inspector walks (by place)
      jumpTo(groups.flatMap((g) => g.items).find(({ item }) => problems.has(item.id))!.item.id);
      return;
    }
    inspection.current = { ...inspection.current, answers, status: 'queued', updatedAt: new Date().toISOString() };
    await localStore.put('inspections', inspection.current);
    if (online) await syncAll();
    await reload();
  };

  const exportAnswers = () => {
    const blob = new Blob([JSON.stringify({ ...inspection.current, answers }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `inspection-${initial.inspectedOn}-${initial.projectName}.json`;
    a.click();
  };

  return (
    <div className="walk">
      <h1>{initial.projectName} <small>{term('tier', initial.tier)} · {initial.inspectedOn}</small></h1>
      {initial.status === 'refused' && initial.refusal ? (
        <div className="notice notice-error" role="alert">
          <p>{t('m.refused', { message: initial.refusal.message })}</p>
          <div className="button-row">
            <button type="button" className="btn btn-small" onClick={exportAnswers}>{t('m.export')}</button>
            {initial.refusal.code?.startsWith('edition.retired') ? (
              <button type="button" className="btn btn-small" disabled={!online} onClick={() => void restartOnCurrent({ ...inspection.current, answers }).catch((e: unknown) => setRestartError(isUnreachable(e) ? t('m.checklistOffline') : String(e)))}>{t('m.restartCurrent')}</button>
            ) : null}
          </div>
          {restartError ? <p>{restartError}</p> : null}
        </div>
      ) : null}
      {locked ? <p className="notice" role="status">{t('m.queuedOffline')}</p> : null}
      <div className="walk-tools">
        <div className="progress" role="progressbar" aria-label={t('m.progress', { answered, total: checklist.items.length })} aria-valuemin={0} aria-valuemax={checklist.items.length} aria-valuenow={answered}>
          <span style={{ width: `${(answered / checklist.items.length) * 100}%` }} />
        </div>
        <p className="small" data-testid="progress">{t('m.progress', { answered, total: checklist.items.length })}</p>
        <div className="button-row" role="group" aria-label={t('m.filterAll')}>
          {(['all', 'open', 'failed'] as const).map((f) => (
            <button key={f} type="button" className={`btn btn-small ${filter === f ? 'btn-selected' : ''}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(f === 'all' ? 'm.filterAll' : f === 'open' ? 'm.filterOpen' : 'm.filterFailed')}
            </button>
          ))}
          <button type="button" className="btn btn-small" onClick={nextOpen}>{t('m.nextOpen')}</button>
        </div>
        <label className="field"><span className="visually-hidden">{t('m.search')}</span><input type="search" placeholder={t('m.search')} value={query} onChange={(e) => setQuery(e.target.value)} /></label>
      </div>
      {groups.map((group) => {
        const shown = narrowed ? group.items.filter(({ item }) => matches(item)) : group.items;
        if (shown.length === 0) return null;
        const done = group.items.filter(({ item }) => problems.get(item.id) !== 'unanswered').length;
        const open = narrowed || openGroups.has(group.key);
        return (
          <section key={group.key} className="group" aria-labelledby={`g-${group.key}`}>
            <h2 id={`g-${group.key}`}>
              <button type="button" className="group-toggle" aria-expanded={open} onClick={() => setOpenGroups((s) => {
                const next = new Set(s);
                if (next.has(group.key)) next.delete(group.key);
                else next.add(group.key);
                return next;
              })}>
                <span>{group.title || t('m.otherPlaces')}</span> <span className="chip">{t('m.groupProgress', { answered: done, total: group.items.length })}</span>
              </button>
            </h2>
            {open ? shown.map(({ item, index }) => (
              <ItemCard key={item.id} item={item} index={index} answer={answers[item.id]} setAnswer={setAnswer} disabled={locked}
                problem={showProblems ? problems.get(item.id) ?? null : null} refused={refusedOn.get(item.id) ?? null} />
            )) : null}
          </section>
        );
      })}
      <div className="submit-bar">
        {showProblems && problems.size > 0 ? <p className="small" role="alert">{t('m.submitCheck', { count: problems.size })}</p> : null}
        <button type="button" className="btn btn-primary btn-block" disabled={locked} onClick={() => void submit()}>{t('m.submit')}</button>
      </div>
    </div>
  );
}

/** The photos with one more (the same picture taken again is not added twice). */
const withPhoto = (ids: string[] | undefined, id: string) => (ids?.includes(id) ? ids : [...(ids ?? []), id]);

const PROBLEM_KEYS: Record<Problem, 'm.unanswered' | 'm.needsReason' | 'm.needsPhoto' | 'm.invalid'> = { unanswered: 'm.unanswered', needsReason: 'm.needsReason', needsPhoto: 'm.needsPhoto', invalid: 'm.invalid' };

const ItemCard = memo(function ItemCard({ item, index, answer, setAnswer, disabled, problem, refused }: {
  item: PhoneItem; index: number; answer: LocalAnswer | undefined; setAnswer(itemId: string, update: Update): void; disabled: boolean; problem: Problem | null; refused: string | null;
}) {
  const { t, lang, term } = useI18n();
  const state = itemState(item, answer);
  const criterion = lang === 'zh' ? item.criterion.zh : item.criterion.en;
  const set = (patch: Partial<LocalAnswer> | Patch) => setAnswer(item.id, (previous) => {
    const next: LocalAnswer = { ...previous, ...(typeof patch === 'function' ? patch(previous) : patch) };
    for (const k of Object.keys(next) as (keyof LocalAnswer)[]) if (next[k] === undefined) delete next[k];
    return Object.keys(next).length > 0 ? next : null;
  });
  const label = `${t('m.itemOf', { n: index + 1 })} ${item.title}`;
  const na = answer?.notApplicable !== undefined;
  return (
    <article id={`item-${item.id}`} className={`item-card item-${state.kind}`} aria-label={label}>
      <p className="small muted instruction">{item.instructionTitle}</p>
      <h3>{item.title} <span className="chip">{term('severity', item.severity)}</span></h3>
      {item.description ? <p className="small muted">{item.description}</p> : null}
      <p className="small"><span className="muted">{t('m.criterion')}：</span>{criterion}{item.evidence === 'photo-required' ? ` · ${t('m.photoRequired')}` : item.evidence === 'photo-on-fail' ? ` · ${t('m.photoOnFail')}` : ''}</p>
      {na ? (
        <label className="field">
          <span>{t('m.naReason')}</span>
          <textarea rows={2} value={answer?.notApplicable ?? ''} disabled={disabled} maxLength={500} onChange={(e) => set({ notApplicable: e.target.value })} />
        </label>
      ) : <AnswerInput item={item} answer={answer} set={set} disabled={disabled} label={label} />}
      <div className="button-row">
        <button type="button" className={`btn btn-small ${na ? 'btn-selected' : ''}`} aria-pressed={na} disabled={disabled}
          onClick={() => set(na ? { notApplicable: undefined } : { notApplicable: '', value: undefined })}>{na ? t('m.naCancel') : t('m.notApplicable')}</button>
        {item.input !== 'photos' && !na ? <PhotoButton label={label} disabled={disabled} add={(id) => set((p) => ({ photos: withPhoto(p?.photos, id) }))} /> : null}
      </div>
      {item.input !== 'photos' ? <Thumbs ids={answer?.photos ?? []} disabled={disabled} remove={(i) => set((p) => ({ photos: (p?.photos ?? []).filter((_, j) => j !== i) }))} /> : null}
      {state.kind === 'passed' ? <p className="verdict verdict-ok" role="status">{t('m.passed')}</p> : null}
      {state.kind === 'failed' ? <p className="verdict verdict-fail" role="status">{t('m.failed', { criterion })}</p> : null}
      {state.kind === 'invalid' ? <p className="verdict verdict-fail" role="status">{t('m.invalid')}</p> : null}
      {problem && problem !== 'invalid' ? <p className="verdict verdict-fail" role="alert">{t(PROBLEM_KEYS[problem])}</p> : null}
      {refused ? <p className="verdict verdict-fail" role="alert">{refused}</p> : null}
    </article>
  );
});

/** The input of one item: yes/no, a choice, a number, text or photos. */
export function AnswerInput({ item, answer, set, disabled, label }: { item: PhoneItem; answer: LocalAnswer | undefined; set(patch: Partial<LocalAnswer> | Patch): void; disabled: boolean; label: string }) {
  const { t } = useI18n();
  const value = answer?.value;
  switch (item.input) {
    case 'boolean':
      return (
        <div className="button-row choice" role="group" aria-label={label}>
          {[true, false].map((v) => <button key={String(v)} type="button" className={`btn ${value === v ? 'btn-selected' : ''}`} aria-pressed={value === v} disabled={disabled} onClick={() => set({ value: v })}>{v ? t('m.yes') : t('m.no')}</button>)}
        </div>
      );
    case 'choice':
      return (
        <div className="button-row choice" role="group" aria-label={label}>
          {(item.options ?? []).map((o) => <button key={o} type="button" className={`btn ${value === o ? 'btn-selected' : ''}`} aria-pressed={value === o} disabled={disabled} onClick={() => set({ value: o })}>{o}</button>)}
        </div>
      );
    case 'integer':
    case 'number':
      return (
        <label className="field number-field">
          <span className="visually-hidden">{label}</span>
          <input type="number" inputMode={item.input === 'integer' ? 'numeric' : 'decimal'} step={item.input === 'integer' ? 1 : 'any'} disabled={disabled}
            value={typeof value === 'number' ? value : ''} onChange={(e) => set({ value: e.target.value === '' ? undefined : Number(e.target.value) })} />
          {item.unit ? <span className="unit">{item.unit}</span> : null}
        </label>
      );
    case 'text':
      return <label className="field"><span className="visually-hidden">{label}</span><textarea rows={2} disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => set({ value: e.target.value === '' ? undefined : e.target.value })} /></label>;
    case 'photos': {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      return (
        <>
          <PhotoButton label={label} disabled={disabled} add={(id) => set((p) => ({ value: withPhoto(Array.isArray(p?.value) ? (p.value as string[]) : [], id) }))} />
          <Thumbs ids={ids} disabled={disabled} remove={(i) => set((p) => ({ value: (Array.isArray(p?.value) ? (p.value as string[]) : []).filter((_, j) => j !== i) }))} />
        </>
      );
    }
    default:
      return null;
  }
}

function PhotoButton({ label, disabled, add }: { label: string; disabled: boolean; add(localId: string): void }) {
  const { t } = useI18n();
  return (
    <label className={`btn btn-small photo-button ${disabled ? 'btn-disabled' : ''}`}>
      {t('m.takePhoto')}<span className="visually-hidden"> {label}</span>
      <input type="file" accept="image/*" capture="environment" className="visually-hidden" disabled={disabled} onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        void (async () => {
          for (const file of files) add(await keepPhoto(file));
        })();
      }} />
    </label>
  );
}

function Thumb({ id, n, disabled, remove }: { id: string; n: number; disabled: boolean; remove(): void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    void photoUrl(id).then(setUrl);
  }, [id]);
  return (
    <li>
      {url ? <img src={url} alt={t('m.photoCount', { count: n })} /> : null}
      <button type="button" className="link-button" disabled={disabled} onClick={remove}>{t('m.removePhoto', { n })}</button>
    </li>
  );
}

function Thumbs({ ids, disabled, remove }: { ids: string[]; disabled: boolean; remove(index: number): void }) {
  if (ids.length === 0) return null;
  return <ul className="thumbs">{ids.map((id, i) => <Thumb key={id} id={id} n={i + 1} disabled={disabled} remove={() => remove(i)} />)}</ul>;
}

/** After the sync: score, execution rate and the findings with their deadlines. */
function Result({ inspection, checklist }: { inspection: LocalInspection; checklist: PhoneChecklist }) {
  const { t, term, percent, dateTime, lang } = useI18n();
  const result = inspection.result!;
  const titles = new Map(checklist.items.map((i) => [i.id, i]));
  return (
    <div className="result">
      <h1>{t('m.result')} <small>{inspection.projectName} · {term('tier', inspection.tier)}</small></h1>
      <dl className="facts" data-testid="result">
        <dt>{t('m.score')}</dt><dd>{result.score === null ? '—' : result.score.toFixed(1)}</dd>
        <dt>{t('m.rate')}</dt><dd>{percent(result.executionRate)}</dd>
      </dl>
      <h2>{t('m.findings', { count: result.findings.length })}</h2>
      {result.findings.length === 0 ? <p>{t('m.noFindings')}</p> : (
        <ul className="cards" data-testid="findings">
          {result.findings.map((f) => (
            <li key={f.id} className="card">
              <strong>{f.title}</strong> <span className="chip">{term('severity', f.severity)}</span>
              <p className="small">{t('m.criterion')}：{lang === 'zh' ? titles.get(f.itemId)?.criterion.zh : titles.get(f.itemId)?.criterion.en}</p>
              {f.rectifyDueAt ? <p className="small">{t('m.deadline', { date: dateTime(f.rectifyDueAt) })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-block" onClick={() => navigate('/m/')}>{t('m.back')}</button>
    </div>
  );
}
