/*
 * The hosted schedule of the notify Edge Function (docs/ARCHITECTURE.md, "Outreach"): pg_cron calls
 * it every minute through pg_net, with the project URL and the function's secret read from Supabase
 * Vault at each run (`project_url`, `notify_secret`), as Supabase's guide "Scheduling Edge
 * Functions" does; every change that queues a message also wakes it at once (internal.wake_notify).
 * Where pg_cron or pg_net is not enabled (the local stack, whose own scheduler runs
 * supabase/local/schedule.mjs; or a project that has not enabled them yet) nothing is scheduled and
 * this migration still applies: enable both, create the two Vault secrets, then
 * `select internal.schedule_notify();` (README, "Messages to beneficiaries").
 */

/** Schedules (or reschedules) the every-minute call; says what it did. */
create function internal.schedule_notify() returns text
language plpgsql volatile security definer set search_path = '' as $$
begin
  if to_regnamespace('cron') is null or to_regprocedure('net.http_post(text, jsonb, jsonb, jsonb, integer)') is null then
    return 'not scheduled: enable the pg_cron and pg_net extensions, then run select internal.schedule_notify();';
  end if;
  -- A job of the same name is replaced, so running this again is harmless.
  perform cron.schedule('irtiqaa-notify', '* * * * *', $job$select internal.invoke_notify('schedule')$job$);
  if (internal.notify_endpoint()).url is null then
    return 'scheduled; it calls nothing until the Vault secrets project_url and notify_secret exist';
  end if;
  return 'scheduled';
end;
$$;

revoke all on function internal.schedule_notify() from public, anon, authenticated, service_role;

select internal.schedule_notify();
