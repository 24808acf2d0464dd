// Before the e2e suite, after its stack has started: the staff accounts of each worker slot but the
// first (tests/support/staff-accounts.ts), as supabase/seed.sql makes the demo ones.
import { DEMO_ROLES, E2E_WORKERS, staffOfSlot, type DemoStaff } from '../support/staff-accounts';
import { withDb } from '../db/support/clients';

export default async function createSlotStaff() {
  await withDb(async (db) => {
    for (let slot = 1; slot < E2E_WORKERS; slot++) {
      for (const [who, account] of Object.entries(staffOfSlot(slot))) {
        const { role, active } = DEMO_ROLES[who as DemoStaff];
        await db.query(
          `with member as (
             insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                     raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
             values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
                     extensions.crypt($2, extensions.gen_salt('bf', 4)), now(),
                     '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', $3::text), now(), now())
             returning id
           ), profile as (
             insert into public.staff (user_id, full_name, role, active) select id, $3, $4::public.staff_role, $5 from member
           )
           insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
           select gen_random_uuid(), id, 'Demo authenticator', 'totp', 'verified', now(), now(), $6 from member`,
          [account.email, account.password, account.name, role, active, account.totpSecret],
        );
      }
    }
  });
}
