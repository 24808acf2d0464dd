import { useState } from 'react';
import { loadExport } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import { toCsv } from '../../lib/csv';

const COLUMNS = {
  requests: ['reference', 'created_at', 'status', 'full_name', 'national_id', 'mobile', 'email', 'city', 'category', 'request_type', 'preferred_channel', 'intake_channel', 'locale', 'decision_due_from', 'decision_due_by', 'decided_at', 'assigned_to', 'description'],
  surveys: ['created_at', 'reference', 'channel', 'overall', 'courtesy', 'clarity', 'speed', 'ease', 'recommend', 'comment', 'locale'],
} as const;

/** Excel-ready CSV (UTF-8 with BOM) of what this role may read; RLS decides what that is. */
export default function CsvExport({ t }: { t: IslandTranslate<'staff'> }) {
  const [status, setStatus] = useState('');

  async function download(kind: keyof typeof COLUMNS) {
    setStatus(t('staff.loading'));
    try {
      const rows = await loadExport(kind);
      const csv = toCsv(COLUMNS[kind], rows);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `irtiqaa-${kind}-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t('staff.export.done', { count: rows.length }));
    } catch {
      setStatus(t('staff.export.refused'));
    }
  }

  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">{t('staff.export.title')}</h3>
      <button type="button" onClick={() => download('requests')}>{t('staff.export.requests')}</button>{' '}
      <button type="button" onClick={() => download('surveys')}>{t('staff.export.surveys')}</button>
      <p role="status">{status}</p>
    </section>
  );
}
