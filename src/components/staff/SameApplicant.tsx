import { useCallback, useEffect, useState } from 'react';
import { loadSameApplicant, reviewPossibleDuplicate } from '../../api/staff';
import type { DuplicateOutcome, SameApplicantRequest, StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';
import { formatDate } from './format-date';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  me: StaffMember;
  requestId: string;
  /** Bumped by the page after every change, so the list follows. */
  version: string;
  onChanged: () => void;
}

/**
 * The applicant's other requests (same national ID or mobile). One still open that nobody has
 * reviewed is a possible duplicate: link the two (the same need asked twice) or dismiss the flag.
 */
export default function SameApplicant({ t, locale, me, requestId, version, onChanged }: Props) {
  const [others, setOthers] = useState<SameApplicantRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await loadSameApplicant(requestId);
    setOthers(result.ok ? result.data : []);
  }, [requestId]);
  useEffect(() => {
    load();
  }, [load, version]);

  async function review(other: SameApplicantRequest, outcome: DuplicateOutcome) {
    const result = await reviewPossibleDuplicate(requestId, other.id, outcome);
    setError(result.ok ? null : dbErrorMessage(t, result.failure));
    await load();
    onChanged();
  }

  if (!others || others.length === 0) return null;
  const canReview = REQUEST_HANDLING_ROLES.includes(me.role);
  const matched = (o: SameApplicantRequest) =>
    o.same_national_id && o.same_mobile ? t('staff.duplicates.sameBoth') : o.same_national_id ? t('staff.duplicates.sameNationalId') : t('staff.duplicates.sameMobile');
  return (
    <section aria-labelledby="same-applicant-title" className="request-panel" data-testid="same-applicant">
      <h3 id="same-applicant-title">{t('staff.duplicates.title')}</h3>
      {error && <div role="alert" className="staff-error">{error}</div>}
      <ul className="same-applicant">
        {others.map((o) => (
          <li key={o.id} data-reference={o.reference} data-possible-duplicate={o.possible_duplicate}>
            <a href={`#/request/${o.id}`} dir="ltr">{o.reference}</a> — {t(`staff.status.${o.status}`)} — {formatDate(locale, o.created_at)}
            <br /><span className="hint">{matched(o)}</span>
            {o.outcome && <> — <strong>{t(`staff.duplicates.outcome.${o.outcome}`)}</strong></>}
            {o.possible_duplicate && canReview && (
              <span className="duplicate-actions">
                <button type="button" onClick={() => review(o, 'linked')}>{t('staff.duplicates.link', { reference: o.reference })}</button>
                <button type="button" className="secondary" onClick={() => review(o, 'dismissed')}>{t('staff.duplicates.dismiss', { reference: o.reference })}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
