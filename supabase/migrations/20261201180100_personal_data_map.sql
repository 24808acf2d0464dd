/*
 * The data map (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"; PDPL Articles
 * 4, 12 and 18): every column that holds personal data, what it is, why it is collected, who may
 * see it, how long it is kept and what replaces it when it is removed. The anonymisation of a
 * request (retention, a deletion the beneficiary asked for) reads it; the site has the same rows
 * in src/lib/personal-data-map.ts, which the privacy notice's table is built from.
 * tests/db/personal-data-map.test.ts holds the two together and fails when a column of the schema
 * is neither in the map nor in the reviewed list of columns that hold no personal data.
 */

/* ---------------------------------------------------------------------------------------- */
/* The retention period                                                                      */
/* ---------------------------------------------------------------------------------------- */

/**
 * How long a request's personal data is kept after the request reaches a final status (rejected
 * or closed): the association's one retention setting. Mirrored by RETENTION_YEARS_AFTER_CLOSING
 * in src/lib/personal-data-map.ts (tests/db/personal-data-map.test.ts); changing it is a new
 * migration redefining this function and that constant together (README, "Retention").
 */
create function internal.retention_after_closing() returns interval
language sql immutable parallel safe as $$
  select interval '2 years'
$$;
revoke all on function internal.retention_after_closing() from public, anon, authenticated, service_role;

/* ---------------------------------------------------------------------------------------- */
/* The map                                                                                   */
/* ---------------------------------------------------------------------------------------- */

create table internal.personal_data_map (
  table_name text not null,
  column_name text not null,
  -- What it is, why it is collected, who may see it, how long it is kept, what replaces it:
  -- keys the notice labels (`privacy.map.<field>.<key>`).
  category text not null,
  purpose text not null,
  seen_by text not null,
  kept text not null,
  replacement text not null,
  primary key (table_name, column_name),
  constraint personal_data_map_table_known check (table_name ~ '^(public|internal)\.[a-z_]+$'),
  constraint personal_data_map_category_known check (category in (
    'identity', 'contact', 'circumstances', 'decision', 'conversation', 'feedback', 'documents', 'connection', 'staff')),
  constraint personal_data_map_purpose_known check (purpose in ('assess', 'contact', 'find', 'improve', 'protect', 'work')),
  constraint personal_data_map_seen_by_known check (seen_by in ('handling_staff', 'beneficiary_and_staff', 'all_staff', 'nobody')),
  constraint personal_data_map_kept_known check (kept in ('retention', 'until_accepted', 'an_hour', 'membership')),
  -- emptied: ''; removed: null; dash: '—'; recomputed: derived again from the replaced fields;
  -- file_deleted: the file leaves Storage; row_deleted: the row goes; kept: stays (identifies no one alone).
  constraint personal_data_map_replacement_known check (replacement in (
    'emptied', 'removed', 'dash', 'recomputed', 'file_deleted', 'row_deleted', 'kept'))
);
alter table internal.personal_data_map enable row level security;
revoke all on internal.personal_data_map from anon, authenticated, service_role;
comment on table internal.personal_data_map is
  'The data map: every column holding personal data, with its purpose, audience, retention and replacement (PDPL Articles 4, 12, 18).';

insert into internal.personal_data_map (table_name, column_name, category, purpose, seen_by, kept, replacement) values
  ('public.support_requests', 'full_name', 'identity', 'assess', 'handling_staff', 'retention', 'emptied'),
  ('public.support_requests', 'national_id', 'identity', 'assess', 'handling_staff', 'retention', 'emptied'),
  ('public.support_requests', 'mobile', 'contact', 'contact', 'handling_staff', 'retention', 'emptied'),
  ('public.support_requests', 'email', 'contact', 'contact', 'handling_staff', 'retention', 'removed'),
  ('public.support_requests', 'city', 'circumstances', 'improve', 'handling_staff', 'retention', 'kept'),
  ('public.support_requests', 'description', 'circumstances', 'assess', 'handling_staff', 'retention', 'emptied'),
  ('public.support_requests', 'decision_note', 'decision', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  ('public.support_requests', 'search_text', 'identity', 'find', 'nobody', 'retention', 'recomputed'),
  ('public.request_events', 'note', 'conversation', 'assess', 'beneficiary_and_staff', 'retention', 'dash'),
  ('public.satisfaction_surveys', 'comment', 'feedback', 'improve', 'handling_staff', 'retention', 'removed'),
  ('public.request_documents', 'original_name', 'documents', 'assess', 'handling_staff', 'retention', 'dash'),
  ('public.request_documents', 'object_name', 'documents', 'assess', 'handling_staff', 'retention', 'file_deleted'),
  ('internal.document_uploads', 'original_name', 'documents', 'assess', 'nobody', 'until_accepted', 'row_deleted'),
  ('internal.outbox', 'recipient', 'contact', 'contact', 'nobody', 'retention', 'emptied'),
  ('internal.outbox', 'last_error', 'contact', 'contact', 'nobody', 'retention', 'removed'),
  ('internal.status_lookup_failures', 'client', 'connection', 'protect', 'nobody', 'an_hour', 'row_deleted'),
  ('internal.private_link_failures', 'client_hash', 'connection', 'protect', 'nobody', 'an_hour', 'row_deleted'),
  ('public.staff', 'full_name', 'staff', 'work', 'all_staff', 'membership', 'kept');
