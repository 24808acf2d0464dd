import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/date-display';
import { DECISION_MAX_DAYS, DECISION_MIN_DAYS, decisionWindow } from '../../src/lib/decision-window';
import { formatBytes } from '../../src/lib/file-size';
import { markdownToPlainText } from '../../src/lib/markdown-text';
import { formatPhone } from '../../src/lib/phone-display';
import { parsePolicySteps } from '../../src/lib/policy-steps';
import { readCollection } from '../support/content-files';

describe('the decision window (policy, handling step 5)', () => {
  it('opens two weeks and closes six weeks after submission', () => {
    expect([DECISION_MIN_DAYS, DECISION_MAX_DAYS]).toEqual([14, 42]);
    const { from, by } = decisionWindow(new Date('2026-03-01T09:00:00+03:00'));
    expect(from.toISOString()).toBe('2026-03-15T06:00:00.000Z');
    expect(by.toISOString()).toBe('2026-04-12T06:00:00.000Z');
  });
});

describe('the handling steps on /how-we-handle', () => {
  it.each(['ar', 'en'])('are the seven numbered steps of the policy section (%s)', (locale) => {
    const section = readCollection('policy').find((f) => f.locale === locale && f.slug === 'handling-mechanism')!;
    const { intro, steps } = parsePolicySteps(section.body);
    expect(steps).toHaveLength(7);
    expect(intro.length).toBeGreaterThan(10);
    expect(steps.some((s) => /^\d/.test(s))).toBe(false);
  });

  it('keeps the Arabic wording of each step', () => {
    const section = readCollection('policy').find((f) => f.locale === 'ar' && f.slug === 'handling-mechanism')!;
    const { intro, steps } = parsePolicySteps(section.body);
    expect(intro).toBe('يتم التعامل مع المستفيد على مختلف المستويات لإنهاء معاملاته بالشكل التالي:');
    expect(steps[6]).toBe('تقديم الخدمة اللازمة.');
  });
});

describe('dates', () => {
  it('show Gregorian and Umm al-Qura Hijri, with Latin digits in Arabic', () => {
    const date = new Date('2026-11-01T00:00:00Z');
    expect(formatDate(date, 'ar')).toBe('1 نوفمبر 2026 (21 جمادى الأولى 1448 هـ)');
    expect(formatDate(date, 'en')).toBe('1 November 2026 (21 Jumada I 1448 AH)');
  });
});

describe('contact numbers', () => {
  it('are grouped the way people read them out', () => {
    expect(formatPhone('920012345')).toBe('9200 12345');
    expect(formatPhone('+966112345678')).toBe('+966 11 234 5678');
    expect(formatPhone('+966551234567')).toBe('+966 55 123 4567');
    expect(formatPhone('8001234567')).toBe('800 123 4567');
  });
});

describe('file sizes beside downloads', () => {
  it('read naturally in both languages', () => {
    expect(formatBytes(1268, 'en')).toBe('1.2 kB');
    expect(formatBytes(3 * 1024 * 1024, 'en')).toBe('3 MB');
    expect(formatBytes(1268, 'ar')).toMatch(/^1[.,٫]2 /);
  });
});

describe('Markdown answers as plain text (search index, structured data)', () => {
  it('keeps the words of links and drops the markup', () => {
    expect(markdownToPlainText('Use the [request form](/request) **now**.\n\n- one\n- two')).toBe('Use the request form now. one two');
  });
});
