/*
 * Local demo data (never for a hosted project): one staff member per role, about 40 requests
 * over the last 10 weeks in every status (some overdue), and satisfaction surveys.
 * Demo sign-in (local stack only; also in README.md):
 *   officer@irtiqaa.local     demo-officer-2026     relations officer
 *   supervisor@irtiqaa.local  demo-supervisor-2026  supervisor
 *   authority@irtiqaa.local   demo-authority-2026   authorised decision-maker
 *   admin@irtiqaa.local       demo-admin-2026       admin
 *   former@irtiqaa.local      demo-former-2026      a deactivated officer
 * The history is written as it would have happened, so the workflow triggers are switched off
 * for this session only (replica mode) and the events are inserted alongside.
 */

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id::uuid, 'authenticated', 'authenticated', email,
       extensions.crypt(password, extensions.gen_salt('bf', 10)), now() - interval '90 days',
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', full_name),
       now() - interval '90 days', now() - interval '90 days'
  from (values
    ('5e1a0000-0000-4000-8000-000000000001', 'officer@irtiqaa.local', 'demo-officer-2026', 'نورة القحطاني'),
    ('5e1a0000-0000-4000-8000-000000000002', 'supervisor@irtiqaa.local', 'demo-supervisor-2026', 'خالد العتيبي'),
    ('5e1a0000-0000-4000-8000-000000000003', 'authority@irtiqaa.local', 'demo-authority-2026', 'د. سارة الشهري'),
    ('5e1a0000-0000-4000-8000-000000000004', 'admin@irtiqaa.local', 'demo-admin-2026', 'عبدالله الحربي'),
    ('5e1a0000-0000-4000-8000-000000000005', 'former@irtiqaa.local', 'demo-former-2026', 'ريم الدوسري')
  ) as demo (id, email, password, full_name);

insert into public.staff (user_id, full_name, role, active, created_at, updated_at)
select u.id, u.raw_user_meta_data ->> 'full_name', s.role::public.staff_role, s.active, u.created_at, u.created_at
  from (values
    ('officer@irtiqaa.local', 'officer', true),
    ('supervisor@irtiqaa.local', 'supervisor', true),
    ('authority@irtiqaa.local', 'authority', true),
    ('admin@irtiqaa.local', 'admin', true),
    ('former@irtiqaa.local', 'officer', false)
  ) as s (email, role, active)
  join auth.users u on u.email = s.email;

set session_replication_role = replica;

do $seed$
declare
  officer constant uuid := '5e1a0000-0000-4000-8000-000000000001';
  supervisor constant uuid := '5e1a0000-0000-4000-8000-000000000002';
  authority constant uuid := '5e1a0000-0000-4000-8000-000000000003';
  -- Final status of each demo request, newest first (ages run from 1 to 70 days).
  finals constant text[] := array[
    'submitted', 'submitted', 'under_review', 'submitted', 'needs_info', 'under_review', 'escalated', 'submitted',
    'pending_decision', 'under_review', 'needs_info', 'accepted', 'pending_decision', 'escalated', 'rejected', 'under_review',
    'accepted', 'registered', 'pending_decision', 'rejected', 'service_delivered', 'needs_info', 'accepted', 'registered',
    'under_review', 'closed', 'pending_decision', 'service_delivered', 'rejected', 'registered', 'escalated', 'closed',
    'closed', 'service_delivered', 'pending_decision', 'closed', 'accepted', 'rejected', 'closed', 'registered'];
  first_names constant text[] := array['محمد', 'فاطمة', 'عبدالرحمن', 'نوف', 'سلمان', 'هيا', 'ياسر', 'لمى', 'Omar', 'Aisha'];
  family_names constant text[] := array['العنزي', 'الغامدي', 'الزهراني', 'المطيري', 'الشمري', 'القرني', 'Al-Harbi', 'Siddiqui'];
  cities constant text[] := array['الرياض', 'جدة', 'الدمام', 'مكة المكرمة', 'المدينة المنورة', 'أبها', 'تبوك', 'حائل'];
  categories constant public.beneficiary_category[] := enum_range(null::public.beneficiary_category);
  -- Every request type but 'other'.
  types constant public.request_type[] := array_remove(enum_range(null::public.request_type), 'other');
  channels constant public.channel[] := array['website', 'phone', 'interview', 'letter', 'social_media']::public.channel[];
  descriptions constant text[] := array[
    'أحتاج إلى دروس تقوية في مادة الرياضيات لابني في الصف الثالث المتوسط قبل الاختبارات النهائية.',
    'نطلب دعماً بالأدوات المدرسية لثلاثة أطفال في المرحلة الابتدائية مع بداية الفصل الدراسي.',
    'I would like to enrol in the English teaching skills course announced on your website this term.',
    'أرغب في الحصول على مساعدة في الرسوم الدراسية للفصل القادم بسبب ظروف الأسرة المادية.',
    'ابنتي تحتاج إلى جلسات إرشاد أكاديمي لاختيار التخصص المناسب في المرحلة الثانوية.',
    'نود التعاون مع الجمعية في برنامج تدريب المعلمين على التعليم الرقمي في مدرستنا.'];
  policy_window record;
  final_status text;
  path text[];
  step internal.request_statuses;
  created timestamptz;
  age_days numeric;
  step_at timestamptz;
  decided timestamptz;
  request uuid;
  ref text;
  nine text;
  check_digit int;
  national_id text;
  prev text;
  actor uuid;
  actor_role public.staff_role;
