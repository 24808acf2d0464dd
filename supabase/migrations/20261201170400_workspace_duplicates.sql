/*
 * Possible duplicates (docs/ARCHITECTURE.md, "The staff workspace"): a request is flagged when the
 * same national ID or mobile has another request that is still open (not closed or rejected), until
 * staff link the two (the same need asked twice) or dismiss the flag (say, siblings who share a
 * parent's mobile). Either is recorded in both requests' history. The flag is worked out when it is
 * read, so it goes when the other request closes; the register form asks before a request is made.
 */

/* ---------------------------------------------------------------------------------------- */
/* Reviews                                                                                   */
/* ---------------------------------------------------------------------------------------- */

create table public.request_duplicate_reviews (
  -- The pair, smaller id first, so each pair has one row whichever request it was reviewed from.
  request_id uuid not null references public.support_requests (id),
  other_request_id uuid not null references public.support_requests (id),
  outcome text not null constraint request_duplicate_reviews_outcome check (outcome in ('linked', 'dismissed')),
  reviewed_by uuid not null references public.staff (user_id),
  reviewed_at timestamptz not null default now(),
  primary key (request_id, other_request_id),
  constraint request_duplicate_reviews_pair_ordered check (request_id < other_request_id)
);
alter table public.request_duplicate_reviews enable row level security;
revoke all on public.request_duplicate_reviews from anon, authenticated, service_role;
comment on table public.request_duplicate_reviews is
  'Pairs of requests from the same national ID or mobile that staff linked (the same need asked twice) or dismissed as no duplicate; written by review_possible_duplicate().';
create index request_duplicate_reviews_other_idx on public.request_duplicate_reviews (other_request_id);

create policy "Active staff can read duplicate reviews"
  on public.request_duplicate_reviews for select to authenticated
  using ((select internal.is_active_staff()));
grant select on public.request_duplicate_reviews to authenticated, service_role;

-- The other request of a duplicate event (staff.timeline.kind.duplicate_linked / duplicate_dismissed).
alter table public.request_events
  add column related_request_id uuid references public.support_requests (id),
  add constraint request_events_related_request_of_duplicates
    check (kind not in ('duplicate_linked', 'duplicate_dismissed') or related_request_id is not null);
comment on column public.request_events.related_request_id is 'The other request of a duplicate_linked or duplicate_dismissed event.';

/* ---------------------------------------------------------------------------------------- */
/* Finding them                                                                              */
/* ---------------------------------------------------------------------------------------- */

/** The statuses a request is still open in (internal.request_statuses: not final). */
-- Not security definer, every name qualified, no `set search_path`: Postgres inlines them into the functions below.
create function internal.open_statuses() returns public.request_status[]
language sql stable parallel safe as $$
  select array_agg(s.status order by s.status) from internal.request_statuses s where not s.is_final
$$;

/** Every other request from the same national ID or mobile, with what staff decided about the pair (null: not reviewed). */
create function internal.same_applicant(p_request_id uuid, p_national_id text, p_mobile text)
returns table (other public.support_requests, same_national_id boolean, same_mobile boolean, outcome text)
language sql stable as $$
  select o, o.national_id = p_national_id, o.mobile = p_mobile, d.outcome
    from public.support_requests o
    left join public.request_duplicate_reviews d
      on d.request_id = least(p_request_id, o.id) and d.other_request_id = greatest(p_request_id, o.id)
   where (o.national_id = p_national_id or o.mobile = p_mobile)
     and o.id is distinct from p_request_id
$$;

/** Another open request of the same applicant that nobody linked or dismissed (callers check the caller first). */
create function internal.has_open_duplicate(request public.support_requests) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from internal.same_applicant(request.id, request.national_id, request.mobile) s
     where s.outcome is null and (s.other).status = any (internal.open_statuses()))
$$;

/**
 * PostgREST computed field: `select=...,possible_duplicate` on support_requests (and on the rows of
 * search_requests) says whether the request has an open, unreviewed possible duplicate.
 */
create function public.possible_duplicate(request public.support_requests) returns boolean
language sql stable security definer set search_path = '' as $$
  select internal.is_active_staff() and internal.has_open_duplicate(request)
$$;

