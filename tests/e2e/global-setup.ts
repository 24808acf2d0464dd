// Before the e2e suite, after its stack has started: the staff accounts of each worker slot but the
// first (tests/support/staff-accounts.ts), each with the role and state its demo account has in
// supabase/seed.sql, as the seed makes them.
import { E2E_WORKERS, staffOfSlot, type DemoStaff } from '../support/staff-accounts';
import { DEMO_STAFF } from '../../supabase/local/demo-staff.mjs';
import { withDb } from '../db/support/clients';

export default async function createSlotStaff() {
  await withDb(async (db) => {
    for (let slot = 1; slot < E2E_WORKERS; slot++) {
      for (const [who, account] of Object.entries(staffOfSlot(slot))) {
        await db.query(
          `with member as (
             insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                     raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
             values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
                     extensions.crypt($2, extensions.gen_salt('bf', 4)), now(),
                     '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', $3::text), now(), now())
             returning id
           ), profile as (
             insert into public.staff (user_id, full_name, role, active)
             select member.id, $3, demo.role, demo.active
               from member, public.staff demo join auth.users u on u.id = demo.user_id where u.email = $4
           )
           insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
           select gen_random_uuid(), id, 'Demo authenticator', 'totp', 'verified', now(), now(), $5 from member`,
          [account.email, account.password, account.name, DEMO_STAFF[who as DemoStaff].email, account.totpSecret],
        );
      }
    }
  });
}
