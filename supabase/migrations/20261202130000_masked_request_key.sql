/*
 * A request as staff receive it from a function also leaves out the submission's idempotency key
 * (20261202100000_masking.sql left it in): whoever holds the key can submit again with it and get
 * the receipt back with a new private link (internal.earlier_receipt), whose page copies the full
 * national ID and mobile. Staff hold no select on the column; the functions now hand out null.
 */
create or replace function internal.masked_request(r public.support_requests) returns public.support_requests
language plpgsql immutable set search_path = '' as $$
begin
  r.national_id := r.national_id_masked;
  r.mobile := r.mobile_masked;
  r.search_text := '';
  r.idempotency_key := null;
  return r;
end;
$$;
revoke all on function internal.masked_request(public.support_requests) from public, anon, authenticated, service_role;
