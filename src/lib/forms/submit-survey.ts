import { rest } from './rest';
import type { SatisfactionSurvey } from '../../schemas/satisfaction-survey';
import { classifyRpcError, type RpcFailure } from './rpc-outcome';

/** Rule keys of `submit_satisfaction_survey` and the field each belongs to. */
export const SURVEY_RULE_FIELDS: Readonly<Record<string, string>> = {
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
};

export async function submitSatisfactionSurvey(
  survey: SatisfactionSurvey,
  idempotencyKey: string,
): Promise<{ ok: true } | { ok: false; failure: RpcFailure }> {
  const { error, status } = await rest.rpc('submit_satisfaction_survey', {
    p_reference: survey.reference,
    p_channel: survey.channel,
    p_overall: survey.overall,
    p_courtesy: survey.courtesy,
    p_clarity: survey.clarity,
    p_speed: survey.speed,
    p_ease: survey.ease,
    p_recommend: survey.recommend === '' ? null : survey.recommend,
    p_comment: survey.comment,
    p_locale: survey.locale,
    p_idempotency_key: idempotencyKey,
  });
  if (error) return { ok: false, failure: classifyRpcError(error, status, SURVEY_RULE_FIELDS) };
  return { ok: true };
}
