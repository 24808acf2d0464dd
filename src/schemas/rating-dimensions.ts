/**
 * What the satisfaction survey rates (policy, detailed goals 5 and 6-t), apart from its zod
 * schema (./satisfaction-survey.ts), so a page that only shows the averages ships no zod.
 */
export const RATING_DIMENSIONS = ['overall', 'courtesy', 'clarity', 'speed', 'ease'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
