import type { UseFormRegister } from 'react-hook-form';
import type { KeyWithPrefix, Params } from '../../i18n/translate';
import { COMMENT_MAX, RATINGS, RATING_DIMENSIONS, type SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import { CharacterCount } from './CharacterCount';
import { Field } from './Field';
import { RadioGroup, firstOptionId } from './RadioGroup';
import type { ChannelOption } from './types';

/** The survey's answers, in page order: the public /survey asks for a reference before them, the private page does not. */
export const SURVEY_ANSWER_FIELDS = ['channel', ...RATING_DIMENSIONS, 'recommend', 'comment'] as const;
export type SurveyAnswerField = (typeof SURVEY_ANSWER_FIELDS)[number];

const RADIO = new Set<string>([...RATING_DIMENSIONS, 'recommend']);
const RECOMMEND = Array.from({ length: 11 }, (_, n) => String(n));

/** Where the error summary sends focus for a field: a radio group's first option. */
export const surveyFieldTarget = (field: string) => (RADIO.has(field) ? firstOptionId(field) : field);

interface Props {
  t: (key: KeyWithPrefix<'survey.'>, params?: Params) => string;
  register: UseFormRegister<SatisfactionSurveyInput>;
  message: (field: SurveyAnswerField) => string | undefined;
  errorPrefix: string;
  channels: ChannelOption[];
  commentLength: number;
}

/** The channel used, the five ratings, the 0-10 recommendation and the comment (policy, detailed goal 6-t). */
export function SurveyFields({ t, register, message, errorPrefix, channels, commentLength }: Props) {
  return (
    <>
      <Field id="channel" label={t('survey.channel.label')} error={message('channel')} errorPrefix={errorPrefix}>
        {(control) => (
          <select {...control} className="select" {...register('channel')}>
            <option value="">{t('survey.channel.none')}</option>
            {channels.map((channel) => (
              <option key={channel.value} value={channel.value}>{channel.label}</option>
            ))}
          </select>
        )}
      </Field>
      {RATING_DIMENSIONS.map((dimension) => (
        <RadioGroup
          key={dimension}
          name={dimension}
          legend={t(`survey.${dimension}.legend`)}
          options={RATINGS.map((value) => ({ value, label: `${value} – ${t(`survey.rating.${value}`)}` }))}
          error={message(dimension)}
          errorPrefix={errorPrefix}
          registration={register(dimension)}
        />
      ))}
      <RadioGroup
        name="recommend"
        legend={t('survey.recommend.legend')}
        hint={t('survey.recommend.hint')}
        options={RECOMMEND.map((value) => ({ value, label: value }))}
        error={message('recommend')}
        errorPrefix={errorPrefix}
        registration={register('recommend')}
        inline
      />
      <Field
        id="comment"
        label={t('survey.comment.label')}
        hint={t('survey.comment.hint')}
        error={message('comment')}
        errorPrefix={errorPrefix}
        after={<CharacterCount id="comment-count" count={commentLength} max={COMMENT_MAX} text={(count, max) => t('survey.comment.count', { count, max })} />}
      >
        {(control) => <textarea {...control} className="textarea" rows={5} dir="auto" {...register('comment')} />}
      </Field>
    </>
  );
}
