// The CMS and the build must agree: every collection and field the site reads is editable in
// Decap with the same required-ness, type and pattern, and nothing Decap writes is rejected by
// src/content.config.ts (so an editor can never save content that breaks the build).
import { describe, expect, it, vi } from 'vitest';
import { z } from 'astro/zod';

// content.config.ts runs inside Astro; outside it, its two Astro imports only need to hand back
// what they were given so the schemas and folders can be read.
vi.mock('astro:content', () => ({ defineCollection: (c: unknown) => c }));
vi.mock('astro/loaders', () => ({ glob: (options: unknown) => ({ glob: options }) }));

const { collections: contentCollections } = await import('../../src/content.config');
const { cmsConfig } = await import('../../src/cms/config');

type CmsField = { name: string; widget: string; required?: boolean; i18n?: unknown; pattern?: [string, string]; options?: (string | { value: string })[]; fields?: CmsField[]; value_type?: string };
type CmsCollection = { name: string; folder: string; fields: CmsField[]; i18n?: unknown; identifier_field?: string };
type ContentCollection = { loader: { glob: { base: string } }; schema: z.ZodObject | ((ctx: unknown) => z.ZodObject) };

const config = cmsConfig('http://127.0.0.1:8081/api/v1');
const cms = config.collections as unknown as CmsCollection[];
const folderOf = (c: ContentCollection) => c.loader.glob.base.replace(/^\.\//, '').replace(/\/$/, '');
const shapeOf = (c: ContentCollection) => (typeof c.schema === 'function' ? c.schema({ image: () => z.string() }) : c.schema).shape as Record<string, z.ZodType>;
const site = Object.values(contentCollections as unknown as Record<string, ContentCollection>).map((c) => ({ folder: folderOf(c), shape: shapeOf(c) }));

/** Strips optional/default/nullable wrappers: what is left is the type the build checks. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (['optional', 'default', 'nullable', 'prefault'].includes(inner.def.type)) {
    optional = true;
    inner = (inner.def as unknown as { innerType: z.ZodType }).innerType;
  }
  return { inner, optional };
}

/** The zod type each Decap widget must map to. */
const WIDGET_TYPES: Record<string, string[]> = {
  string: ['string', 'union'],
  text: ['string'],
  markdown: ['string'],
  file: ['string'],
  number: ['number'],
  select: ['enum'],
  datetime: ['date', 'string'],
  list: ['array'],
};

const optionValues = (field: CmsField) => (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
const isRequired = (field: CmsField) => field.required !== false;
const frontmatterFields = (c: CmsCollection) => c.fields.filter((f) => f.name !== 'body');

describe('Decap CMS configuration and content.config.ts', () => {
  it('edits every content collection the site reads, and no other, in ar and en side by side', () => {
    expect(cms.map((c) => c.folder).sort()).toEqual(site.map((c) => c.folder).sort());
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['ar', 'en'], default_locale: 'ar' });
    for (const collection of cms) expect(collection.i18n, collection.name).toBe(true);
  });

  describe.each(cms.map((c) => [c.name, c] as const))('%s', (_name, collection) => {
    const schema = site.find((s) => s.folder === collection.folder)!;

    it('has every schema field, and writes no field the schema does not know', () => {
      expect(frontmatterFields(collection).map((f) => f.name).sort()).toEqual(Object.keys(schema.shape).sort());
    });

    it('names files after a readable field that is required', () => {
      const identifier = collection.fields.find((f) => f.name === collection.identifier_field);
      expect(identifier && isRequired(identifier)).toBe(true);
    });

    it.each(frontmatterFields(collection).map((f) => [f.name, f] as const))('%s: same required-ness, type and choices', (_field, field) => {
      const { inner, optional } = unwrap(schema.shape[field.name]);
      expect(isRequired(field), 'required in the CMS exactly when the build requires it').toBe(!optional);
      expect(WIDGET_TYPES[field.widget], `widget ${field.widget}`).toContain(inner.def.type);
      // Decap copies a shared ('duplicate') field into English even when it is empty, as `null`.
      if (!isRequired(field) && field.i18n === 'duplicate') expect(schema.shape[field.name].safeParse(null).success, 'an empty shared field is written as null').toBe(true);
      if (field.widget === 'select') expect(optionValues(field).sort()).toEqual([...(inner as z.ZodEnum).options].sort());
      if (field.widget === 'number') {
        expect(field.value_type).toBe('int');
        expect(inner.safeParse(1.5).success, 'the build takes whole numbers only').toBe(false);
      }
    });
  });
});

