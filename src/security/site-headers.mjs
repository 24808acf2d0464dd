// The static site's dist/_headers (Netlify/Cloudflare Pages format). The site's CSP allows inline
// scripts only by the sha256 of the exact scripts the build emitted, and connect-src only to the
// build's Supabase origin (docs/SECURITY-HEADERS.md). The gateway's API headers live with the local
// stack (supabase/local/api-headers.mjs).
import { createHash } from 'node:crypto';

const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()',
  'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()', 'publickey-credentials-get=()',
  'serial=()', 'usb=()', 'xr-spatial-tracking=()', 'clipboard-write=(self)',
].join(', ');

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** sha256 CSP source of one inline script's text, exactly as the browser hashes it. */
export function scriptHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Executable inline scripts of an HTML page (JSON-LD and other data blocks are not executed). */
export function inlineScripts(html) {
  const found = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    found.push(m[2]);
  }
  return found;
}

/** The site's CSP: 'self' everywhere, hashed inline scripts, the API origin for connect-src only. */
export function siteCsp({ supabaseUrl, scriptHashes }) {
  const api = new URL(supabaseUrl).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    // Astro islands and components set style= attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${api}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].filter((d) => !(d === 'upgrade-insecure-requests' && api.startsWith('http:'))).join('; ');
}

/**
 * Decap CMS (/admin/) only: it needs 'unsafe-eval' (ajv) and emotion injects <style> tags; it
 * loads media previews from anywhere https, and talks to decap-server locally or GitHub/git-gateway.
 */
export function adminCsp({ supabaseUrl, scriptHashes, decapServerUrl }) {
  // blob: the media library reads a chosen file through a blob URL before uploading it.
  const connect = ["'self'", 'blob:', new URL(supabaseUrl).origin, 'https://api.github.com', 'https://github.com'];
  if (decapServerUrl) connect.push(new URL(decapServerUrl).origin);
  return [
    "default-src 'self'",
    // Decap validates its config with ajv, which compiles validators with new Function.
    `script-src 'self' 'unsafe-eval' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The dist/_headers text. Hosts add the headers of every rule that matches a path, and Netlify
 * cannot take one away again, so the site CSP is not on `/*`: it is on each section of the site
 * (`sitePaths`, from the built pages), and /admin/ has only the CMS policy.
 */
export function buildHeadersFile({ supabaseUrl, sitePaths, siteScriptHashes, adminScriptHashes, decapServerUrl }) {
  const block = (path, headers) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const site = siteCsp({ supabaseUrl, scriptHashes: siteScriptHashes });
  return [
    '# Generated at build time by src/security/headers-integration.mjs; do not edit.',
    block('/*', COMMON_HEADERS),
    // Astro names every bundled asset (scripts, styles, fonts) by its content hash.
    block('/_astro/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    ...sitePaths.map((path) => block(path, { 'Content-Security-Policy': site })),
    block('/admin/*', {
      'Content-Security-Policy': adminCsp({ supabaseUrl, scriptHashes: adminScriptHashes, decapServerUrl }),
    }),
    '',
  ].join('\n\n');
}

/**
 * The path rules that cover a built page (`en/track/index.html`): its top-level section. A bare
 * `/en` is redirected to `/en/` by the host; the page itself is always under the splat.
 */
export function sitePathsFor(htmlFile) {
  const [first, ...rest] = htmlFile.replace(/^\/+/, '').split('/');
  if (rest.length === 0) return first === 'index.html' ? ['/', '/index.html'] : [`/${first}`];
  return [`/${first}/*`];
}

/** Parses a _headers file into rules: { pattern, set: [[name, value]], detach: [name] }. */
export function parseHeadersFile(text) {
  const rules = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) { rules.push({ pattern: raw.trim(), set: [], detach: [] }); continue; }
    const line = raw.trim();
    const rule = rules.at(-1);
    if (line.startsWith('!')) { rule.detach.push(line.slice(1).trim().toLowerCase()); continue; }
    const i = line.indexOf(':');
    rule.set.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
  }
  return rules;
}

function matches(pattern, path) {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path) || (pattern.endsWith('/*') && path === pattern.slice(0, -2));
}

/**
 * The headers a static host sends for a path, applying every matching rule in order.
 * @param {{ pattern: string, set: [string, string][], detach: string[] }[]} rules
 * @param {string} path
 * @returns {Record<string, string>}
 */
export function headersForPath(rules, path) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const name of rule.detach) delete out[name];
    for (const [name, value] of rule.set) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}
