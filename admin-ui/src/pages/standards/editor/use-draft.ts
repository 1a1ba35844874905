import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JsonObject } from '../../../../../domain/shared/json.ts';
import { loadStandard, type Loaded } from './editor-api.ts';
import { reapply } from './reapply.ts';
import { readUnsaved, useKeptEdits } from './unsaved-edits.ts';

/** Edits this browser kept from before (a closed tab, an expired sign-in), restored as they were or reapplied on a newer revision. */
export type Restored = { reapplied: false } | { reapplied: true; revision: number };

/**
 * The draft being edited: the standard as the server has it (`loaded`, and `base`, the draft the
 * user's edits start from) and the user's document (`working`). Edits left unsaved here before come
 * back when it loads; `onLoaded` hears what loaded and what was restored.
 */
export function useDraft(code: string, onLoaded: (data: Loaded, restored: Restored | null) => void) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [base, setBase] = useState<JsonObject | null>(null);
  const [working, setWorking] = useState<JsonObject | null>(null);
  // the user's own version when it could not be carried over (kept for copying)
  const [lost, setLost] = useState<JsonObject | null>(null);
  const workingRef = useRef(working);
  workingRef.current = working;
  // the callback is read once, when the draft loads
  const loadedCallback = useRef(onLoaded);
  loadedCallback.current = onLoaded;

  const adopt = useCallback((data: Loaded) => {
    setLoaded(data);
    setBase(data.draft?.schema ?? null);
    setWorking(data.draft?.schema ?? null);
  }, []);

  useEffect(() => {
    let live = true;
    loadStandard(code).then((data) => {
      if (!live) return;
      adopt(data);
      let restored: Restored | null = null;
      const stored = readUnsaved(code);
      if (stored && data.draft) {
        if (data.draft.status !== 'draft') setLost(stored.working);
        else if (stored.revision === data.draft.revision) {
          setWorking(stored.working);
          restored = { reapplied: false };
        } else {
          const result = reapply(stored.base, stored.working, data.draft.schema);
          if (result.ok) {
            setWorking(result.doc);
            restored = { reapplied: true, revision: data.draft.revision };
          } else setLost(stored.working);
        }
      }
      loadedCallback.current(data, restored);
    }, (error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [code, adopt]);

  const dirty = useMemo(() => !!working && !!base && JSON.stringify(working) !== JSON.stringify(base), [working, base]);
  const editable = loaded?.draft?.status === 'draft';
  useKeptEdits(code, { dirty, base, working, revision: loaded?.draft?.revision, loaded });

  return { loaded, setLoaded, loadError, base, setBase, working, setWorking, workingRef, lost, setLost, adopt, dirty, editable };
}
