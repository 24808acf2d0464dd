import { useState, type SubmitEvent } from 'react';
import { signIn } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';

function signInErrorKey(status: number | undefined) {
  if (status === 429) return 'staff.signIn.tooManyAttempts';
  return status && status < 500 ? 'staff.signIn.wrongCredentials' : 'staff.signIn.unavailable';
}

export default function SignIn({ t }: { t: IslandTranslate<'staff'> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const outcome = await signIn(String(form.get('email') ?? '').trim(), String(form.get('password') ?? ''));
    setBusy(false);
    if (!outcome.ok) setError(t(signInErrorKey(outcome.status)));
  }

  return (
    <section data-staff-view>
      <h2 tabIndex={-1}>{t('staff.signIn.title')}</h2>
      {error && <div role="alert" className="staff-error" id="sign-in-error">{error}</div>}
      <form onSubmit={submit} className="staff-form" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label htmlFor="staff-email">{t('staff.signIn.email')}</label>
        <input id="staff-email" name="email" type="email" autoComplete="username" required dir="ltr" />
        <label htmlFor="staff-password">{t('staff.signIn.password')}</label>
        <input id="staff-password" name="password" type="password" autoComplete="current-password" required dir="ltr" />
        <button type="submit" disabled={busy}>{busy ? t('staff.signIn.busy') : t('staff.signIn.submit')}</button>
      </form>
    </section>
  );
}
