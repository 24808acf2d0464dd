// The one zod the site uses. Jitless: zod otherwise probes `new Function` on first parse, which
// the site's CSP (no 'unsafe-eval') refuses and reports as a violation on every form page.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
