import * as z from './zod';
import { CHANNELS } from './channels';
import { LOCALES } from '../lib/locale';
import { REFERENCE_FORMAT, normaliseReference } from '../lib/reference';
import { RATINGS, commentRule, type RatingDimension } from './satisfaction-survey-rules';
import { ruledText } from './ruled-text';

export * from './satisfaction-survey-rules';

/**
 * The zod schema of the satisfaction survey, from ./satisfaction-survey-rules.ts. Rule keys
 * mirror the checks of `satisfaction_surveys` (`satisfaction_surveys_<key>`).
 */

const rating = (dimension: RatingDimension) => {
  const required = { error: `rating_${dimension}_required` };
  return z.coerce.number(required).check(z.int(required), z.minimum(1, required), z.maximum(RATINGS.length, required));
};

export const satisfactionSurveySchema = z.object({
  reference: z.pipe(z.string(), z.transform((s) => (s.trim() === '' ? '' : normaliseReference(s)))).check(
    z.refine((s) => s === '' || REFERENCE_FORMAT.test(s), { message: 'reference_format' }),
  ),
  channel: z.union([z.enum(CHANNELS), z.literal('')], { error: 'channel_invalid' }),
  overall: rating('overall'),
  courtesy: rating('courtesy'),
  clarity: rating('clarity'),
  speed: rating('speed'),
  ease: rating('ease'),
  recommend: z.union([z.literal(''), z.coerce.number().check(z.int(), z.minimum(0), z.maximum(10))], { error: 'recommend_range' }),
  comment: ruledText((s) => s.trim(), commentRule),
  locale: z.enum(LOCALES, { error: 'locale_required' }),
});

export type SatisfactionSurveyInput = z.input<typeof satisfactionSurveySchema>;
export type SatisfactionSurvey = z.output<typeof satisfactionSurveySchema>;
