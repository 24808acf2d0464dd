import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Runs a command to completion; rejects with its exit code. Output is inherited, or, with a
 * `label`, written line by line behind `[label]`, so that commands run side by side stay readable.
 */
export function run(command, args, { label, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options });
    if (label) {
      for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
        createInterface({ input: from }).on('line', (line) => to.write(`[${label}] ${line}\n`));
      }
    }
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

/** Runs each lane (a function returning a promise) at the same time; rejects, once all have ended, if any failed. */
export async function runSideBySide(lanes) {
  const failed = (await Promise.allSettled(lanes.map((lane) => lane()))).filter((r) => r.status === 'rejected');
  if (failed.length) throw new Error(failed.map((r) => r.reason.message).join('\n'));
}
