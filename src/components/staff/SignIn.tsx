import { useEffect, useState, type SubmitEvent } from 'react';
import type { IslandTranslate } from '../../i18n/islands';
import { staffApi } from './staff-api';

function signInErrorKey(status: number | undefined) {
  if (status === 429) return 'staff.signIn.tooManyAttempts';
  return status && status < 500 ? 'staff.signIn.wrongCredentials' : 'staff.signIn.unavailable';
}

interface Props {
  t: IslandTranslate<'staff'>;
  /**
   * Shown before the session is known (StaffApp): the page's head script hides it when a session
   * is stored, and the loading line shows instead (staff.css).
   */
  standIn?: boolean;
  /** The visitor starts on the form (focus, a tap, sending it): the API and the session watch start loading. */
  onStart?: () => void;
}

/** Signing in with the password; the form is in the server HTML, and the API loads when it is sent. */
export default function SignIn({ t, standIn = false, onStart }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server HTML's button stays disabled until the island runs: a form sent before that would
  // go to the page's address with the password in it.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart?.();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const outcome = await staffApi().then(
      (api) => api.signIn(String(form.get('email') ?? '').trim(), String(form.get('password') ?? '')),
      () => ({ ok: false, status: undefined }) as const,
    );
    setBusy(false);
    if (!outcome.ok) setError(t(signInErrorKey(outcome.status)));
  }

  return (
    <section data-staff-view className={standIn ? 'staff-sign-in--stand-in' : undefined}>
      <h2 tabIndex={-1}>{t('staff.signIn.title')}</h2>
      {error && <div role="alert" className="staff-error" id="sign-in-error">{error}</div>}
      <form onSubmit={submit} onFocus={onStart} onPointerDown={onStart} className="staff-form" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label htmlFor="staff-email">{t('staff.signIn.email')}</label>
        <input id="staff-email" name="email" type="email" autoComplete="username" required dir="ltr" />
        <label htmlFor="staff-password">{t('staff.signIn.password')}</label>
        <input id="staff-password" name="password" type="password" autoComplete="current-password" required dir="ltr" />
        <button type="submit" disabled={busy || !ready}>{busy ? t('staff.signIn.busy') : t('staff.signIn.submit')}</button>
      </form>
    </section>
  );
}
