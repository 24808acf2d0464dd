import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import securityHeaders from '../../src/security/headers-integration.mjs';
import { headersForPath, parseHeadersFile, scriptHash } from '../../src/security/site-headers.mjs';

const ISLAND_BOOTSTRAP = '(()=>{customElements.define("astro-island",class extends HTMLElement{})})();';

async function buildInto(dir: string, supabaseUrl: string) {
  await mkdir(join(dir, 'en'), { recursive: true });
  await mkdir(join(dir, 'admin'), { recursive: true });
  await writeFile(join(dir, 'index.html'), `<html><script>${ISLAND_BOOTSTRAP}</script><script type="application/ld+json">{"@type":"Org"}</script><script type="module" src="/_astro/x.js"></script></html>`);
  await writeFile(join(dir, 'en', 'index.html'), `<html><script type="module">import "/_astro/y.js";</script></html>`);
  await writeFile(join(dir, 'admin', 'index.html'), `<html><script>window.CMS_MANUAL_INIT=true</script></html>`);
  const previous = process.env.PUBLIC_SUPABASE_URL;
  process.env.PUBLIC_SUPABASE_URL = supabaseUrl;
  try {
    const hook = securityHeaders().hooks['astro:build:done'];
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info() {} } } as never);
  } finally {
    if (previous === undefined) delete process.env.PUBLIC_SUPABASE_URL;
    else process.env.PUBLIC_SUPABASE_URL = previous;
  }
  return parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8'));
}

const directive = (csp: string, name: string) =>
  csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('generated dist/_headers', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('limits connect-src to exactly the Supabase origin the site was built against', async () => {
    dir = await mkdtemp(join(tmpdir(), 'headers-'));
    const rules = await buildInto(dir, 'https://abc.supabase.co/some/path');
    const csp = headersForPath(rules, '/en/track/')['content-security-policy'];
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://abc.supabase.co");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(directive(csp, 'script-src')).not.toContain('unsafe');
  });

  it('allows inline scripts only by the hash of those the build emitted, not JSON-LD data', async () => {
    dir = await mkdtemp(join(tmpdir(), 'headers-'));
    const rules = await buildInto(dir, 'http://127.0.0.1:57321');
    const scriptSrc = directive(headersForPath(rules, '/')['content-security-policy'], 'script-src')!;
    expect(scriptSrc.split(' ').sort()).toEqual(
      ["'self'", 'script-src', scriptHash(ISLAND_BOOTSTRAP), scriptHash('import "/_astro/y.js";')].sort(),
    );
  });

  it('sends frame protection, nosniff, referrer and permissions policies on every path', async () => {
    dir = await mkdtemp(join(tmpdir(), 'headers-'));
    const rules = await buildInto(dir, 'http://127.0.0.1:57321');
    for (const path of ['/', '/en/track/', '/admin/']) {
      const headers = headersForPath(rules, path);
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['permissions-policy']).toContain('clipboard-write=(self)');
    }
  });

  it('lets browsers keep content-hashed assets for a year, and only those', async () => {
    dir = await mkdtemp(join(tmpdir(), 'headers-'));
    const rules = await buildInto(dir, 'http://127.0.0.1:57321');
    expect(headersForPath(rules, '/_astro/client.AbC123.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/en/track/', '/admin/', '/uploads/bylaws.pdf']) expect(headersForPath(rules, path)['cache-control'], path).toBeUndefined();
  });

  it('gives /admin/ its own CMS policy instead of the site one, never both', async () => {
    dir = await mkdtemp(join(tmpdir(), 'headers-'));
    const rules = await buildInto(dir, 'http://127.0.0.1:57321');
    const admin = headersForPath(rules, '/admin/')['content-security-policy'];
    expect(admin.split('default-src')).toHaveLength(2);
    expect(directive(admin, 'script-src')).toBe(`script-src 'self' 'unsafe-eval' ${scriptHash('window.CMS_MANUAL_INIT=true')}`);
    expect(directive(admin, 'connect-src')).toContain('https://api.github.com');
    expect(directive(headersForPath(rules, '/')['content-security-policy'], 'connect-src')).not.toContain('github');
  });

  it('needs no header removal, so Netlify (which cannot remove one) and Cloudflare Pages send the same', async () => {
    dir = await mkdtemp(join(tmpdir(), 'headers-'));
    await buildInto(dir, 'http://127.0.0.1:57321');
    const text = await readFile(join(dir, '_headers'), 'utf8');
    expect(text).not.toMatch(/^\s*!/m);
    const rules = parseHeadersFile(text);
    for (const path of ['/', '/index.html', '/en/', '/en/track/', '/admin/', '/admin/index.html']) {
      const csp = headersForPath(rules, path)['content-security-policy'];
      expect(csp.split('default-src'), path).toHaveLength(2);
    }
  });
});
