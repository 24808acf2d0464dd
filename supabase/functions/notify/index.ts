// The notify Edge Function (docs/ARCHITECTURE.md, "Outreach"; supabase/CONTRACT.md, "Edge Functions"):
// sends the messages the outbox holds. Called every minute by pg_cron (hosted) or the local
// scheduler, and woken right after a change queues a message. `verify_jwt = false`
// (supabase/config.toml), because the hosted schedule authenticates with a secret of its own:
// the caller must send `Authorization: Bearer <NOTIFY_SECRET>` or the service role key.
import { drain } from '../_shared/outreach/drain.ts';
import { publishedTemplatesAt } from '../_shared/outreach/templates-source.ts';
import { providersFrom } from '../_shared/providers/select.ts';
import { authorized } from './authorized.ts';
import { restRpc } from './rest-rpc.ts';
import { sendingLanes } from '../_shared/outreach/lanes.ts';

const env = (name: string) => Deno.env.get(name);
const siteUrl = env('SITE_URL') ?? '';
const templates = publishedTemplatesAt(siteUrl);
const providers = providersFrom(env);
const rpc = restRpc(env('SUPABASE_URL') ?? '', env('SUPABASE_SERVICE_ROLE_KEY') ?? '');
const lanes = sendingLanes(env);

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

Deno.serve(async (request) => {
  if (request.method !== 'POST') return json({ code: 'method_not_allowed', message: 'POST to send due messages.' }, 405);
  if (!authorized(request.headers.get('authorization'), [env('SUPABASE_SERVICE_ROLE_KEY'), env('NOTIFY_SECRET')])) {
    return json({ code: 'unauthorized', message: 'Send Authorization: Bearer <NOTIFY_SECRET or the service role key>.' }, 401);
  }
  await request.body?.cancel();
  if (!siteUrl) return json({ code: 'not_configured', message: 'Set the SITE_URL secret: messages link to it and read its templates.' }, 503);
  const summary = await drain({ rpc, templates, sms: providers.sms, email: providers.email, siteUrl, lanes, log: (line) => console.log(line) });
  if (summary.stopped) console.error(`notify stopped: ${summary.stopped}`);
  // 503 tells the scheduler (and its log) that messages are waiting for something.
  return json(summary, summary.stopped ? 503 : 200);
});