/** For the request page: the other requests of the same applicant (newest first, at most 50), for active staff. */
create function public.request_duplicates(p_request_id uuid)
returns table (id uuid, reference text, full_name text, status public.request_status, created_at timestamptz,
               same_national_id boolean, same_mobile boolean, outcome text, possible_duplicate boolean)
language plpgsql stable security definer set search_path = '' as $$
declare
  request public.support_requests;
begin
  perform internal.require_active_staff();
  request := internal.require_request(p_request_id);
  return query
    select (s.other).id, (s.other).reference, (s.other).full_name, (s.other).status, (s.other).created_at,
           s.same_national_id, s.same_mobile, s.outcome,
           s.outcome is null and (s.other).status = any (internal.open_statuses())
      from internal.same_applicant(request.id, request.national_id, request.mobile) s
     order by (s.other).created_at desc
     limit 50;
end;
$$;

/**
 * For the register form, before a request is made: the open requests of an applicant with this
 * national ID or mobile (typed in any form), for the members who register requests.
 */
create function public.open_requests_for_applicant(p_national_id text, p_mobile text)
returns table (id uuid, reference text, status public.request_status, created_at timestamptz, same_national_id boolean, same_mobile boolean)
language plpgsql stable security definer set search_path = '' as $$
declare
  national_id text := internal.normalise_national_id(coalesce(p_national_id, ''));
  mobile text := internal.normalise_saudi_mobile(coalesce(p_mobile, ''));
begin
  perform internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  if national_id !~ '^[12][0-9]{9}$' then national_id := null; end if;
  return query
    select (s.other).id, (s.other).reference, (s.other).status, (s.other).created_at, s.same_national_id, s.same_mobile
      from internal.same_applicant(null, national_id, mobile) s
     where (s.other).status = any (internal.open_statuses())
     order by (s.other).created_at desc
     limit 20;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Linking or dismissing                                                                     */
/* ---------------------------------------------------------------------------------------- */

/**
 * Records what a member decided about two requests of the same applicant: `linked` or `dismissed`
 * (duplicate_outcome_invalid otherwise); they must share a national ID or mobile
 * (duplicate_not_matching). Deciding again replaces the decision. Both requests' history get the
 * event, each naming the other.
 */
create function public.review_possible_duplicate(p_request_id uuid, p_other_request_id uuid, p_outcome text)
returns public.request_duplicate_reviews
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  request public.support_requests;
  other public.support_requests;
  reviewed public.request_duplicate_reviews;
begin
  if p_outcome is null or p_outcome not in ('linked', 'dismissed') then
    perform internal.refuse('duplicate_outcome_invalid', 'outcome', '22023');
  end if;
  request := internal.require_request(p_request_id);
  other := internal.require_request(p_other_request_id);
  if request.id = other.id or (request.national_id <> other.national_id and request.mobile <> other.mobile) then
    perform internal.refuse('duplicate_not_matching', 'other_request_id', 'P0001');
  end if;
  insert into public.request_duplicate_reviews (request_id, other_request_id, outcome, reviewed_by)
  values (least(request.id, other.id), greatest(request.id, other.id), p_outcome, me.user_id)
  on conflict (request_id, other_request_id)
    do update set outcome = excluded.outcome, reviewed_by = excluded.reviewed_by, reviewed_at = now()
  returning * into reviewed;
  insert into public.request_events (request_id, kind, actor_id, actor_role, related_request_id)
  values (request.id, ('duplicate_' || p_outcome)::public.request_event_kind, me.user_id, me.role, other.id),
         (other.id, ('duplicate_' || p_outcome)::public.request_event_kind, me.user_id, me.role, request.id);
  return reviewed;
end;
$$;

revoke all on function internal.open_statuses(), internal.same_applicant(uuid, text, text)
  from public, anon, authenticated, service_role;
revoke all on function internal.has_open_duplicate(public.support_requests) from public, anon, authenticated, service_role;
revoke all on function public.possible_duplicate(public.support_requests), public.request_duplicates(uuid),
  public.open_requests_for_applicant(text, text), public.review_possible_duplicate(uuid, uuid, text)
  from public, anon, authenticated, service_role;
grant execute on function public.possible_duplicate(public.support_requests), public.request_duplicates(uuid),
  public.open_requests_for_applicant(text, text), public.review_possible_duplicate(uuid, uuid, text)
  to authenticated;
