import { hiddenCharactersRule } from './hidden-characters';
/**
 * The satisfaction survey (policy, detailed goals 5 and 6-t: rating the service is the
 * beneficiary's right, a tool for improvement, never for blame): what it rates, its limits and
 * its rule keys, apart from the zod schema (./satisfaction-survey.ts), so the survey form loads
 * zod only when it first checks the answers and the service figures need none.
 */
export const RATING_DIMENSIONS = ['overall', 'courtesy', 'clarity', 'speed', 'ease'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const COMMENT_MAX = 2000;
/** The points of every rating, each with its words in the form (`survey.rating.<n>`). */
export const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** Rule keys of `submit_satisfaction_survey` (the schema's and the database's) and the field each belongs to. */
export const SURVEY_RULE_FIELDS = {
  reference_format: 'reference',
  channel_invalid: 'channel',
  rating_overall_required: 'overall',
  rating_courtesy_required: 'courtesy',
  rating_clarity_required: 'clarity',
  rating_speed_required: 'speed',
  rating_ease_required: 'ease',
  recommend_range: 'recommend',
  comment_length: 'comment',
  comment_characters: 'comment',
  locale_required: 'locale',
} as const;
export type SurveyRuleKey = keyof typeof SURVEY_RULE_FIELDS;

/** The comment's rule (staff read it): at most COMMENT_MAX characters, none of the hidden ones a description refuses. */
export function commentRule(comment: string): 'comment_length' | 'comment_characters' | null {
  if ([...comment].length > COMMENT_MAX) return 'comment_length';
  return hiddenCharactersRule('comment', comment);
}
