// Hourly (supabase/local/schedule.mjs locally, pg_cron on a hosted project): removes the files of
// uploads reserved more than 3 hours ago and never accepted as documents (the browser was closed
// halfway), then forgets them. Service role only.
import { call, serviceClient } from '../_shared/database.ts';
import { discardUploads } from '../_shared/documents.ts';
import { json } from '../_shared/http.ts';

const service = serviceClient();

Deno.serve(async (req) => {
  const token = (req.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  if (token !== Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')) return json({ code: 'service_role_only' }, 403);
  await req.body?.cancel();
  try {
    const abandoned = await call<string[]>(service, 'abandoned_document_uploads', {});
    await discardUploads(service, abandoned);
    return json({ removed: abandoned.length });
  } catch (error) {
    console.error(error);
    return json({ code: 'unavailable' }, 503);
  }
});
