// POST /functions/v1/staff-factors: removes second factors the database has just allowed and
// recorded (docs/ARCHITECTURE.md, "Staff sign-in: two factors and a live session").
//   { "user_id": "<member>" }   an admin resets another member's factors (public.reset_staff_factors)
//   { "factor_id": "<factor>" } a member removes one of their own, never the last (public.authorize_factor_removal)
// The database checks the caller with the caller's own JWT (verify_jwt is on); the factors are
// then deleted through the Auth admin API with the service_role key, which no browser ever holds.
// A hosted migration may not put a trigger on auth.mfa_factors, so this is where the rule lives.
import { createClient } from 'npm:@supabase/supabase-js@^2.119.1';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type',
  'access-control-allow-methods': 'POST, OPTIONS',
};
const NO_SESSION = { auth: { persistSession: false, autoRefreshToken: false } };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { ...CORS, 'content-type': 'application/json' } });
const refuse = (status: number, code: string, hint: string | null = null) => json({ code, message: code, hint }, status);

async function readTarget(req: Request): Promise<{ userId: string } | { factorId: string } | null> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { user_id: userId, factor_id: factorId } = body as Record<string, unknown>;
  if (typeof userId === 'string' && factorId === undefined) return { userId };
  if (typeof factorId === 'string' && userId === undefined) return { factorId };
  return null;
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
  if (req.method !== 'POST') return refuse(405, 'method_not_allowed');
  const target = await readTarget(req);
  if (!target) return refuse(400, 'target_required', 'Send either user_id or factor_id.');

  const url = Deno.env.get('SUPABASE_URL')!;
  const caller = createClient(url, Deno.env.get('SUPABASE_ANON_KEY')!, {
    ...NO_SESSION,
    global: { headers: { Authorization: req.headers.get('authorization') ?? '' } },
  });
  const allowed = 'userId' in target
    ? await caller.rpc('reset_staff_factors', { p_user_id: target.userId })
    : await caller.rpc('authorize_factor_removal', { p_factor_id: target.factorId });
  if (allowed.error) {
    // The database's refusal as it gave it; no answer at all (the API unreachable) is the platform's trouble.
    if (allowed.status < 400) return refuse(503, 'service_unavailable');
    return json({ code: allowed.error.code, message: allowed.error.message, hint: allowed.error.hint ?? null }, allowed.status);
  }

  const { user_id: userId, factor_ids: factorIds } = allowed.data as { user_id: string; factor_ids: string[] };
  const admin = createClient(url, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, NO_SESSION);
  for (const id of factorIds) {
    const { error } = await admin.auth.admin.mfa.deleteFactor({ id, userId });
    // A factor already gone (a retried reset) is done; anything else is the platform's trouble.
    if (error && error.status !== 404) {
      console.error('deleting factor', id, error.message);
      return refuse(503, 'factor_delete_failed');
    }
  }
  return json({ user_id: userId, removed: factorIds.length });
});
