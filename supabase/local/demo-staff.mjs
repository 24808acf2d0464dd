// The demo staff accounts that supabase/seed.sql creates (local stack only, never on a hosted
// project), each with a verified TOTP factor whose secret is fixed here so a developer can sign in
// without a phone: `npm run totp -- officer` prints the current code, and the tests compute codes
// the same way. tests/db/seed.test.ts holds the seed to these values. Each secret is the base32 of
// the first 20 bytes of `irtiqaa-demo-<account>-totp-key`.
import { Secret, TOTP } from 'otpauth';

export const DEMO_STAFF = {
  officer: { email: 'officer@irtiqaa.local', password: 'demo-officer-2026', name: 'نورة القحطاني', totpSecret: 'NFZHI2LRMFQS2ZDFNVXS233GMZUWGZLS' },
  supervisor: { email: 'supervisor@irtiqaa.local', password: 'demo-supervisor-2026', name: 'خالد العتيبي', totpSecret: 'NFZHI2LRMFQS2ZDFNVXS243VOBSXE5TJ' },
  authority: { email: 'authority@irtiqaa.local', password: 'demo-authority-2026', name: 'د. سارة الشهري', totpSecret: 'NFZHI2LRMFQS2ZDFNVXS2YLVORUG64TJ' },
  admin: { email: 'admin@irtiqaa.local', password: 'demo-admin-2026', name: 'عبدالله الحربي', totpSecret: 'NFZHI2LRMFQS2ZDFNVXS2YLENVUW4LLU' },
  former: { email: 'former@irtiqaa.local', password: 'demo-former-2026', name: 'ريم الدوسري', totpSecret: 'NFZHI2LRMFQS2ZDFNVXS2ZTPOJWWK4RN' },
};

/** The 6-digit code an authenticator app shows for `secret` at `at` (ms), as GoTrue checks it: SHA1, 30 s. */
export function totpCode(secret, at = Date.now()) {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}
