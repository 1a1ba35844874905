import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { fetchChecklist, fetchDay, fetchRecent, isUnreachable, type Day, type PhoneChecklist, type Recent } from './api.ts';
import { localStore, newId, type LocalInspection } from './local-store.ts';
import { syncAll } from './sync.ts';
import { navigate } from './navigation.ts';

type Tier = 'daily' | 'monthly' | 'quarterly' | 'scenario' | 'mystery';
// the assessments (scenario, mystery) are offered beside the rounds: every role that inspects may also assess
const TIERS: Tier[] = ['daily', 'monthly', 'quarterly', 'scenario', 'mystery'];

/** Today in China Standard Time, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const checklistKey = (projectId: number, tier: string, day: string) => `checklist:${projectId}:${tier}:${day}`;

/** A period as the inspector reads it: one day, or from–to. */
const span = (p: { from: string; to: string }) => (p.from === p.to ? p.from : `${p.from}–${p.to}`);

/** The checklist of a project and tier for today: from the phone when kept, else downloaded and kept. */
async function dayChecklist(projectId: number, tier: Tier): Promise<PhoneChecklist> {
  const key = checklistKey(projectId, tier, today());
  const id = await localStore.get<string>('meta', key);
  const kept = id ? await localStore.get<PhoneChecklist>('checklists', id) : undefined;
  if (kept) return kept;
  const checklist = await fetchChecklist(projectId, tier);
  await localStore.put('checklists', checklist);
  await localStore.put('meta', checklist.id, key);
  return checklist;
}

/**
 * Starts the inspection again on today's checklist (of the current edition), keeping every answer
 * whose item (the same version of the same instruction) is still on it. For an inspection whose
 * edition was retired while the phone was away.
 */
export async function restartOnCurrent(old: LocalInspection): Promise<void> {
  const key = checklistKey(old.projectId, old.tier, today());
  await localStore.delete('meta', key);
  const checklist = await dayChecklist(old.projectId, old.tier as Tier);
  const kept = Object.fromEntries(checklist.items.flatMap((i) => (old.answers[i.id] ? [[i.id, old.answers[i.id]] as const] : [])));
  const now = new Date().toISOString();
  const inspection: LocalInspection = { ...old, localId: newId(), clientSubmissionId: `m-${newId()}`, checklistId: checklist.id, edition: checklist.edition, inspectedOn: today(), answers: kept, status: 'draft', refusal: null, result: null, createdAt: now, updatedAt: now };
  await localStore.put('inspections', inspection);
  navigate(`/m/inspections/${inspection.localId}`);
}

/** Opens the inspection of a project and tier started today on this phone, or starts one. */
export async function startInspection(project: { id: number; name: string }, tier: Tier): Promise<void> {
  const day = today();
  const open = (await localStore.all<LocalInspection>('inspections')).find((i) => i.projectId === project.id && i.tier === tier && i.inspectedOn === day && (i.status === 'draft' || i.status === 'refused'));
  if (open) return navigate(`/m/inspections/${open.localId}`);
  const checklist = await dayChecklist(project.id, tier);
  const now = new Date().toISOString();
  const inspection: LocalInspection = {
    localId: newId(), clientSubmissionId: `m-${newId()}`, checklistId: checklist.id, projectId: project.id, projectName: project.name, tier, edition: checklist.edition,
    inspectedOn: day, answers: {}, status: 'draft', refusal: null, result: null, createdAt: now, updatedAt: now,
  };
  await localStore.put('inspections', inspection);
  navigate(`/m/inspections/${inspection.localId}`);
}

