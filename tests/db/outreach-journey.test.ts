// Issue 13, end to end below the browser: real PostgreSQL and PostgREST, the notify function in
// Deno woken by the change, the templates the site publishes, and the SMTP inbox every SMS and
// email lands in. What each moment says, in which language, and what no message ever says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ports } from '../../config/ports.mjs';
import { anonClient, application, requestId } from './support/clients';
import { clientAs, seededStaffByRole } from './support/staff-clients';
import { allowSweep, makeOverdue, noRunSending, outboxOf, runNotify } from './support/outreach';
import { privatePage } from './support/private-page';
import { inboxMessages, messagesTo, smsAddress, waitForMessage, type InboxMessage } from '../support/inbox';
import { serveTemplates } from '../support/published-templates';
import type { StaffRole } from '../../src/lib/workflow';

let templates: Awaited<ReturnType<typeof serveTemplates>>;
let as: Record<StaffRole, SupabaseClient>;
beforeAll(async () => {
  // Where the stack's notify function reads them (SITE_URL): the built site is not there yet.
  templates = await serveTemplates(ports.site);
  as = Object.fromEntries(Object.entries(await seededStaffByRole()).map(([r, id]) => [r, clientAs(id)])) as Record<StaffRole, SupabaseClient>;
});
// Without the templates the stack's notify runs send nothing more: the other test files see no messages go out.
afterAll(async () => {
  await templates?.close();
  await noRunSending();
});

const WAIT = { timeoutMs: 40_000 };
let serial = 0;
const mobileFor = () => `05${String(((Date.now() % 1e6) * 10 + ++serial) % 1e8).padStart(8, '0')}`;
const e164 = (mobile: string) => `+966${mobile.slice(1)}`;

async function submit(fields: Record<string, unknown>) {
  const { data, error } = await anonClient().rpc('submit_support_request', application(fields));
  if (error) throw new Error(error.message);
  return { reference: data.reference as string, id: await requestId(data.reference), decisionBy: data.decision_due_by as string };
}
async function move(id: string, steps: [StaffRole, string, string?][]) {
  for (const [role, to, note] of steps) {
    const { error } = await as[role].rpc('transition_request', { p_request_id: id, p_to: to, p_note: note ?? null });
    if (error) throw new Error(`${to}: ${error.message}`);
  }
}
const containing = (text: string) => (m: InboxMessage) => m.text.includes(text) || m.subject.includes(text);
const titled = (subject: string) => (m: InboxMessage) => m.subject === subject;

describe('a beneficiary hears from us in their language, on the channels they chose', () => {
  it('submits in Arabic: an Arabic SMS and an Arabic email with the right reference reach the inbox', async () => {
    const mobile = mobileFor();
    const r = await submit({ p_mobile: mobile, p_email: `ar-${serial}@example.com`, p_locale: 'ar' });
    const sms = await waitForMessage(smsAddress(e164(mobile)), WAIT);
    const email = await waitForMessage(`ar-${serial}@example.com`, WAIT);
    // Followed through the request's own private link (issue 14).
    expect(sms.text.trim()).toMatch(new RegExp(`^وصل طلبك ${r.reference} تابعه: http://127\\.0\\.0\\.1:${ports.site}/r/#[A-Za-z0-9_-]{24} للإيقاف: http://127\\.0\\.0\\.1:${ports.site}/stop#${r.reference.slice(4)}[0-9A-Z]{7}$`));
    expect(email.subject).toBe(`استلمنا طلبك ${r.reference}`);
    expect(email.text).toContain('مرحبًا محمد،');
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    // The window in both calendars.
    expect(email.text).toMatch(/بين \d{1,2} \S+ 20\d\d \(\d{1,2} [^)]+ 14\d\d هـ\) و\d{1,2} \S+ 20\d\d \(\d{1,2} [^)]+ 14\d\d هـ\)/);
  }, 90_000);

  it('submits in English: the English SMS and email, with English links', async () => {
    const mobile = mobileFor();
    const r = await submit({ p_mobile: mobile, p_email: `en-${serial}@example.com`, p_locale: 'en', p_full_name: 'Sara Ahmed' });
    const sms = await waitForMessage(smsAddress(e164(mobile)), WAIT);
    const email = await waitForMessage(`en-${serial}@example.com`, WAIT);
    expect(sms.text).toMatch(new RegExp(`Irtiqaa: we received your request ${r.reference}\\. Follow it at http://127\\.0\\.0\\.1:${ports.site}/en/r/#[A-Za-z0-9_-]{24} `));
    expect(email.subject).toBe(`We received your request ${r.reference}`);
    expect(email.text).toContain('Dear Sara,');
    expect(email.text).toMatch(/between \d{1,2} \w+ 20\d\d \(\d{1,2} .+ 14\d\d AH\) and/);
  }, 90_000);

  it('sends only the SMS when the beneficiary unticked email, and only the email when they unticked SMS', async () => {
    const mobile = mobileFor();
    const address = `only-email-${serial}@example.com`;
    const r = await submit({ p_mobile: mobile, p_email: address, p_messages_by_sms: false, p_messages_by_email: true });
    await waitForMessage(address, WAIT);
    await runNotify();
    expect(await messagesTo(smsAddress(e164(mobile)))).toEqual([]);
    expect((await outboxOf(r.id)).map((m) => m.channel)).toEqual(['email']);
  }, 90_000);
});

