import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, ErrorFields, expect, graphql, request, setToken, type ResultOf } from './graphql.ts';

const ME = graphql(`query Me { me { username displayName roles permissions organisation { code name nameEn } } }`);
const LOGIN = graphql(`mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ...ErrorFields ... on LoginSuccess { token } } }`, [ErrorFields]);

/** The signed-in user; `permissions` are capabilities from the server, e.g. editStandards, readAuditTrail. */
export type User = NonNullable<ResultOf<typeof ME>['me']>;

interface Session {
  user: User | null;
  /** true until a stored token has been checked */
  restoring: boolean;
  /** the server could not be asked about the stored token (starting, offline); the token is kept */
  unreachable: ApiError | null;
  retry(): void;
  signIn(username: string, password: string): Promise<User>;
  signOut(): void;
  can(permission: string): boolean;
}

const STORAGE_KEY = 'pinzhi.token';
const SessionContext = createContext<Session | null>(null);


/** The signed-in user: the bearer token is kept in this browser's storage and checked with `me` on load. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [restoring, setRestoring] = useState(true);

  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setToken(null);
    setUser(null);
  }, []);

  const [unreachable, setUnreachable] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const stored = localStorage.getItem(STORAGE_KEY);
    setToken(stored, signOut);
    if (!stored) {
      setRestoring(false);
      return;
    }
    setRestoring(true);
    request(ME)
      .then((data) => {
        setUnreachable(null);
        if (data.me) setUser(data.me);
        else signOut();
      })
      .catch((error: unknown) => {
        // only the server saying the token is no good signs the user out; a server that is
        // starting or a network that is down keeps it, to try again
        if (error instanceof ApiError && error.kind !== 'FORBIDDEN' && error.kind !== 'UNAUTHENTICATED') setUnreachable(error);
        else signOut();
      })
      .finally(() => setRestoring(false));
  }, [signOut, attempt]);

  const signIn = useCallback(async (username: string, password: string) => {
    const data = await request(LOGIN, { u: username, p: password });
    const { token } = expect(data.login, 'LoginSuccess');
    setToken(token, signOut);
    const me = (await request(ME)).me;
    if (!me) throw new Error('signed in, but the server does not know the token');
    localStorage.setItem(STORAGE_KEY, token);
    setUser(me);
    return me;
  }, [signOut]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const value = useMemo<Session>(() => ({ user, restoring, unreachable, retry, signIn, signOut, can: (p) => !!user?.permissions.includes(p) }), [user, restoring, unreachable, retry, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The page each role starts on. */
export function startPage(roles: string[]): string {
  if (roles.includes('admin')) return '/dashboard';
  if (roles.includes('quality_manager')) return '/standards';
  if (roles.includes('auditor')) return '/editions';
  if (roles.includes('project_manager') || roles.includes('fund_committee')) return '/tasks';
  if (roles.includes('inspector')) return '/checklists';
  if (roles.includes('frontline')) return '/proposals';
  return '/standards';
}
