/*
 * The hourly cleanup of abandoned uploads (docs/ARCHITECTURE.md, "The private link, documents, who
 * can read what"): the request-documents-cleanup Edge Function removes the files of uploads
 * reserved more than 3 hours ago and never accepted. On a hosted project pg_cron and pg_net call
 * it, with the project URL and service role key from Vault (README, "Deploying to hosted
 * Supabase"); where either extension is missing (the local stack runs it from
 * supabase/local/schedule.mjs) this migration schedules nothing.
 */

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') and exists (select 1 from pg_extension where extname = 'pg_net') then
    perform cron.schedule('request-documents-cleanup', '17 * * * *', $job$
      select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/request-documents-cleanup',
        headers := jsonb_build_object('content-type', 'application/json',
          'authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
        body := '{"source": "schedule"}'::jsonb)
    $job$);
  end if;
end;
$$;
