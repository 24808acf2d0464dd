// `npm start`: the whole portal on the embedded local stack: Supabase-compatible API (seeded
// with demo data and staff), the Astro dev server, and decap-server for the CMS's local backend.
import { spawn } from 'node:child_process';
import { apiUrl, ports } from '../config/ports.mjs';

const children = [
  ['stack', 'node', ['supabase/local/stack.mjs']],
  // The islands talk to this stack, also when IRTIQAA_PORT_OFFSET moves it.
  ['site', 'npx', ['astro', 'dev'], { PUBLIC_SUPABASE_URL: process.env.PUBLIC_SUPABASE_URL ?? apiUrl }],
  // decap-server writes edits straight into content/ and public/uploads/ of this checkout; its port
  // is the one /admin/'s local_backend points at (ports.decap).
  ['cms', 'npx', ['decap-server'], { PORT: String(ports.decap), BIND_HOST: '127.0.0.1' }],
].map(([name, command, args, extraEnv = {}]) => {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] stopped (${signal ?? code}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on('exit', r))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
