// The zod the form schemas use, which the browser ships: zod/mini, zod's tree-shakeable build
// (functions in place of methods), so a form page carries only the checks it uses, about 7 KB
// gzip rather than classic zod's 24 KB (bench/forms/RESULTS.md). Content schemas run only at
// build time and in the CMS, with Astro's classic zod (./content.ts).
// Jitless: zod otherwise probes `new Function` on first parse, which the site's CSP (no
// 'unsafe-eval') refuses and reports as a violation on every form page.
// Import it as a namespace (`import * as z from './zod'`): member by member, the bundler keeps
// only what the schemas use.
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
