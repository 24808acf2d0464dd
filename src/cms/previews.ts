// Preview templates: each content type rendered with the site's own classes (src/cms/preview.css),
// using the React instance the Decap bundle exposes as window.h.
import { OPTION_LABELS } from './config';
type Entry = { getIn(path: string[]): unknown };
type PreviewProps = { entry: Entry; widgetFor(name: string): unknown };
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

const data = (entry: Entry, name: string) => {
  const value = entry.getIn(['data', name]);
  return value == null ? '' : String(value);
};

const CONTACT_LABELS: Record<string, string> = { phone: 'الهاتف', email: 'البريد الإلكتروني', address: 'العنوان', url: 'الرابط', hours: 'أوقات العمل' };
const ARABIC = /[\u0600-\u06FF]/;

/** The entry's language decides the page direction, as on the site (Arabic rtl, English ltr). */
function page(h: H, kicker: string, title: string, text: string, ...children: unknown[]) {
  return h('article', { className: 'preview', dir: ARABIC.test(title + text) ? 'rtl' : 'ltr' }, h('p', { className: 'preview-kicker' }, OPTION_LABELS[kicker] ?? kicker), h('h1', null, title), ...children);
}

export function previewTemplates(h: H) {
  return {
    policy: ({ entry, widgetFor }: PreviewProps) => page(h, 'سياسة تنظيم العلاقة مع المستفيدين', data(entry, 'title'), '', h('div', { className: 'prose' }, widgetFor('body'))),
    faqs: ({ entry, widgetFor }: PreviewProps) =>
      page(h, data(entry, 'category'), '', data(entry, 'question'), h('details', { className: 'faq', open: true }, h('summary', null, data(entry, 'question')), h('div', { className: 'prose' }, widgetFor('body')))),
    channels: ({ entry, widgetFor }: PreviewProps) =>
      page(
        h,
        data(entry, 'channel'),
        data(entry, 'title'),
        '',
        h('p', { className: 'lead' }, data(entry, 'summary')),
        h('p', null, data(entry, 'how_to_use')),
        h(
          'dl',
          { className: 'contact' },
          ...['phone', 'email', 'address', 'url', 'hours']
            .filter((name) => data(entry, name))
            .flatMap((name) => [h('dt', { key: `${name}-t` }, CONTACT_LABELS[name]), h('dd', { key: name }, h('bdi', { dir: name === 'address' || name === 'hours' ? 'auto' : 'ltr' }, data(entry, name)))]),
        ),
        h('div', { className: 'prose' }, widgetFor('body')),
      ),
    documents: ({ entry }: PreviewProps) =>
      page(h, data(entry, 'kind'), data(entry, 'title'), '', h('p', null, data(entry, 'description')), h('a', { className: 'button', href: data(entry, 'file') }, data(entry, 'file'))),
    improvements: ({ entry }: PreviewProps) =>
      page(
        h,
        data(entry, 'date'),
        '',
        data(entry, 'you_said'),
        h('div', { className: 'improvement' }, h('h2', null, 'قلتم'), h('p', null, data(entry, 'you_said')), h('h2', null, 'فعلنا'), h('p', null, data(entry, 'we_did'))),
      ),
  } as const;
}
