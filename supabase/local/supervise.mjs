// Restarts a part of the stack that exits unexpectedly, as a process supervisor or a container
// restart policy would: back-off between attempts (a SIGKILLed postmaster may leave backends
// holding its shared memory for a moment, so the first restarts can fail), one line per event.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `start()` resolves to a running handle, `exited(handle)` resolves when it exits.
 * `onRestart(handle)` receives each new handle. Stops supervising once `isStopping()`.
 */
export function supervise({ name, handle, start, exited, onRestart, isStopping, log = (m) => console.error(m) }) {
  (async () => {
    for (;;) {
      const how = await exited(handle);
      if (isStopping()) return;
      const downAt = Date.now();
      log(`[stack] ${name} stopped unexpectedly (${how}); restarting it.`);
      for (let attempt = 0; ; attempt++) {
        await sleep(Math.min(100 * 2 ** attempt, 5000));
        if (isStopping()) return;
        try {
          handle = await start();
          break;
        } catch (error) {
          if (attempt % 5 === 4) log(`[stack] ${name} still not back (${error?.message || 'exited during start'}); retrying.`);
        }
      }
      if (isStopping()) return;
      onRestart(handle);
      log(`[stack] ${name} is back after ${((Date.now() - downAt) / 1000).toFixed(1)} s.`);
    }
  })();
}
