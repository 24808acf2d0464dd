import { useState } from 'react';
import { resetStaffFactors, type StaffResult } from '../../api/staff';
import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';

interface Props {
  t: IslandTranslate<'staff'>;
  member: StaffMember;
  onDone: (outcome: StaffResult<unknown>) => void;
}

/**
 * Admin: reset a member's two-step sign-in when they lost their authenticator. They then sign in
 * with their password and set up a new one. The database checks the admin and records the reset
 * in the staff audit trail (public.staff_events); asked twice, so it is never a slip.
 */
export default function FactorReset({ t, member, onDone }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function reset() {
    setBusy(true);
    const outcome = await resetStaffFactors(member.user_id);
    setBusy(false);
    setConfirming(false);
    onDone(outcome);
  }

  if (!confirming) {
    return <button type="button" onClick={() => setConfirming(true)}>{t('staff.admin.resetFactors', { name: member.full_name })}</button>;
  }
  return (
    <div role="group" aria-label={t('staff.admin.resetFactors', { name: member.full_name })}>
      <p>{t('staff.admin.resetConfirm', { name: member.full_name })}</p>
      <button type="button" onClick={reset} disabled={busy}>{t('staff.admin.resetYes')}</button>{' '}
      <button type="button" onClick={() => setConfirming(false)} disabled={busy}>{t('staff.admin.resetNo')}</button>
    </div>
  );
}
