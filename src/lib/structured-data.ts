/** What the organisation markup says about the association (content/settings has it all). */
export interface OrganizationFacts {
  site_name: string;
  description: string;
  email: string;
  phone: string;
  address: string;
  social: readonly { url: string }[];
}

/** schema.org Organization for the association, from content/settings. */
export function organizationJsonLd(settings: OrganizationFacts, siteUrl: string, locale: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NGO',
    name: settings.site_name,
    description: settings.description,
    url: siteUrl,
    logo: new URL('/favicon.svg', siteUrl).href,
    email: settings.email,
    telephone: settings.phone,
    address: { '@type': 'PostalAddress', streetAddress: settings.address, addressLocality: 'Riyadh', addressCountry: 'SA' },
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: 'customer support',
      telephone: settings.phone,
      email: settings.email,
      availableLanguage: ['ar', 'en'],
    },
    sameAs: settings.social.map((s) => s.url),
    inLanguage: locale,
  };
}

/** schema.org FAQPage from question/answer pairs (answers as plain text). */
export function faqPageJsonLd(items: { question: string; answer: string }[], locale: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: locale,
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answer },
    })),
  };
}
