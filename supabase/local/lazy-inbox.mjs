// The inbox's two ports (web + API, SMTP), held by the stack itself: maildev starts on the first
// connection to either, since most stacks (the tests' among them) never send mail, and every
// connection is passed through to it. Once started it is supervised like PostgreSQL: if it dies
// it is restarted, and connections meanwhile are refused (mail waits in the sender's outbox).
import net from 'node:net';
import { startInbox } from './inbox.mjs';
import { supervise } from './supervise.mjs';

// A port can be held for up to a minute by a closed connection (TIME-WAIT) that happened to be
// given it as its own: keep trying that long.
const LISTEN_RETRY_MS = 1000;
const LISTEN_RETRIES = 90;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function createLazyInbox({ smtpPort, webPort, mailDir, isStopping, log = (m) => console.error(m) }) {
  const processes = new Set();
  const sockets = new Set();
  let current = null;
  let starting = null;

  async function launch() {
    const inner = { smtpPort: await freePort(), webPort: await freePort() };
    const handle = await startInbox({
      ...inner,
      mailDir,
      onSpawn: (child) => {
        processes.add(child);
        child.once('exit', () => processes.delete(child));
      },
    });
    const running = { ...handle, ...inner, alive: true };
    handle.exited.then(() => (running.alive = false));
    return running;
  }

  /** The running maildev, started now if it never ran; rejects while the supervisor restarts it. */
  function ensure() {
    if (current) return current.alive ? Promise.resolve(current) : Promise.reject(new Error('the inbox is restarting'));
    starting ??= launch()
      .then((handle) => {
        if (isStopping()) {
          handle.child.kill('SIGTERM');
          throw new Error('the stack is stopping');
        }
        current = handle;
        supervise({ name: 'the mail inbox', handle, exited: (h) => h.exited, start: launch, onRestart: (h) => (current = h), isStopping, log });
        return handle;
      })
      .catch((error) => {
        log(`[stack] The mail inbox did not start: ${error.message.split('\n')[0].slice(0, 300)}`);
        throw error;
      })
      .finally(() => (starting = null));
    return starting;
  }

  const passThrough = (innerPort) => (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.pause();
    ensure().then(
      (inbox) => {
        const upstream = net.connect(innerPort(inbox), '127.0.0.1');
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
        socket.once('close', () => upstream.destroy());
        upstream.once('close', () => socket.destroy());
        socket.pipe(upstream).pipe(socket);
      },
      () => socket.destroy(),
    );
  };

  const servers = [
    [webPort, net.createServer(passThrough((inbox) => inbox.webPort))],
    [smtpPort, net.createServer(passThrough((inbox) => inbox.smtpPort))],
  ];

  async function listenOn(port, server) {
    for (let attempt = 0; attempt < LISTEN_RETRIES && !isStopping(); attempt++) {
      const error = await new Promise((resolve) => {
        server.once('error', resolve);
        server.listen(port, '127.0.0.1', () => resolve(null));
      });
      if (!error) return;
      if (error.code !== 'EADDRINUSE') throw error;
      if (attempt === 0) log(`[stack] Port ${port} (mail inbox) is in use; trying again for a minute.`);
      await new Promise((r) => setTimeout(r, LISTEN_RETRY_MS));
    }
    if (!isStopping()) log(`[stack] Port ${port} (mail inbox) stayed in use: the inbox is not reachable.`);
  }

  /** Resolves once both ports listen (or gave up); never rejects the stack's start. */
  const listening = Promise.all(servers.map(([port, server]) => listenOn(port, server).catch((e) => log(`[stack] mail inbox: ${e.message}`))));

  async function stop() {
    for (const [, server] of servers) server.close(() => {});
    for (const socket of sockets) socket.destroy();
    await Promise.all([...processes].map((child) => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      return exited;
    }));
  }

  return { listening, stop };
}
