// `astro check` leaves supabase/functions out (Deno code): Deno itself type-checks the functions,
// as `supabase functions deploy` would compile them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { denoBinary } from '../../../supabase/local/functions.mjs';
import { repoRoot } from '../../support/source-files';

describe('the Edge Functions', () => {
  it('type-check under Deno', () => {
    const check = () =>
      execFileSync(denoBinary(), ['check', '--node-modules-dir=manual', '--no-lock', 'supabase/functions/notify/index.ts'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', DENO_DIR: join(repoRoot, 'node_modules/.cache/deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    expect(check).not.toThrow();
  }, 60_000);
});
