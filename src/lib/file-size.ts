import { statSync } from 'node:fs';
import { join } from 'node:path';

export { formatBytes } from './byte-size';

/** Size of a file under public/ (e.g. `/uploads/bylaws.pdf`), for "PDF, 2 KB" beside a link. */
export function publicFileBytes(publicPath: string): number {
  // Builds run from the project root (import.meta.url points into dist/ once bundled).
  return statSync(join(process.cwd(), 'public', publicPath)).size;
}
