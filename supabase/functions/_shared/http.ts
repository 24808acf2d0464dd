// What the portal's Edge Functions share about HTTP: CORS (the site calls them from the browser,
// with no cookies, so any origin may), JSON answers, reading a body, routing by path, and one
// rule for errors: bad input is a 4xx with a rule key, never a 5xx (supabase/CONTRACT.md).

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-max-age': '3600',
};

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...CORS_HEADERS } });

/** An answer that ends the call: `{ code, field? }` with its status. */
export class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, readonly field: string | null = null) {
    super(code);
  }
}

export const unavailable = () => new Refusal(503, 'unavailable');

export type Body = Record<string, unknown>;

/** The request's JSON object (at most 64 KB); anything else is refused as `invalid_request`. */
export async function readBody(req: Request): Promise<Body> {
  const text = await req.text().catch(() => null);
  if (text === null || text.length > 64 * 1024) throw new Refusal(400, 'invalid_request');
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Body;
  } catch {
    // Falls through to the refusal.
  }
  throw new Refusal(400, 'invalid_request');
}

// What PostgreSQL text cannot hold; the database refuses the other hidden characters itself.
const UNSTORABLE = /[\u0000]|\p{Cs}/u;

/** A string field, or null when absent; refused with `<field>_characters` when text cannot hold it. */
export function text(body: Body, key: string, field: string): string | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Refusal(400, 'invalid_request', field);
  if (UNSTORABLE.test(value)) throw new Refusal(400, `${field}_characters`, field);
  return value;
}

/** A list of strings (at most `max`), or an empty list when absent. */
export function strings(body: Body, key: string, max: number): string[] {
  const value = body[key] ?? [];
  if (!Array.isArray(value) || value.length > max || !value.every((v) => typeof v === 'string' && v.length <= 200 && !UNSTORABLE.test(v))) {
    throw new Refusal(400, 'invalid_request');
  }
  return value as string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuid(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || !UUID.test(value)) throw new Refusal(400, 'invalid_request');
  return value;
}

/** A uuid, or null when absent (an idempotency key the caller may leave out). */
export const optionalUuid = (body: Body, key: string): string | null => (body[key] === undefined || body[key] === null ? null : uuid(body, key));

type Handler = (req: Request, body: Body) => Promise<Response>;

/**
 * Serves `POST /<function>/<action>` with `handlers[action]`, answers the CORS preflight, and
 * turns every failure into an answer: a Refusal as itself, anything unexpected (the database or
 * Storage unreachable) as 503, logged.
 */
export function serveActions(handlers: Record<string, Handler>) {
  Deno.serve(async (req) => {
    if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
    const action = new URL(req.url).pathname.split('/').filter(Boolean)[1] ?? '';
    const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
    if (!handler) return json({ code: 'not_found' }, 404);
    if (req.method !== 'POST') return json({ code: 'method_not_allowed' }, 405);
    try {
      return await handler(req, await readBody(req));
    } catch (error) {
      if (error instanceof Refusal) return json({ code: error.code, field: error.field }, error.status);
      console.error(error);
      return json({ code: 'unavailable' }, 503);
    }
  });
}