/** Values an editor might type, for every field with a pattern: the CMS and the build must agree on each. */
const SAMPLES: Record<string, string[]> = {
  phone: ['+966112345678', '920000000', '0112345678', '+966551234567', '0551234567', '8001234567', '12345', 'call us', '+1 555 0100', '+96611234567890', ''],
  email: ['info@irtiqaa.org.sa', 'a@b.co', 'not-an-email', 'a@b', 'x @y.com'],
  url: ['https://irtiqaa.org.sa', 'http://example.com/x?y=1', 'irtiqaa.org.sa', 'ftp://x.org', 'https://'],
  // Message templates: a placeholder no message has, or a broken one, is refused in the CMS and the build alike.
  template: [
    'وصل طلبك {reference}', 'Dear {first_name},\n\n{message}\n\n{stop_link}', 'طلبك {reference} {unknown}', '{Reference}', '{reference',
    'reference}', '{ reference }', '{{reference}}', 'سطر أول\nسطر ثانٍ بلا متغيرات', '{national_id}', '{description}', '{full_name}',
  ],
};
const TEMPLATE_FIELDS = ['sms', 'email_subject', 'email_body'];

describe('patterns: what the CMS accepts, the build accepts', () => {
  type Patterned = CmsField & { parent?: string };
  const patterned = cms.flatMap((c) =>
    frontmatterFields(c)
      .flatMap((f): Patterned[] => (f.fields ? f.fields.map((sub) => ({ ...sub, parent: f.name })) : [f]))
      .filter((f) => f.pattern)
      .map((f) => ({ collection: c, field: f })),
  );

  it('phone, email, url and message template fields carry a pattern with an instruction for the editor', () => {
    expect(patterned.map(({ collection, field }) => `${collection.name}.${field.parent ? `${field.parent}.` : ''}${field.name}`).sort()).toEqual(
      ['channels.email', 'channels.phone', 'channels.url', 'settings.email', 'settings.phone', 'settings.social.url',
        'messages.sms', 'messages.email_subject', 'messages.email_body'].sort(),
    );
    for (const { field } of patterned) expect(field.pattern![1]).toMatch(/^أدخل /);
  });

  it.each(patterned.map(({ collection, field }) => [`${collection.name}.${field.parent ?? ''}${field.parent ? '.' : ''}${field.name}`, collection, field] as const))(
    '%s',
    (_label, collection, field) => {
      const shape = site.find((s) => s.folder === collection.folder)!.shape;
      let schema = unwrap(shape[field.parent ?? field.name]).inner;
      if (field.parent) schema = unwrap(((schema as z.ZodArray).element as z.ZodObject).shape[field.name] as z.ZodType).inner;
      const regex = new RegExp(field.pattern![0]);
      const kind = field.name === 'url' ? 'url' : TEMPLATE_FIELDS.includes(field.name) ? 'template' : field.name;
      for (const value of SAMPLES[kind]) {
        // Decap checks patterns only on non-empty values, and leaves an empty optional field out.
        if (value === '') continue;
        const cmsAccepts = regex.test(value);
        const buildAccepts = schema.safeParse(value).success;
        // Never may the CMS save what the build rejects; a phone must also be refused by both alike.
        if (cmsAccepts) expect(buildAccepts, `"${value}" passes the CMS, so the build must take it`).toBe(true);
        if (kind === 'phone' || kind === 'template') expect(cmsAccepts, `"${value}"`).toBe(buildAccepts);
      }
    },
  );
});
