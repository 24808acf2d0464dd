/*
 * Support requests and their append-only history. Every rule of src/schemas/support-request.ts
 * that the database can check is a named CHECK constraint `support_requests_<rule_key>`.
 * Beneficiaries never touch the table: they call submit_support_request(); staff read it and
 * move it through the workflow (workflow migration).
 */

create table public.support_requests (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique constraint support_requests_reference_format check (reference ~ '^IRT-[0-9A-HJKMNP-TV-Z]{8}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  -- The applicant, as they submitted it (normalised like the zod schema).
  full_name text not null,
  national_id text not null,
  mobile text not null,
  email text,
  city text not null,
  category text not null,
  request_type text not null,
  description text not null,
  preferred_channel public.channel not null,
  intake_channel public.channel not null default 'website',
  locale text not null,
  accuracy_confirmed boolean not null,
  accuracy_declaration_version text not null,
  accuracy_confirmed_at timestamptz not null,
  privacy_consent boolean not null,
  idempotency_key uuid unique,
  registered_by uuid,

  -- The workflow.
  status public.request_status not null default 'submitted',
  status_changed_at timestamptz not null default now(),
  assigned_to uuid,
  -- Policy: the decision comes no sooner than 2 weeks and no later than 6 weeks after
  -- submission; time spent waiting on the beneficiary (needs_info) does not count.
  decision_due_from timestamptz not null,
  decision_due_by timestamptz not null,
  waiting_since timestamptz,
  time_waiting interval not null default '0',
  decided_at timestamptz,
  decided_by uuid,
  decision_note text,

  constraint support_requests_full_name_required check (full_name <> ''),
  constraint support_requests_full_name_length check (full_name = '' or char_length(full_name) between 3 and 100),
  constraint support_requests_full_name_script check (
    full_name = '' or full_name ~ '^[\u0621-\u063A\u0641-\u0652\u0670-\u06D3A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'' .-]+$'),
  constraint support_requests_full_name_parts check (full_name = '' or position(' ' in full_name) > 0),
  constraint support_requests_national_id_required check (national_id <> ''),
  constraint support_requests_national_id_format check (national_id = '' or national_id ~ '^[12][0-9]{9}$'),
  constraint support_requests_national_id_checksum check (
    national_id !~ '^[12][0-9]{9}$' or internal.national_id_has_valid_check_digit(national_id)),
  constraint support_requests_mobile_required check (mobile <> ''),
  constraint support_requests_mobile_format check (mobile = '' or mobile ~ '^\+9665[0-9]{8}$'),
  constraint support_requests_email_format check (
    email is null or internal.email_is_valid(email)),
  constraint support_requests_city_required check (city <> ''),
  constraint support_requests_city_length check (city = '' or char_length(city) between 2 and 60),
  -- category and request_type are enums since 20261201100100_request_lists.sql (these two checks were replaced there).
  constraint support_requests_category_required check (
    category in ('student', 'parent', 'teacher', 'educational_institution', 'other')),
  constraint support_requests_request_type_required check (request_type in (
    'tutoring', 'educational_supplies', 'tuition_assistance', 'training_course', 'counselling',
    'inquiry', 'suggestion', 'complaint', 'other')),
  constraint support_requests_description_required check (description <> ''),
  constraint support_requests_description_length check (description = '' or char_length(description) between 20 and 4000),
  constraint support_requests_preferred_channel_required check (preferred_channel is not null),
  constraint support_requests_locale_required check (locale in ('ar', 'en')),
  constraint support_requests_accuracy_confirmed_required check (accuracy_confirmed),
  constraint support_requests_privacy_consent_required check (privacy_consent),
  constraint support_requests_declaration_version_required check (char_length(accuracy_declaration_version) between 1 and 64),
  constraint support_requests_decision_window check (decision_due_by > decision_due_from),
  constraint support_requests_rejection_reason_required check (status <> 'rejected' or coalesce(decision_note, '') <> '')
);
alter table public.support_requests enable row level security;
revoke all on public.support_requests from anon, authenticated, service_role;
comment on table public.support_requests is
  'Support requests from beneficiaries (policy, handling steps 1-8). Never deleted; changed only through the workflow.';

-- The staff queue: soonest decision first. Under RLS Postgres may not use `status = ...` as an index
-- condition (enum equality is not leakproof), so the queue walks this index in order and filters
-- by status; see bench/backend/RESULTS.md. Also: the mobile flood limit; the workspace's "mine".
create index support_requests_decision_due_idx on public.support_requests (decision_due_by);
create index support_requests_mobile_created_idx on public.support_requests (mobile, created_at);
create index support_requests_assigned_idx on public.support_requests (assigned_to, status) where assigned_to is not null;
create index support_requests_created_idx on public.support_requests (created_at);

create table public.request_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references public.support_requests (id),
  created_at timestamptz not null default now(),
  -- kind is an enum, and code / intake_channel were added, in 20261201100300_event_codes.sql.
  kind text not null constraint request_events_kind check (kind in ('submitted', 'status_changed', 'assigned', 'note', 'follow_up')),
  from_status public.request_status,
  to_status public.request_status,
  actor_id uuid,
  actor_role public.staff_role,
  note text,
  assigned_to uuid,
  survey_id uuid
);
alter table public.request_events enable row level security;
revoke all on public.request_events from anon, authenticated, service_role;
revoke all on sequence public.request_events_id_seq from anon, authenticated, service_role;
comment on table public.request_events is
  'Append-only history of every request: written by the database itself, never updated or deleted.';
create index request_events_request_idx on public.request_events (request_id, id);
create index request_events_follow_up_idx on public.request_events (created_at) where kind = 'follow_up';

-- CHECK constraints run as whoever writes the row (staff moving a request), so the pure helpers
-- they call must be executable by them.
grant execute on function internal.email_is_valid(text), internal.js_length(text), internal.js_space_chars(),
  internal.national_id_has_valid_check_digit(text) to authenticated, service_role;
