import type { APIRoute } from 'astro';

// Search engines may read every public page; the staff workspace and the CMS are not for them.
export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', 'Disallow: /staff/', 'Disallow: /en/staff/', 'Disallow: /admin/', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join(
      '\n',
    ),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
