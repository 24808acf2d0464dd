import { useState } from 'react';
import { issuePrivateLink } from '../../api/staff';
import type { StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import { privateLinkUrl } from '../../lib/private-link';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';
import { takeIssuedLink } from './issued-link';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  request: SupportRequestRow;
  onChanged: () => void;
}

/**
 * The request's private link: a new one when the beneficiary asks by phone (every earlier one
 * stops at once), shown this once to read out or send; and the first one, once, right after staff
 * registered the request for the beneficiary.
 */
export default function PrivateLinkPanel({ t, me, request, onChanged }: Props) {
  const [shown, setShown] = useState<{ secret: string; registered: boolean } | null>(() => {
    const secret = takeIssuedLink(request.id);
    return secret ? { secret, registered: true } : null;
  });
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const locale: Locale = request.locale === 'en' ? 'en' : 'ar';
  const url = shown ? privateLinkUrl(location.origin, locale, shown.secret) : '';

  async function issue() {
    setError(null);
    setCopied(false);
    const outcome = await issuePrivateLink(request.id);
    if (!outcome.ok) return setError(dbErrorMessage(t, outcome.failure));
    setShown({ secret: outcome.data.secret, registered: false });
    onChanged();
  }

  async function copy() {
    await navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false));
  }

  const mayIssue = REQUEST_HANDLING_ROLES.includes(me.role);
  if (!mayIssue && !shown) return null;
  return (
    <section aria-labelledby="private-link-title">
      <h3 id="private-link-title">{t('staff.link.title')}</h3>
      {error && <div role="alert" className="staff-error">{error}</div>}
      {shown && (
        <div role="status">
          <p>{shown.registered ? t('staff.link.registered') : t('staff.link.issued')}</p>
          <p className="staff-link" dir="ltr" data-testid="private-link">{url}</p>
          <button type="button" onClick={copy}>{t('staff.link.copy')}</button> <span>{copied ? t('staff.link.copied') : ''}</span>
        </div>
      )}
      {mayIssue && (
        <>
          <p>{t('staff.link.explain')}</p>
          <button type="button" onClick={issue}>{t('staff.link.issue')}</button>
        </>
      )}
    </section>
  );
}
