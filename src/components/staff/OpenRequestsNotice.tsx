import { useEffect, useState } from 'react';
import { findOpenRequestsOfApplicant, type OpenRequestOfApplicant } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import { toLatinDigits } from '../../lib/digits';

const enoughDigits = (value: string) => toLatinDigits(value).replace(/\D/g, '').length >= 9;

/**
 * At intake: once a national ID or mobile is typed in full, the applicant's open requests, so the
 * officer can check them before registering the same need twice (registering it anyway flags both).
 */
export default function OpenRequestsNotice({ t, nationalId, mobile }: { t: IslandTranslate<'staff'>; nationalId: string; mobile: string }) {
  const [open, setOpen] = useState<OpenRequestOfApplicant[]>([]);
  useEffect(() => {
    if (!enoughDigits(nationalId) && !enoughDigits(mobile)) return setOpen([]);
    let current = true;
    const timer = setTimeout(async () => {
      const result = await findOpenRequestsOfApplicant(nationalId, mobile);
      if (current) setOpen(result.ok ? result.data : []);
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [nationalId, mobile]);

  return (
    <div aria-live="polite" data-testid="open-requests-notice">
      {open.length > 0 && (
        <div className="staff-notice">
          <p><strong>{t('staff.register.openRequests', { count: open.length })}</strong></p>
          <ul>
            {open.map((r) => (
              <li key={r.id}>
                <a href={`#/request/${r.id}`} dir="ltr">{r.reference}</a> — {t(`staff.status.${r.status}`)} —{' '}
                {r.same_national_id ? t('staff.duplicates.sameNationalId') : t('staff.duplicates.sameMobile')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
