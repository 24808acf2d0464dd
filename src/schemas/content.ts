// Classic zod: Astro's content collections read these schemas at build time (see ./zod.ts).
import { z } from 'zod';
import { CHANNELS } from './channels';
import { OUTREACH_MOMENTS, placeholderPattern } from '../../supabase/functions/_shared/pure/moments.ts';
import { describeProblem, templateProblems } from '../../supabase/functions/_shared/pure/templates.ts';
import { DOCUMENT_KINDS, FAQ_CATEGORIES, POLICY_SECTION_SLUGS, SAUDI_PHONE, UPLOAD_PATH } from './content-values';

export { DOCUMENT_KINDS, FAQ_CATEGORIES, POLICY_SECTION_SLUGS, SAUDI_PHONE, UPLOAD_PATH };

/**
 * Frontmatter of the editable content under `content/` (the layout Decap CMS edits, one folder
 * per locale with the same file name in each). `src/content.config.ts` loads the files with these
 * schemas, so an entry that breaks them fails the build.
 */

const order = z.number().int().min(0);
const text = z.string().trim().min(1);
/** An absolute https address, or a path on this site such as `/request`. */
const link = z.union([z.url({ protocol: /^https?$/ }), z.string().regex(/^\/[^/]/).or(z.literal('/'))]);

export const policySectionSchema = z.object({
  title: text,
  order,
});

/** The privacy notice (content/privacy/<locale>/notice.md); its version is its text's hash (src/build/privacy-notice-version.mjs). */
export const privacyNoticeSchema = z.object({
  title: text,
  lead: text,
});

export const channelSchema = z.object({
  channel: z.enum(CHANNELS),
  title: text,
  order,
  summary: text,
  how_to_use: text,
  // Decap writes null for an empty shared optional field.
  phone: z.string().regex(SAUDI_PHONE).nullish(),
  email: z.email().nullish(),
  address: text.optional(),
  url: link.nullish(),
  hours: text.optional(),
});

export const documentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: text,
  description: text,
  file: z.string().regex(UPLOAD_PATH),
  order,
});

export const faqSchema = z.object({
  question: text,
  category: z.enum(FAQ_CATEGORIES),
  order,
});

export const improvementSchema = z.object({
  you_said: text,
  we_did: text,
  date: z.coerce.date(),
});

export const settingsSchema = z.object({
  site_name: text,
  tagline: text,
  description: text,
  phone: z.string().regex(SAUDI_PHONE),
  email: z.email(),
  address: text,
  policy_last_updated: z.coerce.date(),
  social: z.array(z.object({ label: text, url: z.url({ protocol: /^https$/ }) })).default([]),
});

/** A text whose braces hold only placeholders some message has (src/cms/config.ts gives the CMS the same pattern). */
const templateText = (part: 'sms' | 'email_subject' | 'email_body') => text.regex(new RegExp(placeholderPattern(part)));

/**
 * A message to the beneficiary (content/messages/<locale>/<moment>.yml): the SMS and the email
 * of one moment. Each part may use only its moment's placeholders and must use the ones it needs
 * (supabase/functions/_shared/pure/moments.ts); the published file also refuses an SMS longer
 * than two parts (src/pages/outreach/templates.json.ts).
 */
export const messageTemplateSchema = z
  .object({
    moment: z.enum(OUTREACH_MOMENTS),
    sms: templateText('sms'),
    email_subject: templateText('email_subject'),
    email_body: templateText('email_body'),
  })
  .superRefine((entry, ctx) => {
    for (const problem of templateProblems(entry.moment, entry)) ctx.addIssue({ code: 'custom', path: [problem.part], message: describeProblem(problem) });
  });

/** A saved reply staff can start a message from (content/replies): its title, and the text in the body. */
export const savedReplySchema = z.object({
  title: text,
  order,
});

export type ChannelEntry = z.infer<typeof channelSchema>;
export type DocumentEntry = z.infer<typeof documentSchema>;
export type FaqEntry = z.infer<typeof faqSchema>;
export type Settings = z.infer<typeof settingsSchema>;
