import { useState } from 'react';
import { loadUndeliveredMessages, retryMessage } from '../../api/staff';
import type { StaffMember, UndeliveredMessage } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { dbErrorMessage } from './db-error';
import { formatDate } from './format-date';

import { useStaffRead } from './useStaffRead';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  me: StaffMember;
}

// One empty list for every failed read, so the hook's dependencies stay the same.
const NO_ROWS: never[] = [];

/** "Messages not delivered" (issue 13): what failed for good and why; a retry sends it again from its first try. */
export default function UndeliveredMessages({ t, locale, me }: Props) {
  const { data: rows, failed, reload: load } = useStaffRead(loadUndeliveredMessages, NO_ROWS);
  const [notice, setNotice] = useState<string | null>(null);
  const canRetry = REQUEST_HANDLING_ROLES.includes(me.role);

  async function retry(message: UndeliveredMessage) {
    const outcome = await retryMessage(message.id);
    setNotice(outcome.ok ? t('staff.undelivered.retried', { reference: message.reference }) : dbErrorMessage(t, outcome.failure));
    await load();
  }

  return (
    <section aria-labelledby="undelivered-title">
      <h2 id="undelivered-title" tabIndex={-1}>{t('staff.undelivered.title')}</h2>
      <p>{t('staff.undelivered.intro')}</p>
      <p role="status" aria-live="polite">
        {notice ?? (rows === null ? t('staff.loading') : failed ? t('staff.loadFailed') : t('staff.undelivered.count', { count: rows.length }))}
      </p>
      {rows && rows.length > 0 && (
        <table className="staff-table" data-testid="undelivered">
          <caption className="visually-hidden">{t('staff.undelivered.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.field.reference')}</th>
              <th scope="col">{t('staff.undelivered.message')}</th>
              <th scope="col">{t('staff.undelivered.to')}</th>
              <th scope="col">{t('staff.undelivered.reason')}</th>
              <th scope="col">{t('staff.undelivered.failedAt')}</th>
              {canRetry && <th scope="col">{t('staff.undelivered.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-message={m.id}>
                <td><a href={`#/request/${m.request_id}`} dir="ltr">{m.reference}</a></td>
                <td>{t(`staff.message.moment.${m.moment}`)} ({t(`staff.message.channel.${m.channel}`)})</td>
                <td dir="ltr">{m.recipient}</td>
                <td><bdi>{m.reason}</bdi></td>
                <td>{formatDate(locale, m.failed_at, true)}</td>
                {canRetry && (
                  <td>
                    <button type="button" onClick={() => retry(m)}>
                      {t('staff.undelivered.retry')}<span className="visually-hidden"> {m.reference}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
