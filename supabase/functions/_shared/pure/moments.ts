// The moments the portal writes to the beneficiary (issue 13; docs/ARCHITECTURE.md, "Outreach"),
// what each template may say and must say. The database holds the same moments (enum
// public.outreach_moment, table internal.outreach_moments: which change causes each);
// tests/db/outreach-parity.test.ts holds the two together. Pure: the site's build checks the
// templates with this file, the notify function renders with it.

export const OUTREACH_MOMENTS = [
  'request_received',
  'information_needed',
  'decision_accepted',
  'decision_rejected',
  'service_delivered',
  'overdue_apology',
  'follow_up_closed',
  'staff_message',
  'data_request_extended',
  'data_request_done',
  'data_request_refused',
  'data_request_kept',
] as const;
export type OutreachMoment = (typeof OUTREACH_MOMENTS)[number];

export const OUTREACH_CHANNELS = ['sms', 'email'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

export interface MomentFacts {
  /** The decision (policy, handling step 5): sent even to a beneficiary who stopped messages, and never offers to stop. */
  decision: boolean;
  /** The note of the change that causes it is the text staff wrote for the beneficiary: `{message}`. */
  carriesNote: boolean;
}

export const MOMENT_FACTS: Readonly<Record<OutreachMoment, MomentFacts>> = {
  request_received: { decision: false, carriesNote: false },
  information_needed: { decision: false, carriesNote: true },
  decision_accepted: { decision: true, carriesNote: false },
  decision_rejected: { decision: true, carriesNote: true },
  service_delivered: { decision: false, carriesNote: false },
  overdue_apology: { decision: false, carriesNote: false },
  follow_up_closed: { decision: false, carriesNote: true },
  staff_message: { decision: false, carriesNote: true },
  // A request about the beneficiary's data (PDPL): more time, once, and the outcome.
  data_request_extended: { decision: false, carriesNote: true },
  data_request_done: { decision: false, carriesNote: false },
  data_request_refused: { decision: false, carriesNote: true },
  data_request_kept: { decision: false, carriesNote: true },
};

/**
 * What a template can fill in. Nothing else about the beneficiary ever reaches a message: no
 * national ID, no description, no name beyond the first.
 */
export const PLACEHOLDERS = {
  first_name: 'the first name the beneficiary gave (emails only: an SMS does not greet by name)',
  reference: 'the request reference, IRT-XXXXXXXX',
  link: 'the beneficiary’s page for the request (the survey, for “service delivered”)',
  stop_link: 'the page that stops further messages (every moment but the decision)',
  channels_link: 'the page of the association’s contact channels',
  phone: 'the association’s phone number (content/settings)',
  decision_due_from: 'the earliest decision date, Gregorian and Umm al-Qura',
  decision_due_by: 'the latest decision date, Gregorian and Umm al-Qura',
  message: 'the text staff wrote for the beneficiary',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const EVERY_MOMENT: readonly Placeholder[] = ['first_name', 'reference', 'link', 'channels_link', 'phone'];
const MOMENT_EXTRAS: Readonly<Record<OutreachMoment, readonly Placeholder[]>> = {
  request_received: ['decision_due_from', 'decision_due_by'],
  information_needed: [],
  decision_accepted: [],
  decision_rejected: [],
  service_delivered: [],
  overdue_apology: ['decision_due_by'],
  follow_up_closed: [],
  staff_message: [],
  data_request_extended: [],
  data_request_done: [],
  data_request_refused: [],
  data_request_kept: [],
};

/** The placeholders a moment's email body may use; `{message}` and `{stop_link}` follow the moment's facts. */
export function placeholdersOf(moment: OutreachMoment): Placeholder[] {
  const facts = MOMENT_FACTS[moment];
  return [
    ...EVERY_MOMENT,
    ...MOMENT_EXTRAS[moment],
    ...(facts.decision ? [] : (['stop_link'] as const)),
    ...(facts.carriesNote ? (['message'] as const) : []),
  ];
}

/** The placeholders each part of a template must contain: the reference, the way to stop, the staff's text. */
export function requiredPlaceholdersOf(moment: OutreachMoment): Placeholder[] {
  const facts = MOMENT_FACTS[moment];
  return ['reference', ...(facts.decision ? [] : (['stop_link'] as const)), ...(facts.carriesNote ? (['message'] as const) : [])];
}

export const TEMPLATE_PARTS = ['sms', 'email_subject', 'email_body'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/** Which placeholders a part of a moment's template may use. */
export function allowedIn(moment: OutreachMoment, part: TemplatePart): Placeholder[] {
  if (part === 'email_subject') return ['first_name', 'reference'];
  const all = placeholdersOf(moment);
  return part === 'sms' ? all.filter((p) => p !== 'first_name') : all;
}

export function requiredIn(moment: OutreachMoment, part: TemplatePart): Placeholder[] {
  return part === 'email_subject' ? ['reference'] : requiredPlaceholdersOf(moment);
}

export const isOutreachMoment = (value: string): value is OutreachMoment => (OUTREACH_MOMENTS as readonly string[]).includes(value);

/** Every placeholder some moment allows in this part: what an editor can type anywhere (the CMS checks this much). */
export function placeholdersAnywhere(part: TemplatePart): Placeholder[] {
  return [...new Set(OUTREACH_MOMENTS.flatMap((moment) => allowedIn(moment, part)))];
}

/** A whole text whose braces only ever hold a known placeholder of this part: the pattern the CMS and the build share. */
export function placeholderPattern(part: TemplatePart): string {
  return `^(?:[^{}]|\\{(?:${placeholdersAnywhere(part).join('|')})\\})*$`;
}
