import { describe, expect, it } from 'vitest';
import type { ServiceStats } from '../../src/api/service-stats';
import { PLACEHOLDER, computedAt, figureValues, lastMonths, refreshOf } from '../../src/components/figures/figure-values';

const stats: ServiceStats = {
  generated_at: '2026-12-01T07:30:00Z',
  months: lastMonths(new Date('2026-12-01T07:30:00Z')).map((month, i) => ({ month, submitted: i < 6 ? null : i, decided: i < 6 ? null : 5 })),
  requests_total: 1234,
  decisions: 40,
  decided_within_window_share: 0.875,
  median_days_to_decision: 25.5,
  survey_responses: null,
  satisfaction: { overall: 4.25, courtesy: 4.5, clarity: null, speed: 3, ease: 4, recommend: 8.2 },
};

describe('the service figures as the page shows them', () => {
  it('names the last 12 months as service_stats() does, oldest first, across a year end', () => {
    expect(lastMonths(new Date('2026-02-15T00:00:00Z'))).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
  });

  it('formats each figure, hides the small groups and gives every month its row', () => {
    const values = figureValues(stats, 'en', 'Hidden');
    expect(values.get('requests_total')).toBe('1,234');
    expect(values.get('decided_within_window_share')).toBe('87.5%');
    expect(values.get('median_days_to_decision')).toBe('25.5');
    expect(values.get('survey_responses')).toBe('Hidden');
    expect(values.get('months.0.month')).toBe('2026-01');
    expect(values.get('months.0.submitted')).toBe('Hidden');
    expect(values.get('months.11.submitted')).toBe('11');
    expect(values.get('satisfaction.clarity')).toBe('Hidden');
    expect(values.get('satisfaction.recommend')).toBe('8.2');
  });

  it('uses Latin digits in Arabic too', () => {
    expect(figureValues(stats, 'ar', 'مخفي').get('requests_total')).toMatch(/^1.234$/);
  });

  it('without figures puts a placeholder in every place the figures will fill, months included', () => {
    const withFigures = figureValues(stats, 'en', 'Hidden', new Date('2026-12-01T07:30:00Z'));
    const without = figureValues(null, 'en', 'Hidden', new Date('2026-12-01T07:30:00Z'));
    expect([...without.keys()]).toEqual([...withFigures.keys()]);
    expect([...without].filter(([key]) => !key.endsWith('.month')).every(([, text]) => text === PLACEHOLDER)).toBe(true);
    expect(without.get('months.11.month')).toBe('2026-12');
  });

  it('says when the figures were computed, in Riyadh time, in both calendars', () => {
    expect(computedAt(stats, 'en')).toMatch(/^1 December 2026 at 10:30 \(.*1448 AH\)$/);
    expect(computedAt(stats, 'ar')).toMatch(/2026.*10:30.*\(.*1448.*\)/);
  });

  it('refreshes a page only with newer figures, and keeps the published ones when the API cannot be reached', () => {
    expect(refreshOf(stats, stats.generated_at)).toBe('unchanged');
    expect(refreshOf(stats, '2026-11-30T07:30:00Z')).toBe('fresh');
    expect(refreshOf(stats, undefined)).toBe('fresh');
    expect(refreshOf(null, '2026-11-30T07:30:00Z')).toBe('stale');
    expect(refreshOf(null, undefined)).toBe('failed');
  });
});
