// Daily (supabase/local/schedule.mjs locally, pg_cron on a hosted project; docs/ARCHITECTURE.md,
// "Personal data: the map, retention, rights"): anonymises every request closed longer ago than the
// retention period, one request per database transaction, and removes its documents' files from
// Storage. The anonymisation queues the files in its own transaction; they are removed after it
// and forgotten once Storage no longer has them, so a Storage failure halfway leaves them queued
// (unreadable by staff) for the next run, never a half-anonymised request. Service role only.
import { call, serviceClient } from '../_shared/database.ts';
import { DOCUMENT_BUCKET } from '../_shared/documents.ts';
import { json } from '../_shared/http.ts';

const service = serviceClient();

interface RunStart {
  requests: string[];
  removals: string[];
}

/** Removes files from Storage and forgets those it no longer has; a failure leaves them queued. */
async function removeFiles(names: string[]): Promise<number> {
  if (names.length === 0) return 0;
  const { error } = await service.storage.from(DOCUMENT_BUCKET).remove(names);
  if (error) console.error('retention: Storage refused a removal', error.message);
  return call<number>(service, 'storage_removals_done', { p_object_names: names });
}

Deno.serve(async (req) => {
  const token = (req.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  if (token !== Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')) return json({ code: 'service_role_only' }, 403);
  await req.body?.cancel();
  try {
    const start = await call<RunStart>(service, 'start_retention_run', {});
    let removed = await removeFiles(start.removals);
    let anonymised = 0;
    for (const id of start.requests) {
      const outcome = await call<{ anonymised: boolean; removals: string[] }>(service, 'anonymise_past_retention', { p_request_id: id });
      if (outcome.anonymised) anonymised += 1;
      removed += await removeFiles(outcome.removals);
    }
    return json({ anonymised, removed });
  } catch (error) {
    console.error(error);
    return json({ code: 'unavailable' }, 503);
  }
});
