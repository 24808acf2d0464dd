-- A million requests and their history, generated in SQL for bench/staff/run.mjs (never in a
-- migration or the seed). Run after `set bench.rows = <n>`. What five years of an association
-- looks like: about 550 requests a day, the recent weeks still open (some overdue), older ones
-- decided and mostly closed; 6 % are a second request from someone who already asked (same
-- national ID and mobile); 24 staff work them. The workflow's own triggers are off (replica
-- mode), as in supabase/seed.sql; the search text, status tallies and "came back" times are kept by
-- their triggers (ALWAYS triggers).

-- Staff: 16 officers, 4 supervisors, 2 decision authorities, 2 admins (besides the seed's).
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', ('b0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
       'authenticated', 'authenticated', 'bench-staff-' || i || '@irtiqaa.local', '', now(),
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', 'موظف قياس ' || i), now(), now()
  from generate_series(1, 24) i;
insert into public.staff (user_id, full_name, role)
select ('b0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'موظف قياس ' || i,
       (case when i <= 16 then 'officer' when i <= 20 then 'supervisor' when i <= 22 then 'authority' else 'admin' end)::public.staff_role
  from generate_series(1, 24) i;

set session_replication_role = replica;

-- As a bulk load does (pg_restore), the secondary indexes are built once the rows are in: the
-- same definitions, read from the catalog here and run again at the end.
create temporary table bench_deferred_indexes as
select i.indexname, i.indexdef
  from pg_indexes i
 where i.schemaname = 'public' and i.tablename in ('support_requests', 'request_events')
   and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
do $$
declare
  deferred record;
begin
  for deferred in select indexname from bench_deferred_indexes loop
    execute format('drop index public.%I', deferred.indexname);
  end loop;
end;
$$;

-- People in order of their first request: the first name changes with each, the father's every 40,
-- and the family name (7 p) with each too, so a family's requests are spread over the five years as
-- real applicants' are (p / 1600 keeps every 48,000 names distinct). Before, a family name went to
-- runs of 1,600 people in a row, and a search for one walked 38,000 older decision dates first.
create temporary table bench_people as
select p,
       -- A valid national ID: nine digits, unique per person, and their Luhn check digit.
       nine || (10 - (select sum(case when k % 2 = 1 then (d * 2) / 10 + (d * 2) % 10 else d end)
                        from (select k, substr(nine, k, 1)::int as d from generate_series(1, 9) k) x) % 10) % 10 as national_id,
       '+9665' || lpad((p::bigint * 3571 % 100000000)::text, 8, '0') as mobile,
       (array['محمد','أحمد','عبدالله','عبدالرحمن','فهد','خالد','سعود','فيصل','سلطان','ناصر','تركي','بندر','إبراهيم','يوسف','عمر','علي',
              'فاطمة','نورة','سارة','ريم','هيا','لمى','نوف','جواهر','أمل','منيرة','العنود','حصة','مريم','آمنة','دانة','شهد',
              'مُحَمَّد','أسماء','Omar','Sarah','Ali','Hind','Layla','Yousef'])[1 + p % 40] || ' ' ||
       (array['محمد','عبدالله','عبدالعزيز','سعد','صالح','علي','حمد','ناصر','سليمان','إبراهيم','عبدالرحمن','خالد','فهد','سعود','منصور','عثمان',
              'حسن','حسين','ماجد','راشد','مساعد','زيد','بدر','طلال','نايف','مشعل','سامي','هاني','وليد','ياسر','عادل','جمال',
              'أحمد','يحيى','موسى','عيسى','Ahmed','Hassan','Khalid','Saad'])[1 + (p / 40) % 40] || ' ' ||
       (array['القحطاني','العتيبي','الشهري','الغامدي','الحربي','الدوسري','المطيري','الزهراني','العنزي','السبيعي','الشمري','البقمي',
              'السهلي','الرشيدي','الخالدي','الشمراني','العمري','الأحمدي','المالكي','الجهني','الزهراني','البلوي','العسيري','الحازمي',
              'اليامي','الهاجري','المري','آل سعيد','Al-Harbi','Haddad'])[1 + (p / 1600 + 7 * p) % 30] as full_name
  from (select p, '1' || lpad((p::bigint * 7919 % 100000000)::text, 8, '0') as nine
          from generate_series(1, current_setting('bench.rows')::int) p) people;
alter table bench_people add primary key (p);
analyze bench_people;

insert into public.support_requests (
  id, reference, created_at, updated_at, full_name, national_id, mobile, email, city, category, request_type, description,
  preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version, accuracy_confirmed_at,
  privacy_consent, status, status_changed_at, assigned_to, decision_due_from, decision_due_by, waiting_since,
  time_waiting, decided_at, decided_by, decision_note, registered_by)
select gen_random_uuid(), internal.new_reference(), created, changed, person.full_name, person.national_id, person.mobile,
       case when n % 3 = 0 then 'bench' || n || '@example.com' end,
       (array['الرياض','جدة','الدمام','مكة المكرمة','المدينة المنورة','أبها','تبوك','حائل'])[1 + n % 8],
       (enum_range(null::public.beneficiary_category))[1 + n % 5], (enum_range(null::public.request_type))[1 + n % 9],
       'طلب محمل لقياس الأداء: دعم دراسي لطالبين في المرحلة المتوسطة قبل الاختبارات', 'phone', intake, 'ar', true, 'bench', created, true,
       status, changed, case when status <> 'submitted' and n % 20 <> 0 then handler end,
       created + w.opens_after + waited, created + w.closes_after + waited,
       case when status = 'needs_info' then changed end, waited,
       case when status in ('accepted', 'rejected', 'registered', 'service_delivered', 'closed') then decided end,
       case when status in ('accepted', 'rejected', 'registered', 'service_delivered', 'closed') then 'b0000000-0000-4000-8000-000000000021'::uuid end,
       case when status = 'rejected' then 'الطلب خارج نطاق برامج الجمعية الحالية.' end,
       case when intake <> 'website' then handler end
  from (
    select n, created, intake, handler, waited,
           least(created + (14 + n % 27) * interval '1 day', now() - interval '1 hour') as decided,
           (case
              when age < 42 then (array['submitted','submitted','under_review','under_review','under_review','needs_info','escalated',
                                        'pending_decision','pending_decision','pending_decision','accepted','accepted','rejected','registered'])[1 + h % 14]
              when age < 120 then (array['under_review','pending_decision','needs_info','accepted','registered','registered','service_delivered',
                                         'service_delivered','service_delivered','closed','closed','closed','closed','rejected','rejected'])[1 + h % 15]
              else (array['closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed',
                          'closed','closed','closed','closed','closed','rejected','rejected','rejected'])[1 + h % 20]
            end)::public.request_status as status,
           least(created + age / 2 * interval '1 day', now()) as changed
      from (
        select n, age, (n::bigint * 7919 % 1000)::int as h,
               now() - age * interval '1 day' as created,
               (array['website','website','website','website','website','website','website','website','website','website','website',
                      'website','website','website','phone','phone','phone','interview','letter','representative'])[1 + n % 20]::public.channel as intake,
               -- The 22 who work requests: the seed's officer and supervisor and 20 bench staff.
               (array['5e1a0000-0000-4000-8000-000000000001', '5e1a0000-0000-4000-8000-000000000002']
                  || array(select 'b0000000-0000-4000-8000-' || lpad(i::text, 12, '0') from generate_series(1, 20) i))[1 + n % 22]::uuid as handler,
               case when n % 11 = 0 then interval '5 days' else interval '0' end as waited
          from (select n, (current_setting('bench.rows')::int - n) * (5 * 365.0 / current_setting('bench.rows')::int) + (n % 7) / 10.0 as age
                  from generate_series(1, current_setting('bench.rows')::int) n) ages
      ) facts
  ) request
  -- One request in 17 is a second request from an earlier applicant.
  join bench_people person on person.p = case when request.n % 17 = 0 and request.n > 40 then request.n - 1 - request.n % 37 else request.n end
  cross join internal.decision_window() w
-- References are 40 random bits: among a million, two alike is likely (about one run in three); that one is left out.
on conflict (reference) do nothing;

-- The history: submitted, every move on the way to the current status, the assignment, and a note on a third of them.
insert into public.request_events (request_id, created_at, kind, from_status, to_status, actor_id, actor_role, note, code, intake_channel)
select r.id, r.created_at, 'submitted', null, 'submitted', r.registered_by, case when r.registered_by is not null then 'officer'::public.staff_role end,
       null, case when r.registered_by is not null then 'registered_on_behalf'::public.request_event_code end,
       case when r.registered_by is not null then r.intake_channel end
  from public.support_requests r where r.accuracy_declaration_version = 'bench';

insert into public.request_events (request_id, created_at, kind, from_status, to_status, actor_id, actor_role, note)
select r.id, r.created_at + (r.status_changed_at - r.created_at) * step.k / cardinality(path.statuses), 'status_changed',
       path.statuses[step.k - 1]::public.request_status, path.statuses[step.k]::public.request_status,
       coalesce(r.assigned_to, 'b0000000-0000-4000-8000-000000000001'::uuid), 'officer',
       case path.statuses[step.k] when 'needs_info' then 'يرجى إرفاق إثبات القيد الدراسي.' when 'rejected' then r.decision_note end
  from public.support_requests r
  cross join lateral (select case r.status
      when 'submitted' then array['submitted']
      when 'under_review' then array['submitted', 'under_review']
      when 'needs_info' then array['submitted', 'under_review', 'needs_info']
      when 'escalated' then array['submitted', 'under_review', 'escalated']
      when 'pending_decision' then array['submitted', 'under_review', 'pending_decision']
      when 'accepted' then array['submitted', 'under_review', 'pending_decision', 'accepted']
      when 'rejected' then array['submitted', 'under_review', 'pending_decision', 'rejected']
      when 'registered' then array['submitted', 'under_review', 'pending_decision', 'accepted', 'registered']
      when 'service_delivered' then array['submitted', 'under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered']
      else array['submitted', 'under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered', 'closed'] end as statuses) path
  cross join lateral generate_series(2, cardinality(path.statuses)) step (k)
 where r.accuracy_declaration_version = 'bench';

insert into public.request_events (request_id, created_at, kind, actor_id, actor_role, assigned_to)
select r.id, r.created_at + interval '1 day', 'assigned', r.assigned_to, 'officer', r.assigned_to
  from public.support_requests r where r.accuracy_declaration_version = 'bench' and r.assigned_to is not null;

insert into public.request_events (request_id, created_at, kind, actor_id, actor_role, note)
select r.id, r.created_at + interval '2 days', 'note', r.assigned_to, 'officer', 'اتصلت بالمستفيد وأكد البيانات.'
  from public.support_requests r where r.accuracy_declaration_version = 'bench' and r.assigned_to is not null
   and r.created_at < now() - interval '2 days' and abs(hashtext(r.id::text)) % 3 = 0;

-- What came back from the beneficiary: one open request in nine waited on them and came back to review.
insert into public.request_events (request_id, created_at, kind, from_status, to_status, actor_id, actor_role, note)
select r.id, r.status_changed_at - interval '1 day' * step.k, 'status_changed', step.from_status, step.to_status,
       'b0000000-0000-4000-8000-000000000002'::uuid, 'officer', case when step.k = 2 then 'يرجى إرفاق إثبات القيد الدراسي.' end
  from public.support_requests r
  cross join (values (2, 'under_review'::public.request_status, 'needs_info'::public.request_status),
                     (1, 'needs_info'::public.request_status, 'under_review'::public.request_status)) step (k, from_status, to_status)
 where r.accuracy_declaration_version = 'bench' and r.status = 'under_review' and abs(hashtext(r.id::text)) % 9 = 0;

set session_replication_role = origin;
drop table bench_people;

set maintenance_work_mem = '256MB';
do $$
declare
  deferred record;
begin
  for deferred in select indexdef from bench_deferred_indexes loop
    execute deferred.indexdef;
  end loop;
end;
$$;
drop table bench_deferred_indexes;