describe('a whole journey', () => {
  const NATIONAL_ID = '1000000008';
  const DESCRIPTION = 'أحتاج إلى دعم خاص في مادة الكيمياء للصف الثاني الثانوي قبل الاختبارات';
  const FAMILY = 'الشمراني';

  it('each moment produces its message with the right content, an overdue request one apology, and no message the national ID or the description', async () => {
    const mobile = mobileFor();
    const address = `journey-${serial}@example.com`;
    const fields = { p_mobile: mobile, p_email: address, p_full_name: `نورة سعد ${FAMILY}`, p_national_id: NATIONAL_ID, p_description: DESCRIPTION };
    const smsTo = smsAddress(e164(mobile));

    // Asked for information, then rejected with a reason.
    const asked = await submit(fields);
    await waitForMessage(smsTo, { ...WAIT, predicate: containing(asked.reference) });
    await move(asked.id, [['officer', 'under_review'], ['officer', 'needs_info', 'نرجو إرسال صورة من إثبات القيد الدراسي للفصل الحالي']]);
    const needSms = await waitForMessage(smsTo, { ...WAIT, predicate: containing('يحتاج منك') });
    expect(needSms.text).toContain(`طلبك ${asked.reference} يحتاج منك: نرجو إرسال صورة من إثبات القيد الدراسي`);
    const needEmail = await waitForMessage(address, { ...WAIT, predicate: titled(`نحتاج معلومات إضافية لطلبك ${asked.reference}`) });
    expect(needEmail.text).toContain('نرجو إرسال صورة من إثبات القيد الدراسي للفصل الحالي');
    await move(asked.id, [['officer', 'under_review'], ['officer', 'pending_decision'], ['authority', 'rejected', 'الطلب خارج نطاق برامج الجمعية الحالية']]);
    const rejection = await waitForMessage(smsTo, { ...WAIT, predicate: containing('لم يُقبل') });
    expect(rejection.text).toContain(`نعتذر، لم يُقبل طلبك ${asked.reference}: الطلب خارج نطاق برامج الجمعية الحالية`);
    expect(rejection.text).not.toContain('/stop#');
    const rejectionEmail = await waitForMessage(address, { ...WAIT, predicate: titled(`القرار في طلبك ${asked.reference}`) });
    expect(rejectionEmail.text).not.toContain('/stop#');

    // Accepted, delivered (with the survey link), rated low, followed up; and a message from staff.
    const served = await submit({ ...fields, p_mobile: mobile });
    await move(served.id, [['officer', 'under_review'], ['officer', 'pending_decision'], ['authority', 'accepted'], ['officer', 'registered'], ['officer', 'service_delivered']]);
    await waitForMessage(smsTo, { ...WAIT, predicate: containing(`قبلنا طلبك ${served.reference}`) });
    const survey = await waitForMessage(smsTo, { ...WAIT, predicate: containing('قيم خدمتنا') });
    // The invitation carries the request's own link (issue 14); the low score is given through it.
    const surveySecret = new RegExp(`http://127\\.0\\.0\\.1:${ports.site}/r/#([A-Za-z0-9_-]{24})`).exec(survey.text)?.[1];
    expect(surveySecret).toBeDefined();
    const rated = await privatePage('rate', {
      secret: surveySecret, channel: '', overall: 1, courtesy: 2, clarity: 2, speed: 1, ease: 2, recommend: 2, comment: '', locale: 'ar',
      idempotency_key: crypto.randomUUID(),
    });
    expect(rated.body).toMatchObject({ outcome: 'rated' });
    await as.officer.rpc('close_follow_up', { p_request_id: served.id, p_note: 'اتصلنا بك واعتذرنا عن التأخير، وعيّنّا لك موظفًا يتابع طلبك.' });
    await waitForMessage(smsTo, { ...WAIT, predicate: containing('بشأن تقييمك') });
    await as.officer.rpc('send_staff_message', { p_request_id: served.id, p_message: 'موعد جلستك القادمة يوم الأحد الساعة العاشرة صباحًا.', p_idempotency_key: crypto.randomUUID() });
    const fromStaff = await waitForMessage(address, { ...WAIT, predicate: containing('موعد جلستك') });
    expect(fromStaff.subject).toBe(`رسالة من جمعية ارتقاء بشأن طلبك ${served.reference}`);

    // Overdue: one apology, however many sweeps.
    const late = await submit({ ...fields, p_mobile: mobile });
    await makeOverdue(late.id);
    for (let sweep = 0; sweep < 2; sweep++) {
      await allowSweep();
      await runNotify();
    }
    const apology = await waitForMessage(smsTo, { ...WAIT, predicate: containing('تأخر القرار') });
    expect(apology.text).toContain(late.reference);
    await runNotify();

    const all = [...(await messagesTo(smsTo)), ...(await messagesTo(address))];
    expect(all.filter((m) => m.text.includes('تأخر القرار') || m.subject.startsWith('نعتذر عن تأخر القرار'))).toHaveLength(2); // the SMS and the email, once each
    // Every message of the journey sent exactly once, and none says more than it may.
    const ids = all.map((m) => (m as unknown as { headers: Record<string, string> }).headers['x-irtiqaa-message']);
    expect(new Set(ids).size).toBe(ids.length);
    const sent = (await Promise.all([asked.id, served.id, late.id].map(outboxOf))).flat();
    expect(sent.every((m) => m.state === 'sent')).toBe(true);
    expect(all.length).toBe(sent.length);
    for (const message of all) {
      const everything = `${message.subject}\n${message.text}\n${message.html ?? ''}`;
      expect(everything).not.toContain(NATIONAL_ID);
      expect(everything).not.toContain(DESCRIPTION);
      expect(everything).not.toContain(FAMILY);
      expect(everything).toMatch(/IRT-[0-9A-Z]{8}/);
    }
  }, 240_000);

  it('opting out with the link in a message stops everything but the decision', async () => {
    const mobile = mobileFor();
    const smsTo = smsAddress(e164(mobile));
    const r = await submit({ p_mobile: mobile });
    const received = await waitForMessage(smsTo, WAIT);
    const token = /\/stop#([0-9A-Z]{15})/.exec(received.text)![1]!;
    expect((await anonClient().rpc('stop_messages', { p_token: token })).data).toEqual({ outcome: 'stopped', reference: r.reference });

    await move(r.id, [['officer', 'under_review'], ['officer', 'needs_info', 'نرجو إرسال المستندات']]);
    expect((await as.officer.rpc('send_staff_message', { p_request_id: r.id, p_message: 'hello' })).error?.message).toBe('messages_stopped');
    await move(r.id, [['officer', 'under_review'], ['officer', 'pending_decision'], ['authority', 'accepted']]);
    await waitForMessage(smsTo, { ...WAIT, predicate: containing('قبلنا طلبك') });
    await runNotify();
    expect((await messagesTo(smsTo)).map((m) => m.text.split(' ')[0])).toEqual(['وصل', 'قبلنا']);
  }, 120_000);
});

it('every message in the inbox came from a template, never a blank one', async () => {
  for (const message of await inboxMessages()) expect(message.text.trim().length).toBeGreaterThan(20);
});
