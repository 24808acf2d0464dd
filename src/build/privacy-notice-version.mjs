// The privacy notice's version (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"):
// the first 12 hex digits of the SHA-256 of its files in both languages, so any change an editor
// makes in the CMS is a new version. astro.config.mjs hands it to the site as
// import.meta.env.PUBLIC_PRIVACY_NOTICE_VERSION; the request forms send it, the notice shows it,
// and the database checks its form (20261201180400_privacy_notice_version.sql).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NOTICE_FILES = ['content/privacy/ar/notice.md', 'content/privacy/en/notice.md'];

/** The version of the notice as these files hold it (line endings do not count). */
export function privacyNoticeVersion(read = (file) => readFileSync(path.join(root, file), 'utf8')) {
  const hash = createHash('sha256');
  for (const file of NOTICE_FILES) hash.update(read(file).replace(/\r\n/g, '\n')).update('\0');
  return hash.digest('hex').slice(0, 12);
}
