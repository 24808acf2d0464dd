// `npm run totp -- officer`: the current sign-in code of a demo staff account (local stack only),
// what its authenticator app would show. Without an argument, every demo account's code.
import { DEMO_STAFF, totpCode } from '../supabase/local/demo-staff.mjs';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !Object.hasOwn(DEMO_STAFF, name));
if (unknown.length) {
  console.error(`No demo account ${unknown.join(', ')}. Choose one of: ${Object.keys(DEMO_STAFF).join(', ')}.`);
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
for (const name of names.length ? names : Object.keys(DEMO_STAFF)) {
  console.log(`${name.padEnd(10)} ${DEMO_STAFF[name].email.padEnd(26)} ${totpCode(DEMO_STAFF[name].totpSecret)}`);
}
console.log(`(valid for ${secondsLeft} more seconds, and 30 seconds after that)`);
