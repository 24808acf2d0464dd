import type { DataCopy } from '../../api/private-page';
import type { Locale } from '../../lib/locale';

/** The sections of the copy private_link_copy() answers, each with its heading on the saved page (`private.data.section.<key>`). */
export const COPY_SECTIONS = [
  'made_at', 'reference', 'personal_data', 'request', 'history', 'documents', 'messages', 'contact_preferences', 'ratings', 'data_requests',
] as const;

/** The copy of everything held as a readable page of its own (saved by the beneficiary): every section, every value. */
export function dataCopyHtml(copy: DataCopy, locale: Locale, title: string, heading: (section: string) => string): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const render = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length === 0 ? '—' : `<ol>${value.map((v) => `<li>${render(v)}</li>`).join('')}</ol>`;
    if (typeof value === 'object') {
      return `<dl>${Object.entries(value).map(([k, v]) => `<dt>${escape(k)}</dt><dd dir="auto">${render(v)}</dd>`).join('')}</dl>`;
    }
    return escape(String(value));
  };
  const sections = Object.entries(copy).map(([k, v]) => `<section><h2>${escape(heading(k))}</h2>${render(v)}</section>`).join('\n');
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><h1>${escape(title)}</h1>
${sections}
</body></html>`;
}
