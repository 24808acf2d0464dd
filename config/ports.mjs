// Ports of the embedded local stack and the site beside it, shared by the stack, the site build,
// the tests and the benches. IRTIQAA_PORT_OFFSET shifts them all, so that two stacks (a
// developer's `npm start` and a test run, say) can run side by side.
/** The ports of a stack started with IRTIQAA_PORT_OFFSET=offset (tests and benches start their own). */
export function portsFor(offset) {
  return {
    /** The gateway: the only port the browser talks to, as on Supabase's local stack. */
    api: 54321 + offset,
    db: 54322 + offset,
    postgrest: 54323 + offset,
    /** The local mail inbox (maildev): its web page and REST API, as Mailpit's on `supabase start`. */
    inbox: 54324 + offset,
    /** The inbox's SMTP server, which local email and SMS are delivered to. */
    smtp: 54325 + offset,
    /** Reserved for the Edge Function runtime: it listens on private Unix sockets instead (only the gateway reaches them). */
    functions: 54327 + offset,
    site: 4321 + offset,
    decap: 8081 + offset,
    /** dist/ served as a static host would, with its _headers (e2e checks the real CSP there). */
    staticHost: 4325 + offset,
  };
}

export const ports = portsFor(Number(process.env.IRTIQAA_PORT_OFFSET ?? 0));

export const apiUrl = `http://127.0.0.1:${ports.api}`;
export const siteUrl = `http://127.0.0.1:${ports.site}`;
export const inboxUrl = `http://127.0.0.1:${ports.inbox}`;
export const staticHostUrl = `http://127.0.0.1:${ports.staticHost}`;
