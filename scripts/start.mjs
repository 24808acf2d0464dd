// `npm start`: the whole portal on the embedded local stack: Supabase-compatible API (seeded
// with demo data and staff), the Astro dev server, and decap-server for the CMS's local backend.
import { spawn } from 'node:child_process';

const children = [
  ['stack', 'node', ['supabase/local/stack.mjs']],
  ['site', 'npx', ['astro', 'dev']],
  ['cms', 'npx', ['decap-server']],
].map(([name, command, args]) => {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env });
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