/** The inspector's day: rounds, the inspections on this phone, and the projects they may inspect. */
export function TodayScreen({ online, username }: { online: boolean; username: string }) {
  const { t, term, dateTime, percent } = useI18n();
  const [recent, setRecent] = useState<Recent | null>(null);
  useEffect(() => {
    let live = true;
    fetchRecent(username).then((r) => live && setRecent(r), () => undefined);
    const again = () => void fetchRecent(username).then((r) => live && setRecent(r), () => undefined);
    window.addEventListener('pinzhi:synced', again);
    return () => {
      live = false;
      window.removeEventListener('pinzhi:synced', again);
    };
  }, [username, online]);
  const [day, setDay] = useState<{ day: Day; kept: boolean } | null | 'none'>(null);
  const [mine, setMine] = useState<LocalInspection[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reloadMine = useCallback(() => {
    localStore.all<LocalInspection>('inspections').then((all) => setMine(all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))), () => undefined);
  }, []);

  useEffect(() => {
    reloadMine();
    window.addEventListener('pinzhi:synced', reloadMine);
    return () => window.removeEventListener('pinzhi:synced', reloadMine);
  }, [reloadMine]);

  useEffect(() => {
    let live = true;
    fetchDay().then(async (fresh) => {
      await localStore.put('meta', fresh, 'day');
      if (live) setDay({ day: fresh, kept: false });
      // the rounds' checklists are kept on the phone for a day without a connection
      for (const round of fresh.rounds) if (!round.done) await dayChecklist(round.project.id, round.tier).catch(() => undefined);
      for (const flight of fresh.flyingInspections) if (flight.status === 'planned') await dayChecklist(flight.project.id, 'monthly').catch(() => undefined);
    }, async (e: unknown) => {
      const kept = await localStore.get<Day>('meta', 'day');
      if (!live) return;
      if (kept) setDay({ day: kept, kept: true });
      else setDay('none');
      if (!isUnreachable(e)) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
    };
  }, [online]);

  const start = async (project: { id: number; name: string }, tier: Tier) => {
    setBusy(`${project.id}/${tier}`);
    setError(null);
    try {
      await startInspection(project, tier);
    } catch (e) {
      setError(isUnreachable(e) ? t('m.checklistOffline') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const waiting = mine.filter((i) => i.status === 'queued' || i.status === 'syncing').length;
  const openOnPhone = (projectId: number, tier: string) => mine.find((i) => i.projectId === projectId && i.tier === tier && i.inspectedOn === today() && (i.status === 'draft' || i.status === 'refused'));
  return (
    <>
      <h1>{t('m.today')}</h1>
      {waiting > 0 ? (
        <div className="sync-bar" role="status">
          <span>{t('m.waiting', { count: waiting })}</span>
          <button type="button" className="btn btn-small" disabled={!online} onClick={() => void syncAll().then(reloadMine)}>{t('m.syncNow')}</button>
        </div>
      ) : null}
      {error ? <p className="notice notice-error" role="alert">{error}</p> : null}
      <section aria-labelledby="rounds">
        <h2 id="rounds">{t('m.rounds')}</h2>
        {day === null ? <p className="muted">{t('m.loadingDay')}</p> : day === 'none' ? <p className="notice">{t('m.dayUnavailable')}</p> : (
          <>
            {day.kept ? <p className="notice" role="status">{t('m.dayOffline', { date: day.day.date })}</p> : null}
            {day.day.rounds.length === 0 ? <p className="muted">{t('m.noRounds')}</p> : null}
            <ul className="cards" data-testid="rounds">
              {day.day.rounds.map((r) => {
                const open = openOnPhone(r.project.id, r.tier);
                return (
                  <li key={`${r.project.id}/${r.tier}`} className={`card round ${r.missed && !r.done ? 'round-missed' : r.done ? 'round-done' : ''}`}>
                    <strong>{r.project.name}</strong> <span className="chip">{term('tier', r.tier)}</span>
                    <p className="small">{r.done ? t('m.done') : r.missed ? t('m.missed', { period: span(r.missed) }) : t('m.open', { period: span(r.period) })}</p>
                    <button type="button" className={`btn btn-block ${r.done && !open ? '' : 'btn-primary'}`} disabled={busy !== null} onClick={() => void start(r.project, r.tier)}>
                      {open ? t('m.continue') : r.done ? t('m.again') : t('m.start')}<span className="visually-hidden"> {r.project.name} {term('tier', r.tier)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      {day && day !== 'none' && (day.day.flyingInspections ?? []).length > 0 ? (
        <section aria-labelledby="flying">
          <h2 id="flying">{t('m.flying')}</h2>
          <p className="small muted">{t('m.flyingDue', { month: day.day.flyingInspections[0].month })}</p>
          <ul className="cards" data-testid="flying">
            {day.day.flyingInspections.map((f) => (
              <li key={f.project.id} className={`card round ${f.status === 'planned' ? '' : 'round-done'}`}>
                <strong>{f.project.name}</strong> <span className="chip">{t(`flying.status.${f.status}`)}</span>
                <button type="button" className={`btn btn-block ${f.status === 'planned' ? 'btn-primary' : ''}`} disabled={busy !== null} onClick={() => void start(f.project, 'monthly')}>
                  {openOnPhone(f.project.id, 'monthly') ? t('m.continue') : f.status === 'planned' ? t('m.start') : t('m.again')}<span className="visually-hidden"> {f.project.name} {term('tier', 'monthly')}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="on-phone">
        <h2 id="on-phone">{t('m.mine')}</h2>
        {mine.length === 0 ? <p className="muted">{t('m.noneOnPhone')}</p> : (
          <ul className="cards" data-testid="on-phone">
            {mine.slice(0, 20).map((i) => (
              <li key={i.localId} className="card">
                <a href={`/m/inspections/${i.localId}`} onClick={(e) => { e.preventDefault(); navigate(`/m/inspections/${i.localId}`); }}>
                  {i.projectName} · {term('tier', i.tier)}
                </a>
                <span className={`badge badge-${i.status}`}>{t(`m.status.${i.status}`)}</span>
                <p className="small muted">{i.inspectedOn} · {dateTime(i.updatedAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {recent && recent.length > 0 ? (
        <section aria-labelledby="recent">
          <h2 id="recent">{t('m.recent')}</h2>
          <ul className="cards" data-testid="recent">
            {recent.map((r) => (
              <li key={r.id} className="card">
                <strong>{r.project.name}</strong> <span className="chip">{term('tier', r.tier)}</span>
                <p className="small">{r.inspectedOn} · {t('m.score')} {r.score === null ? '—' : r.score.toFixed(1)} · {t('m.rate')} {percent(r.executionRate)} · {t('m.findings', { count: r.findingCount })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {day && day !== 'none' && day.day.projects.length > 0 ? (
        <section aria-labelledby="projects">
          <h2 id="projects">{t('m.otherProjects')}</h2>
          <ul className="cards">
            {day.day.projects.map((p) => (
              <li key={p.id} className="card">
                <strong>{p.name}</strong>
                <div className="button-row" role="group" aria-label={`${p.name} ${t('m.tierChoice')}`}>
                  {TIERS.map((tier) => <button key={tier} type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void start(p, tier)}>{term('tier', tier)}</button>)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
