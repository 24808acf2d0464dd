import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Timeline from '../../src/components/staff/Timeline';
import { messages } from '../../src/i18n';
import { translator, type RuntimeTranslate } from '../../src/i18n/translate';
import type { RequestDocument, RequestEvent } from '../../src/api/staff-types';
import { secretOf } from '../../src/lib/private-link-secret';
import { privateLinkUrl } from '../../src/lib/private-link';
import { declaredType, downloadName, startsAsDeclared as siteCheck, DOCUMENT_MIME_TYPES } from '../../src/lib/request-documents';
import { documentRule, privateReplySchema, replyRule, REPLY_MAX } from '../../src/schemas/private-reply';
import { startsAsDeclared as functionCheck } from '../../supabase/functions/_shared/document-types';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const HTML = new TextEncoder().encode('<html><body>');

describe('the reply’s rules (the database holds the same: request_events_reply_*)', () => {
  it.each([
    ['أرفقت الصورة', null],
    ['  سطر أول\n\tسطر ثانٍ  ', null],
    // Joiners and direction marks real writing uses are kept.
    ['نص\u200C\u200D\u200E\u200F', null],
    ['', 'reply_required'],
    [' \n ', 'reply_required'],
    ['ع'.repeat(REPLY_MAX), null],
    ['ع'.repeat(REPLY_MAX + 1), 'reply_length'],
    ['😀'.repeat(REPLY_MAX), null],
    ['a\u202Eb', 'reply_characters'],
    ['a\u2066b\u2069', 'reply_characters'],
    ['a\u0007b', 'reply_characters'],
  ])('%j -> %s', (text, rule) => {
    expect(replyRule(text)).toBe(rule);
  });

  it('keeps the answer exactly as typed', () => {
    const typed = '  مرحبًا\r\n  ';
    expect(privateReplySchema.parse({ reply: typed })).toEqual({ reply: typed });
    expect(privateReplySchema.safeParse({ reply: '\u202E' }).error?.issues.map((i) => i.message)).toEqual(['reply_characters']);
  });
});

describe('a document, checked as it is picked', () => {
  const file = (name: string, type: string, size = 1000) => ({ name, type, size });
  it.each([
    [file('هوية.pdf', 'application/pdf'), PDF, null],
    [file('photo.jpg', 'image/jpeg'), JPEG, null],
    [file('scan.png', ''), PNG, null],
    [file('scan.PDF', ''), PDF, null],
    [file('big.pdf', 'application/pdf', 10 * 1024 * 1024 + 1), PDF, 'document_too_large'],
    [file('empty.pdf', 'application/pdf', 0), PDF, 'document_empty'],
    [file('drawing.svg', 'image/svg+xml'), HTML, 'document_type'],
    [file('page.html', 'text/html'), HTML, 'document_type'],
    [file('notes', ''), PDF, 'document_type'],
    [file('renamed.pdf', 'application/pdf'), PNG, 'document_content_mismatch'],
    [file('page.pdf', 'application/pdf'), HTML, 'document_content_mismatch'],
    [file('\u202Efdp.exe', 'application/pdf'), PDF, 'document_name_characters'],
    [file(' ', 'application/pdf'), PDF, 'document_name_length'],
  ])('%j', (facts, start, rule) => {
    expect(documentRule(facts, start)).toBe(rule);
  });

  it('the site and the Edge Functions read first bytes alike', () => {
    for (const type of [...DOCUMENT_MIME_TYPES, 'image/svg+xml', 'text/html']) {
      for (const start of [PDF, PNG, JPEG, HTML, new Uint8Array()]) expect(functionCheck(type, start)).toBe(siteCheck(type, start));
    }
  });

  it('is saved under an ASCII name, its original name shown beside it', () => {
    expect(downloadName('IRT-7K3M9QXA', 2, 'application/pdf')).toBe('IRT-7K3M9QXA-2.pdf');
    expect(downloadName('IRT-7K3M9QXA', 1, 'image/jpeg')).toBe('IRT-7K3M9QXA-1.jpg');
    expect(declaredType({ name: 'x.jpeg', type: '' })).toBe('image/jpeg');
  });
});

describe('the private link', () => {
  it('is the page of the request’s language with the secret in the fragment', () => {
    expect(privateLinkUrl('https://irtiqaa.org.sa', 'ar', 'abcdefghijklmnopqrstuvwx')).toBe('https://irtiqaa.org.sa/r/#abcdefghijklmnopqrstuvwx');
    expect(privateLinkUrl('https://irtiqaa.org.sa', 'en', 'abcdefghijklmnopqrstuvwx')).toBe('https://irtiqaa.org.sa/en/r/#abcdefghijklmnopqrstuvwx');
  });

  it('is read from the fragment even when a message app ran punctuation into it', () => {
    const secret = 'Ab3_-dEf6hIjK9mN0pQrStUv';
    expect([`#${secret}`, `#${secret}.`, `#${secret})`, secret, ` #${secret} `].map(secretOf)).toEqual(Array(5).fill(secret));
    expect(['', '#', `#${secret.slice(1)}`, `#${secret}x`, '#%20'].map(secretOf)).toEqual(['', '', '', '', '']);
  });
});

describe('the staff timeline shows the beneficiary’s answer and documents', () => {
  const event = (fields: Partial<RequestEvent>): RequestEvent => ({
    id: 1, request_id: 'r', created_at: '2026-11-20T09:00:00Z', kind: 'note', from_status: null, to_status: null,
    actor_id: null, actor_role: null, note: null, code: null, intake_channel: null, assigned_to: null, related_request_id: null, ...fields,
  });
  const document: RequestDocument = {
    id: 'd1', request_id: 'r', object_name: 'r/x.pdf', original_name: 'شهادة القيد.pdf', mime_type: 'application/pdf',
    size_bytes: 250 * 1024, added_by: null, created_at: '2026-11-20T09:00:00Z',
  };

  it.each(['ar', 'en'] as const)('%s', (locale) => {
    const t = translator(messages[locale]) as RuntimeTranslate;
    const markup = renderToStaticMarkup(
      <Timeline t={t} locale={locale} staff={[]} documents={[document]} events={[
        event({ id: 1, kind: 'reply', note: 'أرفقت\nالشهادة' }),
        event({ id: 2, kind: 'document', document_id: 'd1' }),
        event({ id: 3, kind: 'documents_checked', actor_id: 'x', actor_role: 'officer', note: 'طابقت' }),
        event({ id: 4, kind: 'link_issued', actor_id: 'x', actor_role: 'officer' }),
      ]} />,
    );
    const html = markup.replace(/&#x27;/g, "'");
    expect(html).toContain('<p class="note note--reply" dir="auto">أرفقت\nالشهادة</p>');
    expect(html).toContain('<bdi>شهادة القيد.pdf</bdi>');
    expect(html).toContain(t('staff.timeline.documentFacts', { type: 'PDF', size: locale === 'ar' ? '250 كيلوبايت' : '250 kB' }));
    for (const kind of ['reply', 'document', 'documents_checked', 'link_issued']) expect(html).toContain(t(`staff.timeline.kind.${kind}`));
    expect(html).not.toMatch(/staff\.timeline/);
  });
});
