// `npm test`: every test the project has, on a fresh machine. The type check first (`astro check`:
// every .ts, .tsx and .astro file, UI string keys included), then unit and database tests
// (Vitest, against a fresh embedded stack), then the site is built and the end-to-end suite runs
// in real Chromium against it and another fresh stack.
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { run } from './lib/run.mjs';

// Tests use their own ports, so they can run beside a developer's `npm start`.
process.env.IRTIQAA_PORT_OFFSET ??= '1000';
const { apiUrl } = await import('../config/ports.mjs');
const env = { ...process.env, PUBLIC_SUPABASE_URL: process.env.PUBLIC_SUPABASE_URL ?? apiUrl };

ensureChromium();
await run('npx', ['astro', 'check'], { env });
await run('npx', ['vitest', 'run'], { env });
await run('npx', ['astro', 'build'], { env });
await run('npx', ['playwright', 'test'], { env });
