import { useCallback, useEffect, useState } from 'react';
import { loadAccessLog } from '../../api/staff';
import type { AccessLogRow, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import AccessLogTable from './AccessLogTable';
import { downloadAccessLog } from './access-log-csv';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: string;
  me: StaffMember;
  request: SupportRequestRow;
  staff: StaffMember[];
}

/** For admins, on the request page: who revealed this request's national ID or mobile, and when (the access log). */
export default function RequestAccessLog({ t, locale, me, request, staff }: Props) {
  const [rows, setRows] = useState<AccessLogRow[] | null>(null);
  const [status, setStatus] = useState('');
  const isAdmin = me.role === 'admin';
  const load = useCallback(async () => {
    if (!isAdmin) return;
    const result = await loadAccessLog({ requestId: request.id });
    setRows(result.ok ? result.data : []);
  }, [isAdmin, request.id]);
  // Each load of the request page is a new `request` (a reveal reloads it; it changes no column of it).
  useEffect(() => {
    load();
  }, [load, request]);

  async function download() {
    setStatus(t('staff.loading'));
    try {
      const count = await downloadAccessLog({ requestId: request.id }, staff, `irtiqaa-access-log-${request.reference}.csv`);
      setStatus(t('staff.export.done', { count }));
    } catch {
      setStatus(t('staff.export.refused'));
    }
  }

  if (!isAdmin) return null;
  return (
    <section aria-labelledby="request-access-log-title" className="request-panel">
      <h3 id="request-access-log-title">{t('staff.accessLog.requestTitle')}</h3>
      {rows === null ? <p>{t('staff.loading')}</p> : rows.length === 0 ? <p>{t('staff.accessLog.none')}</p> : (
        <>
          <AccessLogTable t={t} locale={locale} rows={rows} staff={staff} caption={t('staff.accessLog.requestCaption', { reference: request.reference })} />
          <button type="button" className="secondary" onClick={download}>{t('staff.accessLog.download')}</button>
        </>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
