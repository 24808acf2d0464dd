import type { SurveyRow } from '../../api/staff';
import { RATING_DIMENSIONS, type RatingDimension } from '../../schemas/satisfaction-survey-rules';

export type MonthlyAverages = { month: string; count: number; averages: Record<RatingDimension, number> }[];

export function monthlyAverages(rows: SurveyRow[]): MonthlyAverages {
  const byMonth = new Map<string, SurveyRow[]>();
  for (const r of rows) {
    const month = r.created_at.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), r]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({
      month,
      count: list.length,
      averages: Object.fromEntries(
        RATING_DIMENSIONS.map((d) => [d, Math.round((list.reduce((s, r) => s + r[d], 0) / list.length) * 100) / 100]),
      ) as Record<RatingDimension, number>,
    }));
}

/** Net recommend score: % who answer 9-10 minus % who answer 0-6, over those who answered. */
export function recommendScore(rows: SurveyRow[]): number | null {
  const answered = rows.map((r) => r.recommend).filter((v): v is number => typeof v === 'number');
  if (answered.length === 0) return null;
  const promoters = answered.filter((v) => v >= 9).length;
  const detractors = answered.filter((v) => v <= 6).length;
  return Math.round(((promoters - detractors) / answered.length) * 100);
}
