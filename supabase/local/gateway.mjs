// The gateway on ports.api: the only port the browser talks to, in the role Kong plays on
// Supabase. /rest/v1/* goes to PostgREST (prefix stripped, headers kept), /auth/v1/* to the
// auth subset, /functions/v1/* to the Edge Function runtime and /storage/v1/* to the Storage
// subset (both check their own credentials, as hosted), GET /health answers 200 once the
// database, PostgREST and auth answer.
import http from 'node:http';
import { verifyJwt } from './jwt.mjs';
import { INTERRUPTED, TIMED_OUT, UNAVAILABLE, unavailableHeaders } from './unavailable.mjs';
import { limitedBody } from './body-limit.mjs';
import { applyApiSecurityHeaders } from './api-headers.mjs';

// A request PostgREST accepted but never answers is cut off after this long (nothing hangs).
const UPSTREAM_TIMEOUT_MS = Number(process.env.IRTIQAA_UPSTREAM_TIMEOUT_MS ?? 15_000);

const ALLOWED_HEADERS = 'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, range, range-unit, accept, accept-profile, content-profile, x-upsert';
const EXPOSED_HEADERS = 'content-range, content-location, content-profile, range-unit, preference-applied, retry-after, x-supabase-api-version';
const API_KEY_ROLES = new Set(['anon', 'service_role']);

function corsHeaders(req, allowedOrigins) {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.has(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

// PostgREST answers 503 (PGRST001 and the like, Retry-After: 0) while it has no database: the
// client gets the gateway's own outage body, PostgREST's code kept as details, and a real Retry-After.
function relayUnavailable(up, res, cors) {
  const chunks = [];
  up.on('data', (c) => chunks.push(c));
  up.on('end', () => {
    let details;
    try {
      details = JSON.parse(Buffer.concat(chunks).toString('utf8')).code;
    } catch {}
    res.writeHead(503, { ...unavailableHeaders, ...cors }).end(JSON.stringify({ ...UNAVAILABLE, details }));
  });
}

// PostgREST 12.0.2 answers 400 with an empty code and message when the database connection
// breaks mid-request (measured: bench/RELIABILITY.md); that is an outage, not the client's fault.
function relayBadRequest(up, res, cors) {
  const chunks = [];
  up.on('data', (c) => chunks.push(c));
  up.on('end', () => {
    const body = Buffer.concat(chunks);
    let parsed = null;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {}
    if (parsed && parsed.code === '' && !parsed.message) {
      return res.writeHead(503, { ...unavailableHeaders, ...cors }).end(JSON.stringify(INTERRUPTED));
    }
    res.writeHead(400, { ...up.headers, ...cors }).end(body);
  });
}

export function createGateway({ postgrestSocket, authHandler, checkHealth, allowedOrigins, functionsHandler, storageHandler }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const origins = new Set(allowedOrigins);

  function proxyToPostgrest(req, res, path, cors) {
    const headers = { ...req.headers, host: 'postgrest' };
    delete headers.apikey;
    delete headers.origin;
    // Kong fills in a missing Authorization from the apikey, so PostgREST sees the key's role.
    if (!headers.authorization) headers.authorization = `Bearer ${req.headers.apikey}`;
    const upstream = http.request(
      { socketPath: postgrestSocket, method: req.method, path, headers, agent },
      (up) => {
        if (up.statusCode === 503) return relayUnavailable(up, res, cors);
        if (up.statusCode === 400) return relayBadRequest(up, res, cors);
        res.writeHead(up.statusCode ?? 503, { ...up.headers, ...cors });
        up.pipe(res);
      },
    );
    let timedOut = false;
    upstream.setTimeout(UPSTREAM_TIMEOUT_MS, () => {
      timedOut = true;
      upstream.destroy();
    });
    upstream.on('error', () => {
      if (res.writableEnded) return; // already answered (413 for an oversized body)
      // PostgREST gone (socket missing/refused/reset) or too slow: 503 with a clear body, never a 502.
      if (!res.headersSent) res.writeHead(503, { ...unavailableHeaders, ...cors });
      res.end(JSON.stringify(timedOut ? TIMED_OUT : UNAVAILABLE));
    });
    const body = limitedBody(req, res, cors, { onOverflow: () => upstream.destroy() });
    if (body) body.pipe(upstream);
    else upstream.destroy();
  }

  return http.createServer(async (req, res) => {
    applyApiSecurityHeaders(res);
    const cors = corsHeaders(req, origins);
    const send = (status, body, extra = {}) => {
      const headers = { ...cors, ...extra };
      if (body === null) {
        res.writeHead(status, headers).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
      }
    };
    const url = new URL(req.url ?? '/', 'http://gateway');

    // Functions answer their own CORS preflight, as on hosted Supabase.
    if (functionsHandler && url.pathname.startsWith('/functions/v1/')) return functionsHandler(req, res, url, cors);
    if (req.method === 'OPTIONS') {
      res.writeHead(cors['access-control-allow-origin'] ? 204 : 403, {
        ...cors,
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
        'access-control-max-age': '3600',
      });
      return res.end();
    }
    if (url.pathname === '/health') {
      const healthy = await checkHealth().catch(() => false);
      return send(healthy ? 200 : 503, { status: healthy ? 'ok' : 'starting' });
    }

    // By the raw path: Storage reads its object names from it, `..` and all, and refuses what it must.
    if (storageHandler && req.url?.startsWith('/storage/v1/')) return storageHandler(req, res, cors);

    const isRest = url.pathname === '/rest/v1' || url.pathname.startsWith('/rest/v1/');
    const isAuth = url.pathname.startsWith('/auth/v1/');
    if (!isRest && !isAuth) return send(404, { message: 'no Route matched with those values' });

    // As Kong's key-auth: every API call carries a valid anon or service_role key.
    const apikey = req.headers.apikey ?? url.searchParams.get('apikey');
    if (!apikey) return send(401, { message: 'No API key found in request' });
    if (!API_KEY_ROLES.has(verifyJwt(apikey)?.role)) return send(401, { message: 'Invalid API key' });
    if (!req.headers.apikey) req.headers.apikey = apikey;

    if (isRest) {
      const rest = url.pathname.slice('/rest/v1'.length) || '/';
      let query = (req.url ?? '').split('?')[1] ?? '';
      if (url.searchParams.has('apikey')) {
        url.searchParams.delete('apikey');
        query = url.searchParams.toString();
      }
      return proxyToPostgrest(req, res, rest + (query ? `?${query}` : ''), cors);
    }
    // The auth subset reads its own body (GoTrue's limits and errors) and sets its own headers.
    const authUrl = new URL(url.pathname.slice('/auth/v1'.length) + url.search, 'http://auth');
    return authHandler(req, authUrl, (status, headers, body) => res.writeHead(status, { ...cors, ...headers }).end(body ?? undefined));
  });
}
