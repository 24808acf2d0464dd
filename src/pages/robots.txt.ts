import type { APIRoute } from 'astro';

// Search engines may read every public page; the staff workspace, the CMS and the private request
// page (its secret is in the fragment, which crawlers never see) are not for them.
const DISALLOWED = ['/staff/', '/en/staff/', '/admin/', '/r/', '/en/r/'];

export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', ...DISALLOWED.map((path) => `Disallow: ${path}`), '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
