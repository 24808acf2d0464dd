// The local mail inbox, in the role Mailpit plays for `supabase start`: the real SMTP server and
// web inbox of the npm package `maildev`, as a child process of its own (so it can die and be
// restarted like PostgreSQL), its messages kept in the stack's data folder.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectOutput } from './child-output.mjs';

const MAILDEV_CLI = path.join(path.dirname(fileURLToPath(import.meta.resolve('maildev'))), 'bin/maildev.js');
const START_TIMEOUT_MS = 30_000;

/** Resolves true when the inbox's REST API answers. */
export function inboxAnswers(inboxUrl) {
  return fetch(`${inboxUrl}/api/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
}

/**
 * Spawns maildev and resolves { child, exited } once its API answers; rejects if it exits first.
 * `onSpawn(child)` hears of the process at once, so a stack stopping meanwhile can stop it too.
 */
export async function startInbox({ smtpPort, webPort, mailDir, log = () => {}, onSpawn = () => {} }) {
  await mkdir(mailDir, { recursive: true });
  const args = [
    MAILDEV_CLI,
    '--smtp', String(smtpPort), '--ip', '127.0.0.1',
    '--web', String(webPort), '--web-ip', '127.0.0.1',
    '--mail-directory', mailDir,
    // SMS are short and mail is small; keep the newest few thousand.
    '--max-emails', '5000',
  ];
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn(child);
  const output = collectOutput(child, log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  for (const deadline = Date.now() + START_TIMEOUT_MS; Date.now() < deadline; ) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the inbox exited: ${output()}`);
    // Only ask once it says it listens: a connection to a port nobody listens on can, now and
    // then, be given that same port as its own and connect to itself, holding the port for a minute.
    if (output().includes('running at') && (await inboxAnswers(inboxUrl))) return { child, exited };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the inbox did not answer at ${inboxUrl}: ${output()}`);
}
