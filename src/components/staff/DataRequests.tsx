import { useState } from 'react';
import { loadOpenDataRequests } from '../../api/staff';
import type { DataRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import DataRequestHandling from './DataRequestHandling';
import { formatDate } from './format-date';

import { useStaffRead } from './useStaffRead';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
}

// One empty list for every failed read, so the hook's dependencies stay the same.
const NO_ROWS: never[] = [];

/**
 * "Data requests" (PDPL; docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): what
 * beneficiaries asked about their personal data and not yet answered, soonest deadline first. A
 * supervisor or an admin extends one once, or records its outcome.
 */
export default function DataRequests({ t, locale }: Props) {
  const { data: rows, failed, reload: load } = useStaffRead(loadOpenDataRequests, NO_ROWS);
  const [notice, setNotice] = useState<string | null>(null);

  const now = Date.now();
  return (
    <section aria-labelledby="data-requests-title">
      <h2 id="data-requests-title" tabIndex={-1}>{t('staff.dataRequests.title')}</h2>
      <p>{t('staff.dataRequests.intro')}</p>
      <p role="status" aria-live="polite">
        {notice ?? (rows === null ? t('staff.loading') : failed ? t('staff.loadFailed') : t('staff.dataRequests.count', { count: rows.length }))}
      </p>
      {rows && rows.length > 0 && (
        <ul className="data-requests" data-testid="data-requests">
          {rows.map((d) => (
            <li key={d.id} data-data-request={d.id} className="request-panel">
              <h3>
                <a href={`#/request/${d.request_id}`} dir="ltr">{d.support_requests?.reference}</a>{' '}
                {t(`staff.dataRequests.kind.${d.kind}`)}
                {d.field && <> ({t(`staff.field.${d.field}`)})</>}
              </h3>
              <dl className="staff-dl">
                <div><dt>{t('staff.dataRequests.received')}</dt><dd>{formatDate(locale, d.received_at, true)} ({t(`staff.channel.${d.channel as 'website'}`)})</dd></div>
                <div>
                  <dt>{t('staff.dataRequests.due')}</dt>
                  <dd data-testid="data-request-due">
                    {formatDate(locale, d.due_by)}
                    {Date.parse(d.due_by) < now && <strong> {t('staff.dataRequests.overdue')}</strong>}
                  </dd>
                </div>
                {d.details && <div><dt>{t('staff.dataRequests.details')}</dt><dd dir="auto">{d.details}</dd></div>}
                {d.extension_reason && <div><dt>{t('staff.dataRequests.extended')}</dt><dd dir="auto">{d.extension_reason}</dd></div>}
              </dl>
              <DataRequestHandling
                t={t}
                request={d}
                onDone={(message) => {
                  setNotice(message);
                  load();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
