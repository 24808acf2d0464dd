// The Decap CMS configuration, passed to CMS.init (manual init) by src/cms/main.ts. It mirrors the
// content layout of src/content.config.ts; tests/unit/cms-config.test.ts proves the two agree.
import { CHANNELS } from '../schemas/channels';
import { DOCUMENT_KINDS, FAQ_CATEGORIES, SAUDI_PHONE } from '../schemas/content-values';
import { DEFAULT_LOCALE, LOCALES } from '../lib/locale';
import { OUTREACH_MOMENTS, placeholderPattern, placeholdersAnywhere, type TemplatePart } from '../../supabase/functions/_shared/pure/moments.ts';

type Field = Record<string, unknown> & { name: string; widget: string };

/** Fields that are the same in both languages are written once (Arabic) and copied to English. */
const shared = { i18n: 'duplicate' } as const;
const translated = { i18n: true } as const;

const order: Field = { label: 'الترتيب', name: 'order', widget: 'number', value_type: 'int', min: 0, ...shared };
const date = (name: string, label: string): Field => ({
  label,
  name,
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
  ...shared,
});
const optional = (field: Field): Field => ({ ...field, required: false });
const phone = (name = 'phone'): Field => ({
  label: 'رقم الهاتف',
  name,
  widget: 'string',
  pattern: [SAUDI_PHONE.source, 'أدخل رقمًا سعوديًا مثل ‎+966112345678‎ أو 920000000'],
  ...shared,
});
const email: Field = {
  label: 'البريد الإلكتروني',
  name: 'email',
  widget: 'string',
  pattern: ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'أدخل بريدًا إلكترونيًا مثل info@example.org'],
  ...shared,
};
const url = (name = 'url', label = 'الرابط', secureOnly = false): Field => ({
  label,
  name,
  widget: 'string',
  pattern: [secureOnly ? '^https://\\S+$' : '^https?://\\S+$', 'أدخل رابطًا يبدأ بـ https://'],
  ...shared,
});
/** Arabic names for the stored values editors pick from. */
export const OPTION_LABELS: Record<string, string> = {
  interview: 'المقابلة الشخصية', phone: 'الهاتف', social_media: 'وسائل التواصل الاجتماعي', website: 'الموقع الإلكتروني',
  postal_address: 'العنوان البريدي', letter: 'الخطابات', volunteer_service: 'الخدمة التطوعية', representative: 'المندوب',
  bylaws: 'اللائحة الأساسية', support_policy_guide: 'دليل سياسة الدعم', support_request_form: 'نموذج طلب الدعم',
  general: 'عام', requests: 'الطلبات', status: 'متابعة الطلب', survey: 'تقييم الخدمة', privacy: 'الخصوصية',
  request_received: 'استلام الطلب', information_needed: 'طلب معلومات من المستفيد', decision_accepted: 'القرار: قبول الطلب',
  decision_rejected: 'القرار: رفض الطلب', service_delivered: 'تقديم الخدمة ودعوة للتقييم', overdue_apology: 'اعتذار عن تأخر القرار',
  follow_up_closed: 'متابعة تقييم منخفض', staff_message: 'رسالة من الموظف',
};
const select = (name: string, label: string, options: readonly string[]): Field => ({
  label,
  name,
  widget: 'select',
  options: options.map((value) => ({ value, label: OPTION_LABELS[value] ?? value })),
  ...shared,
});

/**
 * A part of a message template. Decap checks only that braces hold a placeholder some message has;
 * the build also checks the moment's own list and the SMS length (src/schemas/content.ts).
 */
const templatePart = (name: TemplatePart, label: string, widget: 'string' | 'text'): Field => ({
  label,
  name,
  widget,
  hint: `المتغيرات المتاحة: ${placeholdersAnywhere(name).map((p) => `{${p}}`).join(' ')}. كل رسالة تذكر رقم الطلب {reference}، وكل رسالة غير القرار تذكر رابط الإيقاف {stop_link}.`,
  pattern: [placeholderPattern(name), 'أدخل المتغيرات بين قوسين معقوفين كما في القائمة تحت الحقل، مثل {reference}'],
  ...translated,
});

/** A folder collection stored as content/<name>/{ar,en}/<slug>.md, slugs from a readable field. */
function folder(name: string, label: string, labelSingular: string, identifier: string, fields: Field[], extra = {}) {
  return {
    name,
    label,
    label_singular: labelSingular,
    folder: `content/${name}`,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    identifier_field: identifier,
    slug: '{{slug}}',
    i18n: true,
    fields,
    ...extra,
  };
}


