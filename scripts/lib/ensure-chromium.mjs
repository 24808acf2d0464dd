import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../../tests/browser.mjs';

/**
 * Playwright cannot download its own browser here, so the e2e suite uses the system Chromium.
 * On a fresh Debian machine (CI runs as root) it is installed from Debian's packages.
 */
export function ensureChromium() {
  if (chromiumPath) return chromiumPath;
  const isRoot = process.getuid?.() === 0;
  let hasApt = false;
  try {
    execFileSync('which', ['apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {}
  if (!isRoot || !hasApt) {
    throw new Error('Chromium is needed for the end-to-end tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  }
  console.log('Installing Chromium from Debian packages (needed once for the end-to-end tests)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { stdio: 'inherit', env });
  return '/usr/bin/chromium';
}
