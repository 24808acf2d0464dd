import { defineConfig } from 'vitest/config';

// The database tests that start stacks of their own (each on its own ports), rather than use the
// shared one: they run in a project of their own, beside the shared-database files.
const OWN_STACK_FILES = ['stack', 'functions-runtime', 'outreach-faults', 'recovery'].map((name) => `tests/db/${name}.test.ts`);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          exclude: OWN_STACK_FILES,
          environment: 'node',
          // One real stack for the whole run, started fresh by the global setup.
          globalSetup: ['tests/db/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'own stacks',
          include: OWN_STACK_FILES,
          environment: 'node',
          // Each file starts and stops real stacks: one at a time keeps a small machine responsive.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
