import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/browser.mjs';
import { apiUrl, siteUrl, staticHostUrl } from './config/ports.mjs';
import { E2E_WORKERS } from './tests/support/staff-accounts';

// The specs that sign staff in, and those that do not, side by side (E2E_WORKERS / 2 of each). Each
// worker signs in with staff accounts of its own (tests/support/staff-accounts.ts: a sign-out ends
// every session of its account, and the admin's changes stay within the worker's own accounts).
const STAFF_SPECS = /(hostile-text|masking|outreach|privacy|private-page|staff|two-factor|workspace)\.spec\.ts$/;

// The e2e suite runs against the built site (`npm run build` first) served by `astro preview`,
// and a fresh embedded Supabase stack (its data in a temporary folder).
export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: E2E_WORKERS,
  globalSetup: './tests/e2e/global-setup.ts',
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: siteUrl,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'public pages', testIgnore: STAFF_SPECS, workers: E2E_WORKERS / 2, use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } } },
    { name: 'staff', testMatch: STAFF_SPECS, workers: E2E_WORKERS / 2, use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } } },
  ],
  webServer: [
    {
      command: 'node supabase/local/stack.mjs --ephemeral',
      // The islands run from astro preview and from the static host (the crawl, the CSP checks).
      env: { ...process.env, IRTIQAA_CORS_ORIGINS: staticHostUrl } as Record<string, string>,
      url: `${apiUrl}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      command: 'npx astro preview',
      url: siteUrl,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The same dist/ with its _headers applied (CSP and friends), as a static host serves it.
      command: 'node src/security/static-host.mjs',
      url: staticHostUrl,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
