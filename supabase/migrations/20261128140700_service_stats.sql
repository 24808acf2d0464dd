/*
 * Published service figures (policy: transparency about how the association serves its
 * beneficiaries). Aggregates only; any figure drawn from fewer than 5 rows is null, so no
 * small group can be singled out. Computing them reads every request (about 60 ms at 130,000
 * requests), and public pages ask for them, so they are kept for 5 minutes.
 */

create function internal.suppressed(figure numeric, row_count bigint) returns numeric
language sql immutable parallel safe as $$
  select case when row_count >= 5 then figure end
$$;

create function internal.compute_service_stats() returns jsonb
language sql stable set search_path = '' as $$
  with months as (
    select date_trunc('month', m) as month
      from generate_series(date_trunc('month', now()) - interval '11 months', date_trunc('month', now()), interval '1 month') m
  ),
  monthly as (
    select m.month, count(r.id) as submitted, count(r.decided_at) as decided
      from months m
      left join public.support_requests r on r.created_at >= m.month and r.created_at < m.month + interval '1 month'
     group by m.month
  ),
  decided as (
    select r.decided_at <= r.decision_due_by as within_window,
           extract(epoch from r.decided_at - r.created_at) / 86400 as days
      from public.support_requests r
     where r.decided_at is not null
  ),
  surveys as (select * from public.satisfaction_surveys)
  select jsonb_build_object(
    'generated_at', now(),
    'months', (select jsonb_agg(jsonb_build_object(
                  'month', to_char(month, 'YYYY-MM'),
                  'submitted', internal.suppressed(submitted, submitted),
                  'decided', internal.suppressed(decided, decided)) order by month) from monthly),
    'requests_total', (select internal.suppressed(count(*), count(*)) from public.support_requests),
    'decisions', (select internal.suppressed(count(*), count(*)) from decided),
    'decided_within_window_share', (select internal.suppressed(round(avg(within_window::int), 3), count(*)) from decided),
    'median_days_to_decision', (select internal.suppressed(round(percentile_cont(0.5) within group (order by days)::numeric, 1), count(*)) from decided),
    'survey_responses', (select internal.suppressed(count(*), count(*)) from surveys),
    'satisfaction', (select jsonb_build_object(
        'overall', internal.suppressed(round(avg(overall), 2), count(*)),
        'courtesy', internal.suppressed(round(avg(courtesy), 2), count(*)),
        'clarity', internal.suppressed(round(avg(clarity), 2), count(*)),
        'speed', internal.suppressed(round(avg(speed), 2), count(*)),
        'ease', internal.suppressed(round(avg(ease), 2), count(*)),
        'recommend', internal.suppressed(round(avg(recommend), 2), count(recommend))) from surveys)
  )
$$;

create table internal.service_stats_cache (
  singleton boolean primary key default true check (singleton),
  computed_at timestamptz not null,
  figures jsonb not null
);
alter table internal.service_stats_cache enable row level security;
comment on table internal.service_stats_cache is 'The last computed service_stats() figures (at most 5 minutes old when served).';

create function public.service_stats() returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  cached internal.service_stats_cache;
  figures jsonb;
begin
  select * into cached from internal.service_stats_cache;
  if cached.computed_at > now() - interval '5 minutes' then
    return cached.figures;
  end if;
  -- One caller recomputes; the others meanwhile get the previous figures.
  if cached.figures is not null and not pg_try_advisory_xact_lock(hashtext('internal.service_stats_cache')) then
    return cached.figures;
  end if;
  figures := internal.compute_service_stats();
  -- A GET through PostgREST runs read-only: serve the fresh figures without keeping them.
  if current_setting('transaction_read_only') = 'off' then
    insert into internal.service_stats_cache (computed_at, figures) values (now(), figures)
    on conflict (singleton) do update set computed_at = excluded.computed_at, figures = excluded.figures;
  end if;
  return figures;
end;
$$;

revoke all on function internal.suppressed(numeric, bigint), internal.compute_service_stats()
  from public, anon, authenticated, service_role;
revoke all on function public.service_stats() from public, anon, authenticated, service_role;
grant execute on function public.service_stats() to anon, authenticated, service_role;
