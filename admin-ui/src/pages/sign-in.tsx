import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/status.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';

/** Sign-in: a username and password exchanged for a bearer token (the login mutation). */
export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="sign-in-brand">
          <img src="/admin/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1 id="sign-in-title">品质 Pinzhi</h1>
            <p className="muted">{t('signIn.subtitle')}</p>
          </div>
        </div>
        <label className="field">
          <span>{t('signIn.username')}</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error ? <ErrorNotice error={error} title={t('signIn.failed')} /> : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('signIn.signingIn') : t('signIn.submit')}</button>
        <button type="button" className="btn btn-ghost" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">{lang === 'zh' ? 'English' : '中文'}</button>
      </form>
    </div>
  );
}
