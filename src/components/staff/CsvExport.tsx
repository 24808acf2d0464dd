import { useState, type SubmitEvent } from 'react';
import { EXPORT_KINDS, ExportRefused, type ExportKind } from '../../api/export';
import { exportRowsInChunks } from '../../api/staff';
import type { StaffMember } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import { DAY_MS } from '../../lib/decision-window';
import { csvHeader, csvLines } from '../../lib/csv';
import { NOTE_MAX, staffNoteSchema, type NoteRuleKey } from '../../schemas/staff-note';
import { dbErrorMessage } from './db-error';
import { saveCsv } from './save-file';

const COLUMNS = {
  requests: ['reference', 'created_at', 'status', 'full_name', 'national_id', 'mobile', 'email', 'city', 'category', 'request_type', 'preferred_channel', 'intake_channel', 'locale', 'decision_due_from', 'decision_due_by', 'decided_at', 'assigned_to', 'description'],
  surveys: ['created_at', 'reference', 'channel', 'overall', 'courtesy', 'clarity', 'speed', 'ease', 'recommend', 'comment', 'locale'],
} as const;

/** How far back an export reaches (days; 0: everything). */
export const EXPORT_PERIODS = [30, 90, 365, 0] as const;

/**
 * Excel-ready CSV (UTF-8 with BOM) of what this role may read; the database decides what that is.
 * The rows arrive 1,000 at a time and each chunk becomes CSV text at once, so the browser never
 * holds every row; the file is the chunks' text, handed over as one download at the end. National
 * IDs and mobiles are masked, unless an admin gives a reason (the access log records it, as it
 * records every export of requests).
 */
export default function CsvExport({ t, me }: { t: IslandTranslate<'staff'>; me: StaffMember }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function download(kind: ExportKind, days: number, reason: string | null) {
    setBusy(true);
    setStatus(t('staff.loading'));
    const parts: string[] = [csvHeader(COLUMNS[kind])];
    let read = 0;
    try {
      const since = days > 0 ? new Date(Date.now() - days * DAY_MS) : null;
      const count = await exportRowsInChunks(kind, { since, reason }, (rows) => {
        parts.push(csvLines(COLUMNS[kind], rows));
        read += rows.length;
        setStatus(t('staff.export.progress', { count: read }));
      });
      saveCsv(parts, `irtiqaa-${kind}-${new Date().toISOString().slice(0, 10)}.csv`);
      setStatus(t('staff.export.done', { count }));
    } catch (error) {
      setStatus(error instanceof ExportRefused && error.ruleKey ? dbErrorMessage(t, { ruleKey: error.ruleKey, field: null }) : t('staff.export.refused'));
    }
    setBusy(false);
  }

  function submit(kind: ExportKind) {
    return (event: SubmitEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      // The reason is a staff note (internal.checked_note): the same rule, said before anything is sent.
      const reason = staffNoteSchema.safeParse(String(data.get('reason') ?? ''));
      if (!reason.success) return setStatus(t(`staff.error.${reason.error.issues[0]!.message as NoteRuleKey}`));
      download(kind, Number(data.get('period') ?? 365), reason.data || null);
    };
  }

  const wording = {
    requests: { period: t('staff.export.period.requests'), submit: t('staff.export.requests') },
    surveys: { period: t('staff.export.period.surveys'), submit: t('staff.export.surveys') },
  };
  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">{t('staff.export.title')}</h3>
      {EXPORT_KINDS.map((kind) => (
        <form key={kind} className="export-form" onSubmit={submit(kind)}>
          <label htmlFor={`export-${kind}-period`}>{wording[kind].period}</label>
          <select id={`export-${kind}-period`} name="period" defaultValue="365">
            {EXPORT_PERIODS.map((d) => <option key={d} value={d}>{d === 0 ? t('staff.export.everything') : t('staff.export.lastDays', { count: d })}</option>)}
          </select>
          {kind === 'requests' && me.role === 'admin' && (
            <>
              <label htmlFor="export-requests-reason">{t('staff.export.reason')}</label>
              <p className="hint" id="export-requests-reason-hint">{t('staff.export.reasonHint')}</p>
              <textarea id="export-requests-reason" name="reason" rows={2} maxLength={NOTE_MAX} aria-describedby="export-requests-reason-hint" />
            </>
          )}
          <button type="submit" disabled={busy}>{wording[kind].submit}</button>
        </form>
      ))}
      <p role="status">{status}</p>
    </section>
  );
}
