import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toLatinDigits } from '../../src/lib/digits';

/** A verbatim copy of ../shared/seed/000_49ad4fd990fbca76.txt (a unit test keeps it in step). */
export const seedFixturePath = join(import.meta.dirname, '..', 'fixtures', 'policy-seed.txt');
export const SEED_FILE_NAME = '000_49ad4fd990fbca76.txt';

/** The same text, whatever its whitespace or digit style. */
export function comparable(text: string): string {
  return toLatinDigits(text).replace(/\s+/g, ' ').trim();
}

// The seed's list numbering ("- ١ - ", "- 1- ", " - أ- ") becomes the page's list numbering
// (an <ol> drawn in the same style); the words after it must appear unaltered.
const LIST_MARKER = /^\s*-\s*(?:[0-9٠-٩]+|[\u0621-\u064A])\s*-\s*/;

/** Every sentence of the policy, in order: each line split after . ? ! ؟ or a closing colon. */
export function seedSentences(seed = readFileSync(seedFixturePath, 'utf8')): string[] {
  return seed
    .split(/\r?\n/)
    .map((line) => line.replace(LIST_MARKER, ''))
    .flatMap((line) => line.split(/(?<=[.!?؟:])\s+/))
    .map(comparable)
    .filter(Boolean);
}