begin
  perform setseed(0.2026);
  select * into policy_window from internal.decision_window();
  for i in 1..40 loop
    final_status := finals[i];
    age_days := 1 + (i - 1) * 69.0 / 39 + random() * 0.5;
    created := now() - make_interval(secs => age_days * 86400);
    path := case final_status
      when 'submitted' then array['submitted']
      when 'under_review' then array['submitted', 'under_review']
      when 'needs_info' then array['submitted', 'under_review', 'needs_info']
      when 'escalated' then array['submitted', 'under_review', 'escalated']
      when 'pending_decision' then array['submitted', 'under_review', 'pending_decision']
      when 'accepted' then array['submitted', 'under_review', 'pending_decision', 'accepted']
      when 'rejected' then array['submitted', 'under_review', 'escalated', 'pending_decision', 'rejected']
      when 'registered' then array['submitted', 'under_review', 'pending_decision', 'accepted', 'registered']
      when 'service_delivered' then array['submitted', 'under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered']
      else array['submitted', 'under_review', 'pending_decision', 'accepted', 'registered', 'service_delivered', 'closed']
    end;

    -- A valid national ID (1...) or iqama (2...): nine digits and their Luhn check digit.
    nine := (case when i % 4 = 0 then '2' else '1' end) || lpad((floor(random() * 1e8))::bigint::text, 8, '0');
    check_digit := (10 - (select sum(case when k % 2 = 1 then (d * 2) / 10 + (d * 2) % 10 else d end)
                            from (select k, substr(nine, k, 1)::int as d from generate_series(1, 9) k) x) % 10) % 10;
    national_id := nine || check_digit;
    ref := internal.new_reference();
    request := gen_random_uuid();
    -- Decisions come 14 to 40 days after submission; two came late.
    decided := created + make_interval(days => least(greatest(14, age_days::int - 3), 14 + (i * 7) % 27) + case when i in (29, 38) then 30 else 0 end);

    insert into public.support_requests (
      id, reference, created_at, updated_at, full_name, national_id, mobile, email, city, category, request_type,
      description, preferred_channel, intake_channel, locale, accuracy_confirmed, accuracy_declaration_version,
      accuracy_confirmed_at, privacy_consent, status, status_changed_at, assigned_to,
      decision_due_from, decision_due_by, waiting_since, decided_at, decided_by, decision_note, registered_by
    ) values (
      request, ref, created, created,
      first_names[1 + i % 10] || ' ' || first_names[1 + (i * 3) % 10] || ' ' || family_names[1 + i % 8],
      national_id, '+9665' || lpad((10000000 + i * 1234567 % 89999999)::text, 8, '0'),
      case when i % 3 = 0 then 'demo' || i || '@example.com' end,
      cities[1 + i % 8], categories[1 + i % cardinality(categories)], types[1 + i % cardinality(types)], descriptions[1 + i % 6],
      channels[1 + i % 5], case when i % 7 = 0 then 'phone'::public.channel else 'website' end,
      case when i % 5 = 0 then 'en' else 'ar' end, true, '2026-11-policy-step-4', created, true,
      final_status::public.request_status, created, case when i % 4 <> 1 and final_status <> 'submitted' then officer end,
      created + policy_window.opens_after, created + policy_window.closes_after, null, null, null,
      case when final_status = 'rejected' then 'الطلب خارج نطاق برامج الجمعية الحالية، مع الإحالة إلى الجهة المختصة.' end,
      case when i % 7 = 0 then officer end
    );
    insert into public.request_events (request_id, created_at, kind, to_status, actor_id, actor_role, code, intake_channel)
    values (request, created, 'submitted', 'submitted',
            case when i % 7 = 0 then officer end, case when i % 7 = 0 then 'officer'::public.staff_role end,
            case when i % 7 = 0 then 'registered_on_behalf'::public.request_event_code end,
            case when i % 7 = 0 then 'phone'::public.channel end);

    prev := 'submitted';
    step_at := created;
    for s in 2..coalesce(array_length(path, 1), 1) loop
      select * into step from internal.request_statuses where status = path[s]::public.request_status;
      if step.is_decision then
        step_at := least(decided, now() - interval '2 hours');
      elsif not step.awaits_decision then
        step_at := step_at + (now() - step_at) / 3;
      else
        step_at := step_at + least(interval '3 days', (least(decided, now()) - step_at) / 3);
      end if;
      -- The first role the workflow lets make the move.
      select t.roles[1] into actor_role from internal.request_transitions t
       where t.from_status = prev::public.request_status and t.to_status = path[s]::public.request_status;
      actor := case actor_role when 'authority' then authority when 'supervisor' then supervisor else officer end;
      insert into public.request_events (request_id, created_at, kind, from_status, to_status, actor_id, actor_role, note)
      values (request, step_at, 'status_changed', prev::public.request_status, path[s]::public.request_status, actor, actor_role,
              case path[s]
                when 'needs_info' then 'يرجى إرفاق إثبات القيد الدراسي للفصل الحالي.'
                when 'escalated' then 'حالة غير واضحة: تحال إلى المشرف.'
                when 'rejected' then 'الطلب خارج نطاق برامج الجمعية الحالية، مع الإحالة إلى الجهة المختصة.'
              end);
      update public.support_requests
         set status_changed_at = step_at,
             waiting_since = case when step.pauses_decision_clock then step_at end,
             decided_at = case when step.is_decision then step_at else decided_at end,
             decided_by = case when step.is_decision then actor else decided_by end,
             decision_note = case path[s]
               when 'accepted' then 'مستوفٍ للشروط.'
               when 'rejected' then 'الطلب خارج نطاق برامج الجمعية الحالية، مع الإحالة إلى الجهة المختصة.'
               else decision_note end,
             updated_at = step_at
       where id = request;
      prev := path[s];
    end loop;
  end loop;

  -- Surveys: most after delivered or closed requests, some anonymous; two low scores with a follow-up.
  insert into public.satisfaction_surveys (id, created_at, request_id, channel, overall, courtesy, clarity, speed, ease, recommend, comment, locale)
  select gen_random_uuid(), greatest(r.status_changed_at, now() - interval '60 days') + interval '1 day', r.id, r.preferred_channel,
         5 - (row_number() over (order by r.created_at))::int % 2, 5, 4, 3 + (row_number() over (order by r.created_at))::int % 3, 4, 9,
         'شكراً على حسن التعامل وسرعة الرد.', r.locale
    from public.support_requests r
   where r.status in ('service_delivered', 'closed', 'registered');
  insert into public.satisfaction_surveys (created_at, channel, overall, courtesy, clarity, speed, ease, recommend, comment, locale)
  select now() - make_interval(days => n * 6), 'website', 3 + n % 3, 4 + n % 2, 4, 3, 5, 6 + n % 5, null, case when n % 2 = 0 then 'ar' else 'en' end
    from generate_series(1, 8) n;
  with low as (
    insert into public.satisfaction_surveys (created_at, request_id, channel, overall, courtesy, clarity, speed, ease, recommend, comment, locale)
    select now() - interval '2 days', r.id, 'phone', 2, 3, 2, 1, 2, 3, 'تأخر الرد على اتصالاتي.', 'ar'
      from public.support_requests r where r.status = 'rejected' order by r.created_at limit 2
    returning id, request_id, created_at
  )
  insert into public.request_events (request_id, created_at, kind, code, note, survey_id)
  select request_id, created_at, 'follow_up', 'low_satisfaction_score', 'low_satisfaction_score', id from low;
end;
$seed$;

set session_replication_role = origin;
