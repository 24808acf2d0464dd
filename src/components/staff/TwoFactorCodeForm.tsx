import { useState, type SubmitEvent } from 'react';
import { verifyAuthenticatorCode } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import { toLatinDigits } from '../../lib/digits';

function codeErrorKey(status: number | undefined) {
  if (status === 429) return 'staff.twoFactor.tooManyAttempts';
  if (status === 422) return 'staff.twoFactor.wrongCode';
  return 'staff.twoFactor.unavailable';
}

/** The six-digit code of the authenticator app. Verified, the session passes the second step and the workspace opens. */
export default function TwoFactorCodeForm({ t, factorId }: { t: IslandTranslate<'staff'>; factorId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = toLatinDigits(String(new FormData(event.currentTarget).get('code') ?? '')).replace(/\s/g, '');
    if (!/^[0-9]{6}$/.test(code)) return setError(t('staff.twoFactor.codeFormat'));
    setBusy(true);
    setError(null);
    const outcome = await verifyAuthenticatorCode(factorId, code);
    setBusy(false);
    if (!outcome.ok) setError(t(codeErrorKey(outcome.status)));
  }

  return (
    <>
      {error && <div role="alert" className="staff-error" id="code-error">{error}</div>}
      <form onSubmit={submit} className="staff-form" noValidate>
        <label htmlFor="staff-code">{t('staff.twoFactor.code')}</label>
        <p id="code-hint" className="hint">{t('staff.twoFactor.codeHint')}</p>
        <input id="staff-code" name="code" inputMode="numeric" autoComplete="one-time-code" dir="ltr" maxLength={12}
          aria-describedby={error ? 'code-hint code-error' : 'code-hint'} aria-invalid={error ? true : undefined} />
        <button type="submit" disabled={busy}>{busy ? t('staff.twoFactor.busy') : t('staff.twoFactor.submit')}</button>
      </form>
    </>
  );
}
