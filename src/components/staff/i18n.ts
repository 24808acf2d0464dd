/** Island-side strings: the page passes the slice of the locale file the island needs. */
export type Messages = Record<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function makeT(messages: Messages): Translate {
  return (key, params) => {
    const text = messages[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

export function formatDate(locale: string, iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium' };
  const tag = locale === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB';
  const gregorian = new Intl.DateTimeFormat(tag, options).format(new Date(iso));
  const hijri = new Intl.DateTimeFormat(`${locale === 'ar' ? 'ar-SA' : 'en'}-u-ca-islamic-umalqura-nu-latn`, { dateStyle: 'medium' }).format(new Date(iso));
  return `${gregorian} (${hijri})`;
}
