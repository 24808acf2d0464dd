/*
 * Who sees and changes requests: row-level security and grants. Active staff read every request
 * and its history; they change a request only through the workflow columns, which the triggers
 * of the workflow migration check. Nobody else reads a row.
 */

create policy "Active staff can read every request"
  on public.support_requests for select to authenticated
  using ((select internal.is_active_staff()));
create policy "Active staff can move requests through the workflow"
  on public.support_requests for update to authenticated
  using ((select internal.is_active_staff()))
  with check ((select internal.is_active_staff()));
create policy "Active staff can read the history of every request"
  on public.request_events for select to authenticated
  using ((select internal.is_active_staff()));

-- Staff change a request only through the workflow columns (checked by the trigger above).
grant select on public.support_requests to authenticated, service_role;
grant update (status, assigned_to) on public.support_requests to authenticated;
grant select on public.request_events to authenticated, service_role;
