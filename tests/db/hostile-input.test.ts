// Hostile input at every gateway endpoint (tests/db/support/endpoints.ts): arbitrary JSON and
// non-JSON bodies, values of every type where strings are expected, NULs and lone surrogates,
// arbitrary headers and tokens. The gateway and the auth answer every one with a 4xx (or a
// success), never a 5xx, and no request signs anyone in. (Issue 15, hole 3.)
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apiUrl, createUser, LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, withDb } from './support/clients';
import { authCall, forgedToken, passwordSignIn } from './support/auth-http';
import { GATEWAY_ENDPOINTS } from './support/endpoints';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);
const HEADER_NAMES = [
  'x-supabase-api-version', 'content-type', 'x-jwt-aud', 'user-agent', 'x-forwarded-for', 'prefer', 'range',
  'accept', 'accept-profile', 'content-profile', 'x-client-info', 'origin',
];
const printable = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const sessionTotal = () => withDb(async (db) => (await db.query('select count(*)::int as n from auth.sessions')).rows[0].n as number);

let factorId = '';
let userId = '';
const BUCKET = 'hostile-input';
let accessToken = '';
// Names no answer to a caller may carry (issue 15, hole 2): the unexposed schema and its objects.
let internalNames: RegExp;

beforeAll(async () => {
  const user = await createUser({ role: 'officer' });
  userId = user.id;
  accessToken = (await passwordSignIn(user.email, user.password)).access_token;
  const names = await withDb(async (db) => (await db.query(
    `select relname as name from pg_class where relnamespace = 'internal'::regnamespace
     union select proname from pg_proc where pronamespace = 'internal'::regnamespace`)).rows.map((r) => r.name as string));
  internalNames = new RegExp(`\\binternal\\.|index row size|\\b(${names.join('|')})\\b`);
  factorId = (await authCall('POST', '/factors', { token: accessToken, body: { factor_type: 'totp' } })).json.id;
  await withDb((db) => db.query(`insert into storage.buckets (id, name, file_size_limit, allowed_mime_types)
    values ($1, $1, 1024, array['application/pdf']) on conflict do nothing`, [BUCKET]));
});

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('\u0000', `a\u0000b@x.y`, '\ud800', '\udfff\ud800', { toString: 1 }, [], {}, null, true, 1e308, -0, ''),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const body = (fields: string[]) =>
  fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('', 'null', '[]', '{', '{"a":}', '\ufeff{}', '"\\ud800"'),
    fields.length
      ? fc.dictionary(fc.constantFrom(...fields, ...fields.map((f) => f.toUpperCase())), hostileValue, { maxKeys: fields.length + 1 }).map((o) => JSON.stringify(o))
      : fc.constant('{}'),
  );

const authorization = fc.oneof(
  fc.constant(undefined),
  printable,
  printable.map((t) => `Bearer ${t}`),
  fc.constant('valid'),
  fc.record({ sub: hostileValue, session_id: hostileValue, aud: hostileValue, role: hostileValue, amr: hostileValue, exp: hostileValue }, { requiredKeys: [] })
    .map((claims) => `Bearer ${forgedToken(claims)}`),
);

const headers = fc.record({
  extra: fc.dictionary(fc.constantFrom(...HEADER_NAMES), printable, { maxKeys: 4 }),
  authorization,
  apikey: fc.oneof(fc.constant(LOCAL_ANON_KEY), fc.constant(LOCAL_ANON_KEY), fc.constant(LOCAL_SERVICE_ROLE_KEY), printable, fc.constant(undefined)),
});

describe('no endpoint answers 5xx to hostile input, and none signs anyone in', () => {
  it.each(GATEWAY_ENDPOINTS)('$method $path', async (endpoint) => {
    const sessionsBefore = await sessionTotal();
    await fc.assert(
      fc.asyncProperty(body(endpoint.fields ?? []), headers, async (text, h) => {
        const sent: Record<string, string> = { ...h.extra };
        if (h.apikey !== undefined) sent.apikey = h.apikey;
        if (h.authorization !== undefined) sent.authorization = h.authorization === 'valid' ? `Bearer ${accessToken}` : h.authorization;
        const path = endpoint.path.replace('{factor}', factorId).replace('{user}', userId).replace('{bucket}', BUCKET);
        const response = await fetch(`${apiUrl}${path}`, {
          method: endpoint.method,
          headers: sent,
          body: ['GET', 'HEAD'].includes(endpoint.method) ? undefined : text,
        });
        const answer = await response.text();
        expect(response.status, `${response.status} ${answer}`).toBeLessThan(500);
        // A refusal names no internal object (an answer's data may have a column named like one: first_name).
        if (response.status >= 400) expect(answer, `a refusal names an internal object: ${answer}`).not.toMatch(internalNames);
        if (path.startsWith('/auth/v1/') && response.status >= 400 && response.headers.get('content-type') === 'application/json') {
          // GoTrue's error shapes: { code, message } (2024-01-01) or { code, error_code, msg }.
          const json = JSON.parse(answer);
          expect(typeof json.message === 'string' || typeof json.msg === 'string', answer).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(await sessionTotal()).toBeLessThanOrEqual(sessionsBefore);
  }, 120_000);
});
