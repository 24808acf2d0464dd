// Message templates (content/messages, edited in Decap CMS): their `{placeholders}`, the problems
// the build refuses (and the notify function refuses again, should a broken template reach it),
// and rendering: an SMS that always fits in two parts, an email in plain text and HTML.
import { MAX_SMS_SEGMENTS, fitsInSms, smsEncoding, smsSize } from './sms-segments.ts';
import { formatDate } from './dates.ts';
import { TEMPLATE_PARTS, allowedIn, requiredIn, type OutreachMoment, type Placeholder, type TemplatePart } from './moments.ts';

type Locale = 'ar' | 'en';

export type TemplateTexts = Record<TemplatePart, string>;
export type MessageValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;
/** A `{` or `}` that is not part of `{name}`: a placeholder an editor broke. */
const STRAY_BRACE = /[{}]/;

/** The longest path `internal.beneficiary_link_path()` may return (supabase/CONTRACT.md): SMS are budgeted for it. */
export const LINK_PATH_MAX = 28;
/** `/stop#` and the 15-character token `internal.stop_link_path()` builds. */
export const STOP_PATH_LENGTH = '/stop#'.length + 15;
/** Room an SMS template must leave for the staff's own words, in Arabic. */
export const MESSAGE_ROOM_MIN = 40;
const LINK_PLACEHOLDERS: ReadonlySet<Placeholder> = new Set(['link', 'stop_link', 'channels_link']);

export const placeholdersIn = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

export type TemplateProblem =
  | { part: TemplatePart; kind: 'unknown_placeholder' | 'missing_placeholder'; name: string }
  | { part: TemplatePart; kind: 'broken_placeholder' }
  | { part: 'sms'; kind: 'sms_too_long'; segments: number };

/** What is wrong with a moment's template, whatever the values: unknown, missing or broken placeholders. */
export function templateProblems(moment: OutreachMoment, texts: TemplateTexts): TemplateProblem[] {
  return TEMPLATE_PARTS.flatMap((part): TemplateProblem[] => {
    const text = texts[part];
    const used = placeholdersIn(text);
    const allowed: readonly string[] = allowedIn(moment, part);
    return [
      ...used.filter((name) => !allowed.includes(name)).map((name) => ({ part, kind: 'unknown_placeholder' as const, name })),
      ...requiredIn(moment, part).filter((name) => !used.includes(name)).map((name) => ({ part, kind: 'missing_placeholder' as const, name })),
      ...(STRAY_BRACE.test(text.replace(PLACEHOLDER, '')) ? [{ part, kind: 'broken_placeholder' as const }] : []),
    ];
  });
}

export function describeProblem(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'unknown_placeholder':
      return `${problem.part}: {${problem.name}} is not a placeholder of this message`;
    case 'missing_placeholder':
      return `${problem.part}: {${problem.name}} is missing`;
    case 'broken_placeholder':
      return `${problem.part}: a { or } that is not part of a {placeholder}`;
    case 'sms_too_long':
      return `sms: ${problem.segments} SMS parts with the longest values, at most ${MAX_SMS_SEGMENTS} allowed`;
  }
}

export const localizedPath = (locale: Locale, path: string) => (locale === 'en' ? `/en${path}` : path);

/** Fills every placeholder; one without a value is an error, never an empty gap. */
function fill(text: string, values: MessageValues, escape: (s: string) => string = (s) => s): string {
  return text.replace(PLACEHOLDER, (_whole, name: Placeholder) => {
    const value = values[name];
    if (value === undefined) throw new TemplateError(`{${name}} has no value`);
    return escape(value);
  });
}

export class TemplateError extends Error {}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The SMS for these values, in at most two parts. The staff's text (`{message}`, on one line) is
 * cut at a word, with an ellipsis, where it would not fit; anything else too long is an error.
 */
