import { useCallback, useEffect, useState } from 'react';
import { ApiError, ErrorFields, expect, graphql, request, setToken } from '../lib/graphql.ts';

/** The inspector on this phone: the token and who it names are kept, so the app opens offline. */
export interface PhoneUser {
  username: string;
  displayName: string;
  roles: string[];
}

const TOKEN = 'pinzhi.token';
const USER = 'pinzhi.m.user';
const ME = graphql(`query PhoneMe { me { username displayName roles } }`);
const LOGIN = graphql(`mutation PhoneLogin($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ...ErrorFields ... on LoginSuccess { token } } }`, [ErrorFields]);

function stored(): PhoneUser | null {
  try {
    const user = JSON.parse(localStorage.getItem(USER) ?? 'null') as PhoneUser | null;
    return user && localStorage.getItem(TOKEN) ? user : null;
  } catch {
    return null;
  }
}

export function usePhoneSession() {
  const [user, setUser] = useState<PhoneUser | null>(() => {
    const kept = stored();
    if (kept) setToken(localStorage.getItem(TOKEN));
    return kept;
  });

  const signOut = useCallback(() => {
    localStorage.removeItem(TOKEN);
    localStorage.removeItem(USER);
    setToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setToken(localStorage.getItem(TOKEN), signOut);
    // online, the server says whether the kept token still holds; offline, the phone keeps working
    if (user) request(ME).then((d) => (d.me ? undefined : signOut()), (error: unknown) => error instanceof ApiError && error.kind === 'FORBIDDEN' && signOut());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { token } = expect((await request(LOGIN, { u: username, p: password })).login, 'LoginSuccess');
    setToken(token, signOut);
    const me = (await request(ME)).me;
    if (!me) throw new ApiError('Error', 'signed in, but the server does not know the token');
    localStorage.setItem(TOKEN, token);
    localStorage.setItem(USER, JSON.stringify(me));
    setUser(me);
  }, [signOut]);

  return { user, signIn, signOut };
}

/** Whether the browser believes it is online, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
