// A throw-away copy of the repository for the CMS journeys: decap-server writes into it and the
// site is rebuilt from it, so the suite never changes the real content/ or public/uploads/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ports } from '../../../config/ports.mjs';

const REPO = join(import.meta.dirname, '..', '..', '..');
const LEFT_OUT = new Set(['node_modules', 'dist', '.git', '.astro', '.stack', 'test-results', 'playwright-report', '.scratch']);

export type CmsWorkspace = { dir: string; stop(): Promise<void>; buildAndPreview(): Promise<string> };

async function waitFor(url: string, init?: RequestInit, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, init)).ok) return;
    } catch {}
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startCmsWorkspace(): Promise<CmsWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'irtiqaa-cms-'));
  cpSync(REPO, dir, { recursive: true, filter: (src) => !LEFT_OUT.has(relative(REPO, src).split(/[\\/]/)[0]) && !relative(REPO, src).startsWith(join('public', 'admin', 'decap')) });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const children: { child: ChildProcess; group: boolean }[] = [];
  const decap = spawn(process.execPath, [join(REPO, 'node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, PORT: String(ports.decap), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: dir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  children.push({ child: decap, group: false });
  await waitFor(`http://127.0.0.1:${ports.decap}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });

  return {
    dir,
    /** Builds the copy as `npm run build` would and serves it on its own port; returns its URL. */
    async buildAndPreview() {
      const build = spawnSync('npx', ['astro', 'build'], { cwd: dir, env: process.env, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
      const port = ports.site + 50;
      children.push({ child: spawn('npx', ['astro', 'preview', '--port', String(port)], { cwd: dir, env: process.env, stdio: 'ignore', detached: true }), group: true });
      const url = `http://127.0.0.1:${port}`;
      await waitFor(url);
      return url;
    },
    async stop() {
      for (const { child, group } of children) {
        if (child.exitCode !== null || !child.pid) continue;
        try {
          // npx starts astro as a grandchild: the preview runs in its own process group.
          process.kill(group ? -child.pid : child.pid, 'SIGTERM');
        } catch {}
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
