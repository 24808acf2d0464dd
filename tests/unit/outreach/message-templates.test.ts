// The message templates of content/messages: what the build refuses (unknown, missing or broken
// placeholders; an SMS past two parts with the longest real values) and what rendering gives.
import { describe, expect, it } from 'vitest';
import { messageTemplateSchema } from '../../../src/schemas/content';
import { MAX_SMS_SEGMENTS, smsSize } from '../../../supabase/functions/_shared/pure/sms-segments.ts';
import { OUTREACH_MOMENTS, allowedIn } from '../../../supabase/functions/_shared/pure/moments.ts';
import {
  longestValueSets, renderEmail, renderSms, smsLengthProblem, templateProblems,
} from '../../../supabase/functions/_shared/pure/templates.ts';
import { buildPublishedTemplates, readPublishedTemplates } from '../../../supabase/functions/_shared/pure/published.ts';
import { composeMessage, type ClaimedMessage } from '../../../supabase/functions/_shared/pure/compose.ts';
import { publishedTemplates, settingsPhone, templateEntries } from '../../support/published-templates';

const ORIGIN = 'https://irtiqaa.org.sa';
const entries = templateEntries();

describe('the templates in content/messages', () => {
  it('give every moment a template in both languages, and the build publishes them', () => {
    expect(entries.map((e) => `${e.locale}/${e.moment}`).sort()).toEqual(
      OUTREACH_MOMENTS.flatMap((m) => [`ar/${m}`, `en/${m}`]).sort(),
    );
    expect(() => publishedTemplates(ORIGIN)).not.toThrow();
  });

  it.each(entries.map((e) => [`${e.locale}/${e.moment}`, e] as const))('%s: its SMS fits in two parts with the longest real values', (_name, entry) => {
    expect(templateProblems(entry.moment, entry)).toEqual([]);
    expect(smsLengthProblem(entry.sms, entry.locale, ORIGIN, settingsPhone(entry.locale))).toBeNull();
    for (const values of longestValueSets(entry.locale, ORIGIN, settingsPhone(entry.locale))) {
      // With the staff's longest text the SMS still fits: the text is cut, never the SMS made longer.
      const withLongText = { ...values, message: 'نص طويل كتبه الموظف للمستفيد '.repeat(40) };
      expect(smsSize(renderSms(entry.sms, withLongText)).segments).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
    }
  });
});

describe('what the build refuses', () => {
  const base = entries.find((e) => e.locale === 'ar' && e.moment === 'information_needed')!;
  const accepted = (change: Partial<typeof base>) => messageTemplateSchema.safeParse({ ...base, ...change }).success;

  it('a placeholder its moment does not have, or that no message has', () => {
    expect(accepted({})).toBe(true);
    expect(accepted({ sms: `${base.sms} {decision_due_by}` })).toBe(false); // a placeholder of another moment
    expect(accepted({ email_body: `${base.email_body}\n{national_id}` })).toBe(false);
    expect(accepted({ sms: `${base.sms} {first_name}` })).toBe(false); // an SMS does not greet by name
    expect(accepted({ email_subject: `{message} ${base.email_subject}` })).toBe(false);
  });

  it('a broken placeholder', () => {
    expect(accepted({ sms: base.sms.replace('{reference}', '{reference') })).toBe(false);
    expect(accepted({ email_body: base.email_body.replace('{message}', '{ message }') })).toBe(false);
  });

  it('a message without its reference, its stop link, or the staff’s text', () => {
    expect(accepted({ sms: base.sms.replace('{reference}', 'طلبك') })).toBe(false);
    expect(accepted({ email_body: base.email_body.replace('{stop_link}', '') })).toBe(false);
    expect(accepted({ email_body: base.email_body.replace('{message}', '') })).toBe(false);
  });

  it('a stop link in the decision, which always reaches the beneficiary', () => {
    const decision = entries.find((e) => e.locale === 'ar' && e.moment === 'decision_rejected')!;
    expect(templateProblems('decision_rejected', decision)).toEqual([]);
    expect(templateProblems('decision_rejected', { ...decision, sms: `${decision.sms} {stop_link}` })).toEqual([
      { part: 'sms', kind: 'unknown_placeholder', name: 'stop_link' },
    ]);
  });

  it('an SMS that takes a third part with the longest real values, naming the file', () => {
    const long = { ...base, sms: `${base.sms} ${'نرجو أن ترسل إلينا ما نحتاجه في أقرب وقت '.repeat(2)}` };
    expect(smsLengthProblem(long.sms, 'ar', ORIGIN, '920012345')).toMatchObject({ kind: 'sms_too_long' });
    const others = entries.filter((e) => !(e.locale === 'ar' && e.moment === 'information_needed'));
    expect(() => buildPublishedTemplates([...others, long], { ar: '920012345', en: '920012345' }, ORIGIN)).toThrow(
      /content\/messages\/ar\/information_needed\.yml: sms: [34] SMS parts with the longest values, at most 2 allowed/,
    );
  });

  it('a moment or language without a template', () => {
    const missing = entries.filter((e) => !(e.locale === 'en' && e.moment === 'overdue_apology'));
    expect(() => buildPublishedTemplates(missing, { ar: '1', en: '1' }, ORIGIN)).toThrow(/content\/messages\/en\/overdue_apology\.yml is missing/);
  });

  it('lists exactly the placeholders a part allows', () => {
    expect(allowedIn('request_received', 'sms')).not.toContain('first_name');
    expect(allowedIn('request_received', 'email_body')).toEqual(expect.arrayContaining(['first_name', 'decision_due_from', 'decision_due_by', 'stop_link']));
    expect(allowedIn('decision_accepted', 'email_body')).not.toContain('stop_link');
    expect(allowedIn('staff_message', 'email_subject')).toEqual(['first_name', 'reference']);
  });
});

