import { useState, type SubmitEvent } from 'react';
import { setContactPreferences } from '../../api/staff';
import type { ContactPreferences as Preferences, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';
import { formatDate } from './format-date';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  me: StaffMember;
  request: SupportRequestRow;
  preferences: Preferences | null;
  onChanged: () => void;
}

/** How the beneficiary wants to hear about the request; staff change it when the beneficiary asks by phone. */
export default function ContactPreferences({ t, locale, me, request, preferences, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const hasEmail = typeof request.email === 'string' && request.email !== '';
  // Requests from before preferences existed have none: they get SMS, and email where they gave one.
  const current = preferences ?? { sms: true, email: hasEmail, stopped_at: null };
  const canChange = REQUEST_HANDLING_ROLES.includes(me.role);

  async function save(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setError(null);
    const outcome = await setContactPreferences(request.id, { sms: f.get('sms') === 'on', email: f.get('email') === 'on', stopped: f.get('stopped') === 'on' });
    if (outcome.ok) onChanged();
    else setError(dbErrorMessage(t, outcome.failure));
  }

  return (
    <section aria-labelledby="contact-title">
      <h3 id="contact-title">{t('staff.contact.title')}</h3>
      <ul data-testid="contact-preferences">
        <li>{current.sms ? t('staff.contact.smsOn') : t('staff.contact.smsOff')}</li>
        <li>{!hasEmail ? t('staff.contact.noEmail') : current.email ? t('staff.contact.emailOn') : t('staff.contact.emailOff')}</li>
        {current.stopped_at && <li><strong>{t('staff.contact.stoppedOn', { date: formatDate(locale, current.stopped_at, true) })}</strong></li>}
      </ul>
      {canChange && (
        <form onSubmit={save} aria-labelledby="contact-title" className="staff-contact">
          {error && <div role="alert" className="staff-error">{error}</div>}
          <fieldset>
            <legend>{t('staff.contact.change')}</legend>
            <span className="checkbox">
              <input id="contact-sms" name="sms" type="checkbox" defaultChecked={current.sms} />
              <label htmlFor="contact-sms">{t('staff.contact.sms')}</label>
            </span>
            <span className="checkbox">
              <input id="contact-email" name="email" type="checkbox" defaultChecked={current.email && hasEmail} disabled={!hasEmail} aria-describedby={hasEmail ? undefined : 'contact-email-hint'} />
              <label htmlFor="contact-email">{t('staff.contact.email')}</label>
            </span>
            {!hasEmail && <p id="contact-email-hint" className="hint">{t('staff.contact.noEmail')}</p>}
            <span className="checkbox">
              <input id="contact-stopped" name="stopped" type="checkbox" defaultChecked={current.stopped_at !== null} aria-describedby="contact-stopped-hint" />
              <label htmlFor="contact-stopped">{t('staff.contact.stopped')}</label>
            </span>
            <p id="contact-stopped-hint" className="hint">{t('staff.contact.stoppedHint')}</p>
          </fieldset>
          <button type="submit">{t('staff.contact.save')}</button>
        </form>
      )}
    </section>
  );
}
