// The e2e specs run side by side (playwright.config.ts), and a sign-out ends every session of its
// account: each worker acts with staff accounts of its own. The worker in slot 0 has the seed's demo
// accounts; slot k has copies of them made by tests/e2e/global-setup.ts, same roles and authenticator
// secrets, other emails and names. Two workers running at once never share a slot. Outside
// Playwright (the Vitest suites) there is one slot: the demo accounts.
import { availableParallelism } from 'node:os';
import { DEMO_STAFF } from '../../supabase/local/demo-staff.mjs';

export type DemoStaff = keyof typeof DEMO_STAFF;
export type StaffAccount = (typeof DEMO_STAFF)[DemoStaff];

/**
 * How many e2e workers run at once (playwright.config.ts: half for the specs that sign staff in),
 * and so how many sets of accounts exist. The e2e suite is bound by the processor (Chromium's
 * rendering): on 2 cores four workers took as long as two, each test twice as long; so one pair per
 * 2 cores, up to two pairs.
 */
export const E2E_WORKERS = Math.min(4, Math.max(2, 2 * Math.floor(availableParallelism() / 2)));

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** The accounts of this process's worker slot. */
export const slotStaff = () => staffOfSlot(Number(process.env.TEST_PARALLEL_INDEX ?? 0));

export function staffOfSlot(slot: number): Record<DemoStaff, StaffAccount> {
  if (slot === 0) return DEMO_STAFF;
  return Object.fromEntries(
    Object.entries(DEMO_STAFF).map(([who, account]) => [
      who,
      { ...account, email: `${who}.${slot}@e2e.irtiqaa.local`, password: `${account.password}-${slot}`, name: `${account.name} ${ARABIC_DIGITS[slot + 1]}` },
    ]),
  ) as Record<DemoStaff, StaffAccount>;
}