export function renderSms(template: string, values: MessageValues): string {
  const base = { ...values, ...(values.message !== undefined ? { message: collapse(values.message) } : {}) };
  const whole = collapse(fill(template, base));
  if (fitsInSms(whole)) return whole;
  const message = base.message;
  if (message === undefined || !placeholdersIn(template).includes('message')) {
    throw new TemplateError(`the SMS takes ${smsSize(whole).segments} parts (at most ${MAX_SMS_SEGMENTS})`);
  }
  const characters = [...message];
  const withPrefix = (n: number) => {
    const prefix = characters.slice(0, n).join('').trimEnd();
    const ellipsis = smsEncoding(fill(template, { ...base, message: prefix })) === 'gsm7' ? '...' : '…';
    return collapse(fill(template, { ...base, message: `${prefix}${ellipsis}` }));
  };
  let lo = 0;
  let hi = characters.length - 1;
  if (!fitsInSms(withPrefix(0))) throw new TemplateError('the SMS has no room for the message');
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsInSms(withPrefix(mid))) lo = mid;
    else hi = mid - 1;
  }
  // End on a whole word where one ends close by.
  const lastSpace = characters.slice(0, lo).lastIndexOf(' ');
  return withPrefix(lastSpace > lo - 15 && lastSpace > 0 ? lastSpace : lo);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The email for these values: the text as written, and the same as simple HTML in the language's direction. */
export function renderEmail(texts: Pick<TemplateTexts, 'email_subject' | 'email_body'>, values: MessageValues, locale: Locale): RenderedEmail {
  const subject = collapse(fill(texts.email_subject, values));
  const text = fill(texts.email_body, values).trim();
  const paragraphs = texts.email_body.trim().split(/\n\s*\n/).map((paragraph) =>
    paragraph
      .split(PLACEHOLDER)
      .map((piece, i) => {
        // split() with a capture group alternates text and placeholder names.
        if (i % 2 === 0) return escapeHtml(piece);
        const name = piece as Placeholder;
        const value = values[name];
        if (value === undefined) throw new TemplateError(`{${name}} has no value`);
        return LINK_PLACEHOLDERS.has(name) ? `<a href="${escapeHtml(value)}" dir="ltr">${escapeHtml(value)}</a>` : escapeHtml(value);
      })
      .join('')
      .replace(/\n/g, '<br>'),
  );
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body dir="${dir}" style="font-family: Tahoma, Arial, sans-serif; font-size: 16px; line-height: 1.6">` +
    paragraphs.map((p) => `<p>${p}</p>`).join('') + '</body></html>';
  return { subject, text, html };
}

/** Every date a message can give, formatted, so the longest can be found (Hijri month names differ in length). */
function formattedDates(locale: Locale): string[] {
  const start = Date.UTC(2026, 0, 1);
  // Two Umm al-Qura years and more: every Hijri and Gregorian month name, long and short days.
  return Array.from({ length: 760 }, (_, day) => formatDate(new Date(start + day * 86_400_000), locale));
}

const longest = (values: string[]) => values.reduce((a, b) => (b.length > a.length ? b : a), '');

/**
 * The values that make an SMS longest, for each way it can be encoded: the longest date written
 * in the GSM alphabet and the longest one that is not (an English Hijri month such as Shaʻban
 * makes the whole SMS UCS-2).
 */
export function longestValueSets(locale: Locale, origin: string, phone: string): MessageValues[] {
  const dates = formattedDates(locale);
  const byEncoding = [dates.filter((d) => smsEncoding(d) === 'gsm7'), dates.filter((d) => smsEncoding(d) === 'ucs2')].filter((d) => d.length);
  const link = (path: string) => `${origin}${localizedPath(locale, path)}`;
  return byEncoding.map((candidates) => ({
    reference: 'IRT-WWWWWWWW',
    link: link(`/${'x'.repeat(LINK_PATH_MAX - 1)}`),
    stop_link: link('/stop#'.padEnd(STOP_PATH_LENGTH, 'X')),
    channels_link: link('/channels'),
    phone,
    decision_due_from: longest(candidates),
    decision_due_by: longest(candidates),
    // Arabic words: the staff's text is UCS-2 whatever the template's language.
    message: 'ب'.repeat(MESSAGE_ROOM_MIN),
  }));
}

/**
 * The SMS is too long when, with the longest real values, it takes more than two parts, or
 * leaves the staff's text fewer than MESSAGE_ROOM_MIN characters.
 */
export function smsLengthProblem(template: string, locale: Locale, origin: string, phone: string): TemplateProblem | null {
  let segments = 0;
  for (const values of longestValueSets(locale, origin, phone)) {
    // A placeholder the SMS may not have is templateProblems()' to report; it takes no room here.
    const known = template.replace(PLACEHOLDER, (whole, name: Placeholder) => (values[name] === undefined ? '' : whole));
    segments = Math.max(segments, smsSize(collapse(fill(known, values))).segments);
  }
  return segments > MAX_SMS_SEGMENTS ? { part: 'sms', kind: 'sms_too_long', segments } : null;
}
