import { describe, expect, it } from 'vitest';
import { daysUntil, gregorianDate, hijriDate } from '../../src/lib/date-display';

describe('dates in both calendars', () => {
  const date = new Date('2026-12-12T09:00:00Z');

  it('shows the Umm al-Qura Hijri date in Arabic and English', () => {
    expect(hijriDate(date, 'ar')).toBe('3 رجب 1448 هـ');
    expect(hijriDate(date, 'en')).toBe('3 Rajab 1448 AH');
  });

  // Latin digits in Arabic too, like every other date on the site (src/lib/date-display.ts).
  it('shows the Gregorian date', () => {
    expect(gregorianDate(date, 'en')).toBe('12 December 2026');
    expect(gregorianDate(date, 'ar')).toBe('12 ديسمبر 2026');
  });

  it('counts whole days in Riyadh, whatever the hour', () => {
    const now = new Date('2026-11-28T20:59:00Z'); // 23:59 in Riyadh
    expect(daysUntil(new Date('2026-11-28T21:01:00Z'), now)).toBe(1); // 00:01 the next day there
    expect(daysUntil(new Date('2026-12-10T10:00:00Z'), new Date('2026-11-28T10:00:00Z'))).toBe(12);
    expect(daysUntil(new Date('2026-11-27T10:00:00Z'), new Date('2026-11-28T10:00:00Z'))).toBe(-1);
  });
});
