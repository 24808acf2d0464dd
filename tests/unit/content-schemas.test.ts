import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/schemas/channels';
import {
  DOCUMENT_KINDS,
  channelSchema,
  documentSchema,
  faqSchema,
  improvementSchema,
  policySectionSchema,
  settingsSchema,
} from '../../src/schemas/content';
import { readCollection, readSettings, repoRoot } from '../support/content-files';

// What editors save in Decap CMS must keep the site building: each file matches its schema, and
// each entry exists in both languages under the same file name.
const SCHEMAS = {
  policy: policySectionSchema,
  channels: channelSchema,
  documents: documentSchema,
  faqs: faqSchema,
  improvements: improvementSchema,
} as const;

describe.each(Object.entries(SCHEMAS))('content/%s', (collection, schema) => {
  const files = readCollection(collection);

  it('has entries', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('matches its schema in every file', () => {
    const invalid = files
      .map((file) => ({ file: file.path, result: schema.safeParse(file.data) }))
      .filter(({ result }) => !result.success)
      .map(({ file, result }) => `${file}: ${result.error?.message}`);
    expect(invalid).toEqual([]);
  });

  it('has the same entries in Arabic and English', () => {
    const slugs = (locale: string) => files.filter((f) => f.locale === locale).map((f) => f.slug).sort();
    expect(slugs('en')).toEqual(slugs('ar'));
  });
});

describe('content/settings', () => {
  it.each(['ar', 'en'] as const)('site.yml in %s matches its schema', (locale) => {
    const result = settingsSchema.safeParse(readSettings(locale));
    expect(result.error?.message).toBeUndefined();
  });
});

describe('the eight channels of the policy', () => {
  it.each(['ar', 'en'])('each appears exactly once in %s', (locale) => {
    const channels = readCollection('channels').filter((f) => f.locale === locale).map((f) => f.data.channel);
    expect([...channels].sort()).toEqual([...CHANNELS].sort());
  });
});

describe('FAQ answers', () => {
  it('are never empty', () => {
    const empty = readCollection('faqs').filter((f) => f.body.trim() === '').map((f) => f.path);
    expect(empty).toEqual([]);
  });
});

describe('staff tool documents', () => {
  const documents = readCollection('documents');

  it('cover the three tools of the policy in each language', () => {
    for (const locale of ['ar', 'en']) {
      const kinds = documents.filter((d) => d.locale === locale).map((d) => d.data.kind);
      expect([...kinds].sort()).toEqual([...DOCUMENT_KINDS].sort());
    }
  });

  it.each(documents.map((d) => [d.path.replace(repoRoot, ''), d.data.file as string]))('%s links to a real PDF (%s)', (_, file) => {
    const path = join(repoRoot, 'public', file);
    expect(existsSync(path)).toBe(true);
    const pdf = readFileSync(path, 'latin1');
    expect(pdf.startsWith('%PDF-1.')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    // The cross-reference table points at each object exactly where it starts.
    const xrefAt = Number(/startxref\s+(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(3);
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
  });
});

describe('the schemas refuse what would break a page', () => {
  const channel = {
    channel: 'phone',
    title: 'الاتصال الهاتفي',
    order: 2,
    summary: 'للاستفسار',
    how_to_use: 'اتصل بنا',
  };

  it('accepts Saudi numbers in the forms editors write them', () => {
    for (const phone of ['+966112345678', '+966551234567', '920012345', '8001234567']) {
      expect(channelSchema.safeParse({ ...channel, phone }).success, phone).toBe(true);
    }
  });

  it('refuses a phone number that is not Saudi or not normalised', () => {
    for (const phone of ['0112345678', '+44 20 7946 0000', '92001234', 'call us']) {
      expect(channelSchema.safeParse({ ...channel, phone }).success, phone).toBe(false);
    }
  });

  it('refuses a channel the policy does not name', () => {
    expect(channelSchema.safeParse({ ...channel, channel: 'fax' }).success).toBe(false);
  });

  it('refuses a channel without a title or instructions', () => {
    expect(channelSchema.safeParse({ ...channel, title: ' ' }).success).toBe(false);
    const { how_to_use: _, ...withoutHowTo } = channel;
    expect(channelSchema.safeParse(withoutHowTo).success).toBe(false);
  });

  it('accepts site paths and https links, and refuses script links', () => {
    expect(channelSchema.safeParse({ ...channel, url: '/request' }).success).toBe(true);
    expect(channelSchema.safeParse({ ...channel, url: 'https://x.com/irtiqaa_demo' }).success).toBe(true);
    expect(channelSchema.safeParse({ ...channel, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(channelSchema.safeParse({ ...channel, url: '//evil.example' }).success).toBe(false);
  });

  it('refuses a document outside /uploads/ or of an unknown kind', () => {
    const doc = { kind: 'bylaws', title: 'اللائحة', description: 'وصف', file: '/uploads/bylaws.pdf', order: 1 };
    expect(documentSchema.safeParse(doc).success).toBe(true);
    expect(documentSchema.safeParse({ ...doc, file: '/etc/passwd' }).success).toBe(false);
    expect(documentSchema.safeParse({ ...doc, file: '/uploads/../secret.pdf' }).success).toBe(false);
    expect(documentSchema.safeParse({ ...doc, kind: 'minutes' }).success).toBe(false);
  });

  it('refuses an FAQ in an unknown category or with a fractional order', () => {
    const faq = { question: 'سؤال؟', category: 'general', order: 1 };
    expect(faqSchema.safeParse(faq).success).toBe(true);
    expect(faqSchema.safeParse({ ...faq, category: 'misc' }).success).toBe(false);
    expect(faqSchema.safeParse({ ...faq, order: 1.5 }).success).toBe(false);
  });

  it('reads "you said, we did" dates written as YYYY-MM-DD', () => {
    const parsed = improvementSchema.parse({ you_said: 'قلتم', we_did: 'فعلنا', date: '2026-10-20' });
    expect(parsed.date.toISOString().slice(0, 10)).toBe('2026-10-20');
    expect(improvementSchema.safeParse({ you_said: 'قلتم', we_did: 'فعلنا', date: 'last week' }).success).toBe(false);
  });
});
