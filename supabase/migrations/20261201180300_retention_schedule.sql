/*
 * The daily retention run (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"): the
 * `retention` Edge Function anonymises requests past internal.retention_after_closing() and removes
 * their documents' files from Storage. On a hosted project pg_cron and pg_net call it at 03:41
 * Riyadh time (00:41 UTC), with the project URL and service role key from Vault (README, "Deploying
 * to hosted Supabase"); where either extension is missing (the local stack runs it from
 * supabase/local/schedule.mjs) this migration schedules nothing.
 */

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') and exists (select 1 from pg_extension where extname = 'pg_net') then
    perform cron.schedule('retention', '41 0 * * *', $job$
      select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/retention',
        headers := jsonb_build_object('content-type', 'application/json',
          'authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
        body := '{"source": "schedule"}'::jsonb)
    $job$);
  end if;
end;
$$;
