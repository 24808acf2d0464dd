// One claimed message (public.claim_messages) written out from the published templates: the SMS
// text, or the email's subject, text and HTML. Everything a message can say comes from the claim
// (first name, reference, dates, the staff's text, link paths) and the published file (the
// template, the association's phone): the national ID and the description never reach here.
import { formatDate } from './dates.ts';
import { MOMENT_FACTS, isOutreachMoment, type OutreachChannel, type OutreachMoment } from './moments.ts';
import type { PublishedTemplates } from './published.ts';
import { TemplateError, describeProblem, localizedPath, renderEmail, renderSms, templateProblems, type MessageValues, type RenderedEmail } from './templates.ts';

type Locale = 'ar' | 'en';

export interface ClaimedMessage {
  id: number;
  claim: string;
  moment: OutreachMoment;
  channel: OutreachChannel;
  locale: Locale;
  recipient: string;
  attempts: number;
  retries: number;
  first_name: string;
  reference: string;
  decision_due_from: string;
  decision_due_by: string;
  message: string | null;
  link_path: string;
  stop_path: string | null;
}

export type ComposedMessage = { channel: 'sms'; to: string; text: string } | ({ channel: 'email'; to: string } & RenderedEmail);

/** The values a template fills in, for this message, at this site (`origin`: SITE_URL). */
export function messageValues(claimed: ClaimedMessage, published: PublishedTemplates, origin: string): MessageValues {
  const locale = claimed.locale;
  const url = (path: string) => `${origin.replace(/\/$/, '')}${localizedPath(locale, path)}`;
  const values: MessageValues = {
    first_name: claimed.first_name,
    reference: claimed.reference,
    link: url(claimed.link_path),
    channels_link: url('/channels'),
    phone: published.settings[locale].phone,
    decision_due_from: formatDate(new Date(claimed.decision_due_from), locale),
    decision_due_by: formatDate(new Date(claimed.decision_due_by), locale),
  };
  if (claimed.stop_path) values.stop_link = url(claimed.stop_path);
  if (claimed.message !== null) values.message = claimed.message;
  return values;
}

/** Throws TemplateError, with a reason staff can read, when the template or the claim cannot make a whole message. */
export function composeMessage(claimed: ClaimedMessage, published: PublishedTemplates, origin: string): ComposedMessage {
  if (!isOutreachMoment(claimed.moment) || (claimed.locale !== 'ar' && claimed.locale !== 'en')) {
    throw new TemplateError(`no template for ${claimed.moment} in ${claimed.locale}`);
  }
  const texts = published.templates[claimed.moment][claimed.locale];
  const problems = templateProblems(claimed.moment, texts);
  if (problems.length) {
    throw new TemplateError(`the ${claimed.locale} template of ${claimed.moment} is broken: ${problems.map(describeProblem).join('; ')}`);
  }
  if (MOMENT_FACTS[claimed.moment].carriesNote && !claimed.message) throw new TemplateError(`${claimed.moment} has no text for the beneficiary`);
  const values = messageValues(claimed, published, origin);
  if (claimed.channel === 'sms') return { channel: 'sms', to: claimed.recipient, text: renderSms(texts.sms, values) };
  return { channel: 'email', to: claimed.recipient, ...renderEmail(texts, values, claimed.locale) };
}
