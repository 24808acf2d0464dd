// The templates as the site publishes them (`/outreach/templates.json`, built from content/messages
// and content/settings) and the notify function reads them: an editor's change goes live with the
// next build, without redeploying the function. One file builds and checks the format on both sides.
import { OUTREACH_MOMENTS, TEMPLATE_PARTS, type OutreachMoment } from './moments.ts';
import { describeProblem, smsLengthProblem, templateProblems, type TemplateTexts } from './templates.ts';

type Locale = 'ar' | 'en';
const LOCALES: readonly Locale[] = ['ar', 'en'];

export const PUBLISHED_TEMPLATES_PATH = '/outreach/templates.json';

export interface PublishedTemplates {
  format: 1;
  templates: Record<OutreachMoment, Record<Locale, TemplateTexts>>;
  /** What every message may give: the association's phone number, per language. */
  settings: Record<Locale, { phone: string }>;
}

export interface TemplateEntry extends TemplateTexts {
  locale: Locale;
  moment: OutreachMoment;
}

export class PublishedTemplatesError extends Error {}

/**
 * The file the site publishes. Throws, naming every problem, when a moment or language has no
 * template, a template has a placeholder its moment does not have, or an SMS would take more
 * than two parts with the longest real values at `origin` (the site's public address): the build fails.
 */
export function buildPublishedTemplates(entries: TemplateEntry[], phones: Record<Locale, string>, origin: string): PublishedTemplates {
  const problems: string[] = [];
  const templates = {} as PublishedTemplates['templates'];
  for (const moment of OUTREACH_MOMENTS) {
    templates[moment] = {} as Record<Locale, TemplateTexts>;
    for (const locale of LOCALES) {
      const entry = entries.find((e) => e.moment === moment && e.locale === locale);
      if (!entry) {
        problems.push(`content/messages/${locale}/${moment}.yml is missing`);
        continue;
      }
      const texts = Object.fromEntries(TEMPLATE_PARTS.map((part) => [part, entry[part]])) as TemplateTexts;
      const found = templateProblems(moment, texts);
      const tooLong = found.length ? null : smsLengthProblem(texts.sms, locale, origin, phones[locale]);
      for (const problem of [...found, ...(tooLong ? [tooLong] : [])]) problems.push(`content/messages/${locale}/${moment}.yml: ${describeProblem(problem)}`);
      templates[moment][locale] = texts;
    }
  }
  if (problems.length) throw new PublishedTemplatesError(`The message templates cannot be published:\n${problems.join('\n')}`);
  return { format: 1, templates, settings: { ar: { phone: phones.ar }, en: { phone: phones.en } } };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The published file, checked: what the notify function renders from. Throws on anything it cannot use. */
export function readPublishedTemplates(json: unknown): PublishedTemplates {
  const file = json as Partial<PublishedTemplates> | null;
  if (!file || file.format !== 1 || typeof file.templates !== 'object' || typeof file.settings !== 'object') {
    throw new PublishedTemplatesError('not a templates file of format 1');
  }
  for (const locale of LOCALES) {
    if (!isText(file.settings?.[locale]?.phone)) throw new PublishedTemplatesError(`settings.${locale}.phone is missing`);
  }
  for (const moment of OUTREACH_MOMENTS) {
    for (const locale of LOCALES) {
      const texts = file.templates?.[moment]?.[locale];
      if (!texts || !TEMPLATE_PARTS.every((part) => isText(texts[part]))) {
        throw new PublishedTemplatesError(`the ${locale} template of ${moment} is missing or empty`);
      }
    }
  }
  return file as PublishedTemplates;
}
