import { rest } from './rest';
import type { SatisfactionSurvey } from '../schemas/satisfaction-survey';
import { SURVEY_RULE_FIELDS } from '../schemas/satisfaction-survey-rules';
import { classifyRpcError, type RpcFailure } from './rpc-outcome';

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
