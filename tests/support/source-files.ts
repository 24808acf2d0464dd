import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The files under `dir` whose names match, as paths from the repository root; `skip` leaves folders out. */
export function filesUnder(dir: string, names: RegExp, skip: readonly string[] = []): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return skip.includes(path) ? [] : filesUnder(path, names, skip);
    return names.test(entry.name) ? [path] : [];
  });
}
