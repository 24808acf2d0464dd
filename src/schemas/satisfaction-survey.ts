import { z } from './zod';
import { CHANNELS } from './channels';
import { LOCALES } from '../lib/locale';
import { REFERENCE_FORMAT, normaliseReference } from '../lib/reference';
import { RATING_DIMENSIONS, type RatingDimension } from './rating-dimensions';

export { RATING_DIMENSIONS, type RatingDimension };

/**
 * The satisfaction survey (policy, detailed goals 5 and 6-t: rating the service is the
 * beneficiary's right, a tool for improvement, never for blame). Rule keys mirror the
 * checks of `satisfaction_surveys` (`satisfaction_surveys_<key>`).
 */
export const COMMENT_MAX = 2000;
/** The points of every rating, each with its words in the form (`survey.rating.<n>`). */
export const RATINGS = ['1', '2', '3', '4', '5'] as const;

const rating = (dimension: RatingDimension) =>
  z.coerce
    .number({ error: `rating_${dimension}_required` })
    .int()
    .min(1, { error: `rating_${dimension}_required` })
    .max(RATINGS.length, { error: `rating_${dimension}_required` });

export const satisfactionSurveySchema = z.object({
  reference: z
    .string()
    .transform((s) => (s.trim() === '' ? '' : normaliseReference(s)))
    .refine((s) => s === '' || REFERENCE_FORMAT.test(s), { message: 'reference_format' }),
  channel: z.union([z.enum(CHANNELS), z.literal('')], { error: 'channel_invalid' }),
  overall: rating('overall'),
  courtesy: rating('courtesy'),
  clarity: rating('clarity'),
  speed: rating('speed'),
  ease: rating('ease'),
  recommend: z.union([z.literal(''), z.coerce.number().int().min(0).max(10)], { error: 'recommend_range' }),
  comment: z
    .string()
    .transform((s) => s.trim())
    .refine((s) => [...s].length <= COMMENT_MAX, { message: 'comment_length' }),
  locale: z.enum(LOCALES, { error: 'locale_required' }),
});

export type SatisfactionSurveyInput = z.input<typeof satisfactionSurveySchema>;
export type SatisfactionSurvey = z.output<typeof satisfactionSurveySchema>;

/** Rule keys of `submit_satisfaction_survey` (the schema's and the database's) and the field each belongs to. */
export const SURVEY_RULE_FIELDS = {
  reference_format: 'reference',
  reference_unknown: 'reference',
  channel_invalid: 'channel',
  rating_overall_required: 'overall',
  rating_courtesy_required: 'courtesy',
  rating_clarity_required: 'clarity',
  rating_speed_required: 'speed',
  rating_ease_required: 'ease',
  recommend_range: 'recommend',
  comment_length: 'comment',
  locale_required: 'locale',
} as const;
export type SurveyRuleKey = keyof typeof SURVEY_RULE_FIELDS;
