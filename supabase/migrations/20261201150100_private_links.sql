/*
 * Private links (docs/ARCHITECTURE.md, "The private link, documents, who can read what"): every
 * request has a secret link to its own page, `/r/#<secret>`. A secret is 144 random bits written
 * in base64url (24 characters); the database hands it out once (in the submission receipt, to the
 * staff member who issues a new link, in a message) and keeps only its SHA-256. It travels in the
 * URL fragment, so it never reaches a server log or a Referer. A link stops working when staff
 * issue a new one, and 90 days after its request is closed (rejected or closed).
 * Only the private-page Edge Function looks links up (service role). It says who the client is
 * (supabase/CONTRACT.md, "Private page"); wrong links are counted per client, never per request,
 * so a stranger's guesses can never lock the beneficiary out.
 */

/* ---------------------------------------------------------------------------------------- */
/* Links                                                                                     */
/* ---------------------------------------------------------------------------------------- */

create table internal.private_links (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.support_requests (id),
  secret_hash bytea not null unique constraint private_links_secret_hash_sha256 check (octet_length(secret_hash) = 32),
  -- 'survey': the link of the "service delivered" message, which opens the page at its survey.
  purpose text not null default 'page' constraint private_links_purpose_known check (purpose in ('page', 'survey')),
  -- Why it was made: 'submitted', 'registered_on_behalf', 'staff', or the moment of a message.
  issued_for text not null constraint private_links_issued_for_length check (char_length(issued_for) between 1 and 64),
  -- The staff member who issued it; null when the database made it on its own.
  issued_by uuid,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
alter table internal.private_links enable row level security;
revoke all on internal.private_links from anon, authenticated, service_role;
comment on table internal.private_links is
  'Secret links to a request''s private page: only the SHA-256 of each secret; revoked when staff issue a new one.';
create index private_links_live_idx on internal.private_links (request_id) where revoked_at is null;

/** How long a private link keeps working after its request is closed (PRIVATE_LINK_DAYS_AFTER_CLOSING in src/lib/private-link.ts). */
create function internal.private_link_lifetime_after_closing() returns interval
language sql immutable parallel safe as $$
  select interval '90 days'
$$;

create function internal.private_link_hash(p_secret text) returns bytea
language sql immutable parallel safe as $$
  select sha256(convert_to(p_secret, 'UTF8'))
$$;

/** Closed (a final status) for longer than a link lives: its private page has ended. */
create function internal.private_page_ended(r public.support_requests) returns boolean
language sql stable as $$
  select s.is_final and r.status_changed_at + internal.private_link_lifetime_after_closing() < now()
    from internal.request_statuses s where s.status = r.status
$$;

/** A new link to the request's page; returns its secret, which is kept nowhere. */
create function internal.mint_private_link(p_request_id uuid, p_issued_for text, p_purpose text default 'page', p_issued_by uuid default null)
returns text
language plpgsql volatile set search_path = '' as $$
declare
  -- 18 bytes are 24 base64 characters exactly: no padding, no line break.
  secret text := translate(encode(extensions.gen_random_bytes(18), 'base64'), '+/', '-_');
begin
  insert into internal.private_links (request_id, secret_hash, purpose, issued_for, issued_by)
  values (p_request_id, internal.private_link_hash(secret), p_purpose, p_issued_for, p_issued_by);
  return secret;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* Looking a link up, throttled per client                                                   */
/* ---------------------------------------------------------------------------------------- */

create table internal.private_link_failures (
  -- SHA-256 of the client (the Edge Function's x-forwarded-for chain): no address is stored.
  client_hash bytea not null,
  failed_at timestamptz not null default now()
);
alter table internal.private_link_failures enable row level security;
revoke all on internal.private_link_failures from anon, authenticated, service_role;
comment on table internal.private_link_failures is 'Wrong private links, per client (throttle); kept an hour at most.';
create index private_link_failures_client_idx on internal.private_link_failures (client_hash, failed_at);
create index private_link_failures_age_idx on internal.private_link_failures (failed_at);

/**
 * The live link `p_secret` is, as `p_client` presents it: `link` and its `request`, or `refusal` the answer to
 * give ({ outcome: 'not_found' } or { outcome: 'throttled', retry_after_seconds }). The same answer
 * for a link that never existed, was replaced or has ended, so none tells anything about requests.
 * 20 wrong links from one client within 10 minutes stop that client (and no one else) for the rest
 * of the 10 minutes. Callers return the refusal rather than raise, so the failure stays recorded.
 */
create function internal.private_link_for(
  p_secret text, p_client text, out link internal.private_links, out request public.support_requests, out refusal jsonb
)
language plpgsql volatile set search_path = '' as $$
declare
  client bytea := internal.private_link_hash(coalesce(p_client, ''));
  failures integer;
  first_failure timestamptz;
begin
  -- One client's lookups queue here, so parallel guesses cannot slip past the count.
  perform pg_advisory_xact_lock(hashtextextended('private_link:' || encode(client, 'hex'), 0));
  select count(*), min(f.failed_at) into failures, first_failure
    from internal.private_link_failures f
   where f.client_hash = client and f.failed_at > now() - interval '10 minutes';
  if failures >= 20 then
    refusal := jsonb_build_object('outcome', 'throttled',
      'retry_after_seconds', greatest(1, ceil(extract(epoch from first_failure + interval '10 minutes' - now())))::integer);
    return;
  end if;

  if coalesce(p_secret, '') ~ '^[A-Za-z0-9_-]{24}$' then
    select l.* into link from internal.private_links l
     where l.secret_hash = internal.private_link_hash(p_secret) and l.revoked_at is null;
    select r.* into request from public.support_requests r where r.id = link.request_id;
  end if;
  if link.id is null or internal.private_page_ended(request) then
    link := null;
    request := null;
    insert into internal.private_link_failures (client_hash) values (client);
    -- Now and then, forget old failures.
    if random() < 0.01 then
      delete from internal.private_link_failures where failed_at < now() - interval '1 hour';
    end if;
    refusal := jsonb_build_object('outcome', 'not_found');
  end if;
end;
$$;

/* ---------------------------------------------------------------------------------------- */
/* The secret in the receipt of both ways of submitting                                      */
/* ---------------------------------------------------------------------------------------- */

-- Both were stable; they now mint a link. A retried submission (its first answer lost) gets a
-- fresh link: the first one's secret may never have reached anyone, and both keep working.
/** What both submit paths return: the reference, the decision window and the private link's secret. */
create or replace function internal.submission_receipt(r public.support_requests) returns jsonb
language sql volatile as $$
  select jsonb_build_object(
    'reference', r.reference, 'status', r.status, 'submitted_at', r.created_at,
    'decision_due_from', r.decision_due_from, 'decision_due_by', r.decision_due_by,
    'private_link_secret', internal.mint_private_link(r.id, case when r.registered_by is null then 'submitted' else 'registered_on_behalf' end)
  )
$$;

create or replace function internal.earlier_receipt(p_idempotency_key uuid) returns jsonb
language sql volatile as $$
  select internal.submission_receipt(r) from public.support_requests r where r.idempotency_key = p_idempotency_key
$$;

/* ---------------------------------------------------------------------------------------- */
/* Links in messages (supabase/CONTRACT.md, "Links in messages")                             */
/* ---------------------------------------------------------------------------------------- */

/**
 * The site-relative path a message links to, called when the message is claimed for sending: a
 * fresh private link for every message (the `notify` function adds SITE_URL, and `/en` for
 * English). The "service delivered" moment's link opens the page at its survey.
 */
create or replace function internal.beneficiary_link_path(p_request_id uuid, p_moment text) returns text
language sql volatile as $$
  select '/r/#' || internal.mint_private_link(
    p_request_id, coalesce(nullif(p_moment, ''), 'message'), case when p_moment = 'service_delivered' then 'survey' else 'page' end)
$$;

/* ---------------------------------------------------------------------------------------- */
/* Staff issue a new link                                                                    */
/* ---------------------------------------------------------------------------------------- */

/**
 * When a beneficiary asks by phone: every earlier link of the request stops at once, and the new
 * secret is returned this once, for the staff member to read out or send. Recorded as an event.
 */
create function public.issue_private_link(p_request_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.staff := internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  target public.support_requests := internal.require_request(p_request_id);
  secret text;
begin
  if internal.private_page_ended(target) then
    perform internal.refuse('private_link_ended', null, 'P0001');
  end if;
  update internal.private_links set revoked_at = now() where request_id = target.id and revoked_at is null;
  secret := internal.mint_private_link(target.id, 'staff', 'page', me.user_id);
  insert into public.request_events (request_id, kind, actor_id, actor_role) values (target.id, 'link_issued', me.user_id, me.role);
  return jsonb_build_object('private_link_secret', secret);
end;
$$;

revoke all on function internal.private_link_lifetime_after_closing(), internal.private_link_hash(text),
  internal.private_page_ended(public.support_requests), internal.mint_private_link(uuid, text, text, uuid),
  internal.private_link_for(text, text), internal.submission_receipt(public.support_requests), internal.earlier_receipt(uuid)
  from public, anon, authenticated, service_role;
-- The outreach migration may have granted its caller (the message claim) already: grants it made stay.
revoke all on function internal.beneficiary_link_path(uuid, text) from public, anon, authenticated;
revoke all on function public.issue_private_link(uuid) from public, anon, authenticated, service_role;
grant execute on function public.issue_private_link(uuid) to authenticated;