export const collections = [
  folder(
    'policy',
    'أقسام السياسة',
    'قسم',
    'title',
    [
      { label: 'العنوان', name: 'title', widget: 'string', ...translated },
      order,
      { label: 'النص', name: 'body', widget: 'markdown', ...translated },
    ],
    { create: false, delete: false, sortable_fields: ['order', 'title'] },
  ),
  folder(
    'channels',
    'قنوات التواصل',
    'قناة',
    'title',
    [
      select('channel', 'القناة', CHANNELS),
      { label: 'الاسم', name: 'title', widget: 'string', ...translated },
      order,
      { label: 'الغرض منها', name: 'summary', widget: 'text', ...translated },
      { label: 'طريقة الاستخدام', name: 'how_to_use', widget: 'text', ...translated },
      optional(phone()),
      optional(email),
      optional({ label: 'العنوان', name: 'address', widget: 'text', ...translated }),
      optional(url()),
      optional({ label: 'أوقات العمل', name: 'hours', widget: 'string', ...translated }),
      optional({ label: 'تفاصيل إضافية', name: 'body', widget: 'markdown', ...translated }),
    ],
    { create: false, delete: false, sortable_fields: ['order', 'title'] },
  ),
  folder('documents', 'أدوات العاملين', 'وثيقة', 'title', [
    select('kind', 'النوع', DOCUMENT_KINDS),
    { label: 'العنوان', name: 'title', widget: 'string', ...translated },
    { label: 'الوصف', name: 'description', widget: 'text', ...translated },
    { label: 'الملف', name: 'file', widget: 'file', ...shared },
    order,
  ], { sortable_fields: ['order', 'title'] }),
  folder('faqs', 'الأسئلة الشائعة', 'سؤال', 'question', [
    { label: 'السؤال', name: 'question', widget: 'string', ...translated },
    select('category', 'التصنيف', FAQ_CATEGORIES),
    order,
    { label: 'الإجابة', name: 'body', widget: 'markdown', ...translated },
  ], { sortable_fields: ['order', 'question', 'category'], view_groups: [{ label: 'التصنيف', field: 'category' }] }),
  folder('improvements', 'قلتم وفعلنا', 'تحسين', 'you_said', [
    { label: 'قلتم', name: 'you_said', widget: 'text', ...translated },
    { label: 'فعلنا', name: 'we_did', widget: 'text', ...translated },
    date('date', 'التاريخ'),
  ], { sortable_fields: ['date'] }),
  folder(
    'messages',
    'رسائل المستفيدين',
    'رسالة',
    'moment',
    [
      select('moment', 'المرحلة', OUTREACH_MOMENTS),
      templatePart('sms', 'الرسالة النصية القصيرة (لا تزيد على رسالتين)', 'text'),
      templatePart('email_subject', 'عنوان البريد الإلكتروني', 'string'),
      templatePart('email_body', 'نص البريد الإلكتروني', 'text'),
    ],
    { create: false, delete: false, extension: 'yml', format: 'yml' },
  ),
  // One notice, edited in both languages; every change is a new version (src/build/privacy-notice-version.mjs).
  folder(
    'privacy',
    'إشعار الخصوصية',
    'إشعار',
    'title',
    [
      { label: 'العنوان', name: 'title', widget: 'string', ...translated },
      { label: 'المقدمة', name: 'lead', widget: 'text', ...translated },
      { label: 'النص (الجدول وطرق التواصل تضيفها الصفحة)', name: 'body', widget: 'markdown', ...translated },
    ],
    { create: false, delete: false },
  ),
  folder('replies', 'الردود الجاهزة', 'رد', 'title', [
    { label: 'العنوان (يراه الموظف فقط)', name: 'title', widget: 'string', ...translated },
    order,
    { label: 'نص الرد (يُرسل إلى المستفيد)', name: 'body', widget: 'text', ...translated },
  ], { sortable_fields: ['order', 'title'] }),
  // Decap allows i18n file collections only as single_file, so the one settings file is a folder
  // collection (content/settings/{ar,en}/site.yml) that cannot grow or shrink.
  folder(
    'settings',
    'إعدادات الموقع',
    'إعدادات',
    'site_name',
    [
      { label: 'اسم الموقع', name: 'site_name', widget: 'string', ...translated },
      { label: 'الشعار النصي', name: 'tagline', widget: 'string', ...translated },
      { label: 'الوصف', name: 'description', widget: 'text', ...translated },
      phone(),
      email,
      { label: 'العنوان', name: 'address', widget: 'text', ...translated },
      date('policy_last_updated', 'آخر تحديث للسياسة'),
      {
        label: 'حسابات التواصل الاجتماعي',
        label_singular: 'حساب',
        name: 'social',
        widget: 'list',
        required: false,
        ...translated,
        fields: [{ label: 'الاسم', name: 'label', widget: 'string' }, url('url', 'الرابط', true)],
      },
    ],
    { create: false, delete: false, extension: 'yml', format: 'yml' },
  ),
];

/** The whole configuration; `localBackendUrl` is decap-server's API (ports.decap). */
export function cmsConfig(localBackendUrl: string) {
  return {
    load_config_file: false,
    locale: 'ar',
    // Production: Netlify Identity + Git Gateway (see README, "Editing content"). Locally decap-server
    // (local_backend) takes over and writes straight into content/.
    backend: { name: 'git-gateway', branch: 'main' },
    local_backend: { url: localBackendUrl },
    publish_mode: 'editorial_workflow',
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    i18n: { structure: 'multiple_folders', locales: [...LOCALES], default_locale: DEFAULT_LOCALE },
    collections,
  };
}
