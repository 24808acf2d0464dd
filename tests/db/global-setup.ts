// Starts one fresh embedded stack (`stack.mjs --ephemeral`) for the "db" project and stops it
// afterwards. Ports follow IRTIQAA_PORT_OFFSET, so a developer's own stack can keep running.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiUrl } from '../../config/ports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function waitForHealth(stack: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (stack.exitCode !== null) throw new Error(`The test stack exited (${stack.exitCode}):\n${output()}`);
    const healthy = await fetch(`${apiUrl}/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The test stack did not answer at ${apiUrl}/health:\n${output()}`);
}

export default async function setup() {
  const stack = spawn(process.execPath, ['supabase/local/stack.mjs', '--ephemeral'], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  stack.stdout!.on('data', (c) => (log += c));
  stack.stderr!.on('data', (c) => (log += c));
  await waitForHealth(stack, () => log);

  return async function teardown() {
    if (stack.exitCode !== null) return;
    const exited = new Promise((r) => stack.once('exit', r));
    stack.kill('SIGTERM');
    await exited;
  };
}
