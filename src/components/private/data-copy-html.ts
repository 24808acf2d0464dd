import type { DataCopy } from '../../api/private-page';
import type { Locale } from '../../lib/locale';

/** The copy of everything held as a readable page of its own (saved by the beneficiary): every section, every value. */
export function dataCopyHtml(copy: DataCopy, locale: Locale, title: string): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const render = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length === 0 ? '—' : `<ol>${value.map((v) => `<li>${render(v)}</li>`).join('')}</ol>`;
    if (typeof value === 'object') {
      return `<dl>${Object.entries(value).map(([k, v]) => `<dt>${escape(k)}</dt><dd dir="auto">${render(v)}</dd>`).join('')}</dl>`;
    }
    return escape(String(value));
  };
  const sections = Object.entries(copy).map(([k, v]) => `<section><h2>${escape(k)}</h2>${render(v)}</section>`).join('\n');
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><h1>${escape(title)}</h1>
${sections}
</body></html>`;
}
