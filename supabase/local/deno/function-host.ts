// Runs one Edge Function in Deno for the local stack, as Supabase's edge runtime runs a user
// worker: the function's own `Deno.serve(handler)` (or `export default { fetch }`) is bound to
// the private Unix socket the gateway proxies to, whatever port it asked for.
// `deno run ... function-host.ts <socket path> <entry file URL>`; prints READY once listening.
const READY = 'irtiqaa-function-host:ready';
const [socketPath, entryUrl] = Deno.args;

type Handler = (request: Request, info: unknown) => Response | Promise<Response>;
const realServe = Deno.serve.bind(Deno);
let serving: ReturnType<typeof Deno.serve> | null = null;

// A handler that throws answers as the hosted runtime does (500 "Internal Server Error"; the
// gateway adds `sb-error-code: EDGE_FUNCTION_ERROR`), and the error goes to the function's log.
function guarded(handler: Handler): Handler {
  return async (request, info) => {
    try {
      return await handler(request, info);
    } catch (error) {
      console.error(error);
      return new Response('Internal Server Error', { status: 500 });
    }
  };
}

function bind(handler: Handler) {
  if (serving) throw new Error('Deno.serve was called twice: an Edge Function serves one handler');
  serving = realServe({ path: socketPath, onListen: () => console.log(READY) }, guarded(handler));
  return serving;
}

function handlerOf(args: unknown[]): Handler {
  const [first, second] = args as [unknown, unknown];
  if (typeof first === 'function') return first as Handler;
  if (typeof second === 'function') return second as Handler;
  const fromOptions = (first as { handler?: unknown } | undefined)?.handler;
  if (typeof fromOptions === 'function') return fromOptions as Handler;
  throw new TypeError('Deno.serve needs a handler');
}

Object.defineProperty(Deno, 'serve', { value: (...args: unknown[]) => bind(handlerOf(args)), configurable: true });

const module = await import(entryUrl);
const declared = module.default?.fetch;
if (!serving && typeof declared === 'function') bind(declared.bind(module.default));
if (!serving) {
  console.error('could not find an appropriate entrypoint: the function neither calls Deno.serve nor exports default { fetch }');
  Deno.exit(1);
}
