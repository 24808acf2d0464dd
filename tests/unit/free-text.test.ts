import { describe, expect, it } from 'vitest';
import { hiddenCharactersRule } from '../../src/schemas/hidden-characters';
import { withoutHiddenCharacters } from '../../src/schemas/ruled-text';
import { noteRule, staffNoteSchema } from '../../src/schemas/staff-note';
import { satisfactionSurveySchema } from '../../src/schemas/satisfaction-survey';
import { emailRule } from '../../src/schemas/support-request';

// Issue 15, hole 7: the shared hidden-character rule (src/schemas/hidden-characters.ts). The
// database's side: tests/db/free-text.test.ts (the same sets, code point by code point).
describe('hidden characters in free text', () => {
  it('one-line text refuses what multiline text keeps: line breaks, soft hyphens, direction marks', () => {
    for (const kept of ['\n', '\t', '\u00AD', '\u200F', '\u200D']) {
      expect(hiddenCharactersRule('reply', `نص${kept}نص`), JSON.stringify(kept)).toBeNull();
      expect(hiddenCharactersRule('city', `نص${kept}نص`, { singleLine: true }), JSON.stringify(kept)).toBe('city_characters');
    }
  });

  it('both refuse bidi overrides and isolates, control characters and lone surrogates, under <field>_characters', () => {
    for (const hidden of ['\u202E', '\u2066', '\u0007', '\u007F', '\uD800']) {
      expect(hiddenCharactersRule('message', `a${hidden}b`)).toBe('message_characters');
      expect(hiddenCharactersRule('email', `a${hidden}b`, { singleLine: true })).toBe('email_characters');
    }
  });

  it('gives a new field its zod string in one call', () => {
    const reply = withoutHiddenCharacters('reply');
    expect(reply.safeParse('شكرًا\nأرفقت الشهادة').success).toBe(true);
    expect(reply.safeParse('شكرًا\u202E').error?.issues[0]?.message).toBe('reply_characters');
  });

  it('an email: the format first, then the hidden characters', () => {
    expect(emailRule('name\u200B@example.com')).toBe('email_characters');
    expect(emailRule('name\u200B@example')).toBe('email_format');
    expect(emailRule('name@example.com')).toBeNull();
  });
});

describe('what staff write on a request', () => {
  it('is at most 2,000 characters (code points) without hidden characters, trimmed', () => {
    expect(noteRule('أ'.repeat(2000))).toBeNull();
    expect(noteRule('😀'.repeat(2000))).toBeNull();
    expect(noteRule('أ'.repeat(2001))).toBe('note_length');
    expect(noteRule('سبب الرفض\u202E')).toBe('note_characters');
    expect(staffNoteSchema.parse('  صورة الهوية  ')).toBe('صورة الهوية');
    expect(staffNoteSchema.safeParse('x\u2066').error?.issues[0]?.message).toBe('note_characters');
  });

  it('a survey comment, which staff read, refuses them too', () => {
    const answers = { reference: '', channel: '', overall: 4, courtesy: 4, clarity: 4, speed: 4, ease: 4, recommend: '', locale: 'ar' };
    expect(satisfactionSurveySchema.safeParse({ ...answers, comment: 'خدمة ممتازة\nشكرًا' }).success).toBe(true);
    const refused = satisfactionSurveySchema.safeParse({ ...answers, comment: 'خدمة \u202Eممتازة' });
    expect(refused.error?.issues.map((i) => i.message)).toEqual(['comment_characters']);
  });
});
