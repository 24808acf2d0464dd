// Serves dist/ the way Netlify or Cloudflare Pages would: pretty URLs (folder/index.html, a
// redirect to the trailing slash), 404.html for unknown paths, and the headers of dist/_headers.
// `astro preview` ignores _headers; the e2e suite uses this to run pages and the CMS under them.
// Text is compressed (brotli, else gzip) as those hosts do, so page-weight benchmarks see real bytes,
// once per file and kept, as their edge caches keep it: a page's first byte does not wait on a
// compressor (brotli at its best quality takes tens of milliseconds on a busy machine). Files over
// 1 MiB (only Decap CMS's bundle) get quality 9: quality 11 takes ~30 s on its 5 MB for 10% fewer bytes.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import http from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { headersForPath, parseHeadersFile } from './site-headers.mjs';
import { ports } from '../../config/ports.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.pdf': 'application/pdf', '.map': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

const isFile = (path) => stat(path).then((s) => s.isFile(), () => false);

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

/** The encoding a host would pick for this type and Accept-Encoding, or null. */
function encodingFor(type, acceptEncoding = '') {
  if (!COMPRESSIBLE.test(type)) return null;
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return null;
}

const LARGE_FILE_BYTES = 1024 * 1024;
const compress = {
  br: (body) => promisify(brotliCompress)(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: body.length > LARGE_FILE_BYTES ? 9 : 11 } }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

/** Compressed files by path and encoding, each checked against the file's last change. */
function compressedCache() {
  const kept = new Map();
  return async (file, encoding) => {
    const { mtimeMs } = await stat(file);
    const key = `${encoding} ${file}`;
    const hit = kept.get(key);
    if (hit && hit.mtimeMs === mtimeMs) return hit.body;
    const body = await compress[encoding](await readFile(file));
    kept.set(key, { mtimeMs, body });
    return body;
  };
}

export async function createStaticHost(distDir) {
  const root = resolve(distDir);
  const rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8'));
  const compressed = compressedCache();

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const send = async (status, file) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const encoding = encodingFor(type, req.headers['accept-encoding']);
      const body = encoding && req.method !== 'HEAD' ? await compressed(file, encoding) : null;
      res.writeHead(status, {
        ...headersForPath(rules, url.pathname),
        'content-type': type,
        ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
        ...(body ? { 'content-length': body.length } : {}),
      });
      if (req.method === 'HEAD') return res.end();
      if (body) return res.end(body);
      createReadStream(file).pipe(res);
    };
    const local = normalize(join(root, pathname));
    if (!local.startsWith(root)) return send(404, join(root, '404.html'));
    if (pathname.endsWith('/') && (await isFile(join(local, 'index.html')))) return send(200, join(local, 'index.html'));
    if (!pathname.endsWith('/') && (await isFile(local))) return send(200, local);
    if (!pathname.endsWith('/') && (await isFile(join(local, 'index.html')))) {
      res.writeHead(301, { ...headersForPath(rules, url.pathname), location: `${url.pathname}/${url.search}` });
      return res.end();
    }
    return send(404, join(root, '404.html'));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const server = await createStaticHost(dist);
  const port = Number(process.env.STATIC_HOST_PORT ?? ports.staticHost);
  server.listen(port, '127.0.0.1', () => console.log(`dist/ with its _headers at http://127.0.0.1:${port}`));
}
