import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTICE_FILES, privacyNoticeVersion } from '../../src/build/privacy-notice-version.mjs';
import { repoRoot } from '../support/source-files';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe('the privacy notice\'s version', () => {
  it('is 12 hex digits, the form the database accepts', () => {
    expect(privacyNoticeVersion()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('changes when an editor changes either language, and not for line endings', () => {
    const now = privacyNoticeVersion();
    for (const changed of NOTICE_FILES) {
      expect(privacyNoticeVersion((file: string) => (file === changed ? `${read(file)}\nOne more sentence.` : read(file)))).not.toBe(now);
    }
    expect(privacyNoticeVersion((file: string) => read(file).replace(/\n/g, '\r\n'))).toBe(now);
  });
});