describe('rendering', () => {
  const values = {
    reference: 'IRT-ABCD1234', link: `${ORIGIN}/track/?ref=IRT-ABCD1234`, stop_link: `${ORIGIN}/stop#ABCD1234XYZ1234`,
    channels_link: `${ORIGIN}/channels`, phone: '920012345', first_name: 'سارة',
  };

  it('cuts the staff’s text at a word, with an ellipsis, to keep the SMS in two parts', () => {
    const text = renderSms('بشأن طلبك {reference}: {message} للإيقاف: {stop_link}', { ...values, message: 'يرجى إرسال صورة من إثبات القيد الدراسي وخطاب المدرسة وآخر شهادة دراسية قبل نهاية الأسبوع القادم' });
    expect(smsSize(text).segments).toBe(2);
    expect(text).toMatch(/يرجى إرسال .*…\s+للإيقاف: https:\/\/irtiqaa\.org\.sa\/stop#ABCD1234XYZ1234$/);
    expect(text).not.toContain('القادم');
  });

  it('keeps a GSM-7 English SMS in GSM-7 when it cuts (three dots, not the ellipsis character)', () => {
    const text = renderSms('About {reference}: {message} Stop: {stop_link}', { ...values, message: 'Please send us a copy of your enrolment certificate and your last school report. '.repeat(5) });
    expect(smsSize(text)).toMatchObject({ encoding: 'gsm7', segments: 2 });
    expect(text).toContain('... Stop:');
  });

  it('puts the staff’s text in an email as text, never as HTML, in the language’s direction', () => {
    const email = renderEmail({ email_subject: 'بشأن طلبك {reference}', email_body: 'مرحبًا {first_name}،\n\n{message}\n\nللإيقاف: {stop_link}' },
      { ...values, message: '<script>alert(1)</script>\nسطر ثانٍ' }, 'ar');
    expect(email.subject).toBe('بشأن طلبك IRT-ABCD1234');
    expect(email.text).toContain('<script>alert(1)</script>');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>سطر ثانٍ');
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain(`<a href="${ORIGIN}/stop#ABCD1234XYZ1234" dir="ltr">`);
  });
});

describe('a claimed message written out', () => {
  const claimed: ClaimedMessage = {
    id: 7, claim: 'c', moment: 'request_received', channel: 'email', locale: 'en', recipient: 'sara@example.com', attempts: 1, retries: 0,
    first_name: 'Sara', reference: 'IRT-ABCD1234', decision_due_from: '2026-12-15T09:00:00Z', decision_due_by: '2027-01-12T09:00:00Z',
    message: null, link_path: '/track/?ref=IRT-ABCD1234', stop_path: '/stop#ABCD1234XYZ1234',
  };

  it('gives the dates in both calendars and the links in the request’s language', () => {
    const email = composeMessage(claimed, publishedTemplates(ORIGIN), 'http://127.0.0.1:4321');
    expect(email).toMatchObject({ channel: 'email', to: 'sara@example.com' });
    if (email.channel !== 'email') throw new Error('an email');
    expect(email.text).toContain('15 December 2026 (6 Rajab 1448 AH)');
    expect(email.text).toContain('http://127.0.0.1:4321/en/track/?ref=IRT-ABCD1234');
    expect(email.text).toContain('http://127.0.0.1:4321/en/stop#ABCD1234XYZ1234');
    expect(email.text).toContain('Dear Sara,');
  });

  it('fails with a reason staff can read when a published template is broken, never a blank message', () => {
    const broken = structuredClone(publishedTemplates(ORIGIN));
    broken.templates.request_received.en.email_body = 'Dear {first_name}, {unknown}';
    expect(() => composeMessage(claimed, broken, ORIGIN)).toThrow(/the en template of request_received is broken: .*\{unknown\}.*\{reference\} is missing/);
    expect(() => composeMessage({ ...claimed, moment: 'information_needed', message: null }, publishedTemplates(ORIGIN), ORIGIN)).toThrow(/no text/);
  });

  it('reads only a published file it can use', () => {
    expect(() => readPublishedTemplates({ format: 2 })).toThrow(/format 1/);
    const incomplete = structuredClone(publishedTemplates(ORIGIN)) as unknown as { templates: Record<string, unknown> };
    delete incomplete.templates.staff_message;
    expect(() => readPublishedTemplates(incomplete)).toThrow(/staff_message is missing/);
    expect(readPublishedTemplates(JSON.parse(JSON.stringify(publishedTemplates(ORIGIN)))).format).toBe(1);
  });
});
