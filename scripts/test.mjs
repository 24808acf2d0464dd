// `npm test`: every test the project has, on a fresh machine. Three lanes side by side, as they
// wait on different things: the type check (`astro check`: every .ts, .tsx and .astro file, UI
// string keys included) and then the site's build; the database tests against one fresh embedded
// stack; the unit tests and the database tests that start stacks of their own. Then the end-to-end
// suite runs in real Chromium against the built site and another fresh stack.
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { run, runSideBySide } from './lib/run.mjs';

// Tests use their own ports, so they can run beside a developer's `npm start`.
process.env.IRTIQAA_PORT_OFFSET ??= '1000';
const { apiUrl } = await import('../config/ports.mjs');
const env = { ...process.env, PUBLIC_SUPABASE_URL: process.env.PUBLIC_SUPABASE_URL ?? apiUrl };

ensureChromium();
await runSideBySide([
  async () => {
    await run('npx', ['astro', 'check'], { env, label: 'check' });
    await run('npx', ['astro', 'build'], { env, label: 'build' });
  },
  () => run('npx', ['vitest', 'run', '--project', 'db'], { env, label: 'db' }),
  () => run('npx', ['vitest', 'run', '--project', 'unit', '--project', 'own stacks'], { env, label: 'unit' }),
]);
await run('npx', ['playwright', 'test'], { env });
