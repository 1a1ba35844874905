import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { navigate, usePath } from './navigation.ts';
import { useI18n } from '../lib/i18n.tsx';
import { usePhoneSession, useOnline, type PhoneUser } from './session.ts';
import { syncAll } from './sync.ts';
import { TodayScreen } from './today.tsx';
import { InspectionScreen } from './inspection.tsx';
import { MysteryScreen } from './mystery.tsx';

/** The inspector's phone app: signs in once, then works with or without a connection. */
export function PhoneApp() {
  const { user, signIn, signOut } = usePhoneSession();
  const online = useOnline();
  const path = usePath();
  // a mystery customer's single-use link (/m/<token>): no sign-in, no inspector's shell
  const mysteryToken = /^\/m\/([A-Za-z0-9_-]{22})$/.exec(path)?.[1];
  // whatever waits is sent when the app opens and whenever the connection returns
  useEffect(() => {
    if (user && online && !mysteryToken) void syncAll();
  }, [user, online, mysteryToken]);
  if (mysteryToken) return <MysteryScreen token={mysteryToken} />;
  if (!user) return <SignIn signIn={signIn} />;
  const inspection = /^\/m\/inspections\/([\w-]+)/.exec(path)?.[1];
  return (
    <div className="phone">
      <Header user={user} online={online} signOut={signOut} />
      <main id="main">{inspection ? <InspectionScreen localId={inspection} online={online} /> : <TodayScreen online={online} username={user.username} />}</main>
    </div>
  );
}

function Header({ user, online, signOut }: { user: PhoneUser; online: boolean; signOut(): void }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="phone-header">
      <a href="/m/" className="phone-brand" onClick={(e) => { e.preventDefault(); navigate('/m/'); }}>{t('m.appName')}</a>
      <span className="phone-user">{user.displayName}</span>
      <button type="button" className="link-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('m.language')}</button>
      <button type="button" className="link-button" onClick={signOut}>{t('m.signOut')}</button>
      <p className={online ? 'net net-on' : 'net net-off'} role="status">{online ? t('m.online') : t('m.offline')}</p>
    </header>
  );
}

function SignIn({ signIn }: { signIn(username: string, password: string): Promise<void> }) {
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('username')), String(form.get('password')));
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [signIn]);
  return (
    <main className="phone phone-signin">
      <h1>{t('m.appName')}</h1>
      <p className="muted">{t('m.signInIntro')}</p>
      <form onSubmit={submit} className="stack">
        <label className="field"><span>{t('m.username')}</span><input name="username" autoComplete="username" autoCapitalize="none" required /></label>
        <label className="field"><span>{t('m.password')}</span><input name="password" type="password" autoComplete="current-password" required /></label>
        {error ? <p className="notice notice-error" role="alert">{error}</p> : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>{t('m.signIn')}</button>
      </form>
      <button type="button" className="link-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('m.language')}</button>
    </main>
  );
}
