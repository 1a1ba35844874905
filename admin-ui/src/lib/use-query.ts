import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './graphql.ts';
import { useI18n } from './i18n.tsx';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** runs the query again, keeping the data shown meanwhile */
  reload: () => void;
}

/**
 * Runs `load` when its dependencies change and keeps the newest answer: an answer to an older
 * request that arrives late is dropped. With `keepPrevious` the old answer stays on screen while
 * the new one loads (filters that should not blank the page). A change of the UI's language loads
 * again too (the server's messages come in the reader's language), keeping what is shown meanwhile.
 */
export function useQuery<T>(load: () => Promise<T>, deps: unknown[], options: { keepPrevious?: boolean } = {}): QueryState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const lastTick = useRef(0);
  const { lang } = useI18n();
  const lastLang = useRef(lang);
  useEffect(() => {
    const id = ++latest.current;
    // a reload or another language keeps what is shown; new arguments clear it, unless told to keep it meanwhile
    const keep = tick !== lastTick.current || lang !== lastLang.current || !!options.keepPrevious;
    lastTick.current = tick;
    lastLang.current = lang;
    setState((s) => ({ data: keep ? s.data : undefined, loading: true, error: null }));
    load().then(
      (data) => id === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => id === latest.current && setState((s) => ({ data: s.data, error: error instanceof ApiError ? error : new ApiError('Error', String((error as Error)?.message ?? error)), loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, lang]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
