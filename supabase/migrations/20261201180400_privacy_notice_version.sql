/*
 * Consent to a known notice (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights";
 * PDPL Articles 4 and 12): the privacy notice is content editors change in the CMS, and its version
 * is the first 12 hex digits of the SHA-256 of its text in both languages, computed at build time
 * (src/build/privacy-notice-version.mjs), so every change makes a new one. Each request records the
 * version its beneficiary accepted and when. The two ways of submitting take it as one more
 * parameter of their overloads (20261201140100_contact_preferences.sql), which hand it to the
 * insert trigger for the transaction, as they do the choice of messages.
 */

alter table public.support_requests
  add column privacy_notice_version text,
  add column privacy_accepted_at timestamptz,
  add constraint support_requests_privacy_notice_version_format
    check (privacy_notice_version is null or privacy_notice_version ~ '^[0-9a-f]{12}$'),
  add constraint support_requests_privacy_accepted_with_version
    check ((privacy_notice_version is null) = (privacy_accepted_at is null));
comment on column public.support_requests.privacy_notice_version is
  'The privacy notice the beneficiary accepted (its version as the site published it); null for requests made before notices were versioned.';
comment on column public.support_requests.privacy_accepted_at is 'When the beneficiary accepted that notice: the submission.';

/** Hands the accepted notice's version to the insert trigger below, for this transaction; refuses a malformed one. */
create function internal.accept_privacy_notice(p_version text) returns void
language plpgsql volatile set search_path = '' as $$
begin
  if p_version is not null and p_version !~ '^[0-9a-f]{12}$' then
    perform internal.refuse('privacy_notice_version_format', 'privacy_consent');
  end if;
  perform set_config('irtiqaa.privacy_notice_version', coalesce(p_version, ''), true);
end;
$$;

create function internal.support_requests_privacy_notice() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.privacy_notice_version := nullif(current_setting('irtiqaa.privacy_notice_version', true), '');
  new.privacy_accepted_at := case when new.privacy_notice_version is not null then new.created_at end;
  return new;
end;
$$;

create trigger support_requests_privacy_notice before insert on public.support_requests
  for each row execute function internal.support_requests_privacy_notice();

/* The two overloads again, with the version (null: a caller that sends none, as before). */
drop function public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, boolean, boolean, text, timestamptz);
drop function public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, boolean, boolean);

create function public.submit_support_request(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_messages_by_sms boolean, p_messages_by_email boolean,
  p_honeypot text default '', p_form_started_at timestamptz default null, p_privacy_notice_version text default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  receipt jsonb;
begin
  perform internal.refuse_read_only_call();
  perform internal.accept_privacy_notice(p_privacy_notice_version);
  perform internal.choose_contact(p_messages_by_sms, p_messages_by_email);
  receipt := public.submit_support_request(
    p_full_name => p_full_name, p_national_id => p_national_id, p_mobile => p_mobile, p_email => p_email,
    p_city => p_city, p_category => p_category, p_request_type => p_request_type, p_description => p_description,
    p_preferred_channel => p_preferred_channel, p_locale => p_locale, p_accuracy_confirmed => p_accuracy_confirmed,
    p_privacy_consent => p_privacy_consent, p_declaration_version => p_declaration_version,
    p_idempotency_key => p_idempotency_key, p_honeypot => p_honeypot, p_form_started_at => p_form_started_at);
  perform internal.choose_contact(null, null);
  perform internal.accept_privacy_notice(null);
  return receipt;
end;
$$;

create function public.register_request_on_behalf(
  p_full_name text, p_national_id text, p_mobile text, p_email text, p_city text, p_category text,
  p_request_type text, p_description text, p_preferred_channel text, p_locale text,
  p_accuracy_confirmed boolean, p_privacy_consent boolean, p_declaration_version text,
  p_idempotency_key uuid, p_intake_channel text, p_messages_by_sms boolean, p_messages_by_email boolean,
  p_privacy_notice_version text default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  receipt jsonb;
begin
  -- Staff first, as the function it wraps: nobody else learns how a notice version is checked.
  perform internal.require_staff(array['officer', 'supervisor']::public.staff_role[]);
  perform internal.refuse_read_only_call();
  perform internal.accept_privacy_notice(p_privacy_notice_version);
  perform internal.choose_contact(p_messages_by_sms, p_messages_by_email);
  receipt := public.register_request_on_behalf(
    p_full_name => p_full_name, p_national_id => p_national_id, p_mobile => p_mobile, p_email => p_email,
    p_city => p_city, p_category => p_category, p_request_type => p_request_type, p_description => p_description,
    p_preferred_channel => p_preferred_channel, p_locale => p_locale, p_accuracy_confirmed => p_accuracy_confirmed,
    p_privacy_consent => p_privacy_consent, p_declaration_version => p_declaration_version,
    p_idempotency_key => p_idempotency_key, p_intake_channel => p_intake_channel);
  perform internal.choose_contact(null, null);
  perform internal.accept_privacy_notice(null);
  return receipt;
end;
$$;

revoke all on function internal.accept_privacy_notice(text), internal.support_requests_privacy_notice()
  from public, anon, authenticated, service_role;
revoke all on function
  public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, boolean, boolean, text, timestamptz, text),
  public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, boolean, boolean, text)
  from public, anon, authenticated, service_role;
grant execute on function
  public.submit_support_request(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, boolean, boolean, text, timestamptz, text)
  to anon, authenticated, service_role;
grant execute on function
  public.register_request_on_behalf(text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, uuid, text, boolean, boolean, text)
  to authenticated;
