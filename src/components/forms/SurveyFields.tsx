import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import type { KeyWithPrefix, Params } from '../../i18n/translate';
import type { SatisfactionSurvey, SatisfactionSurveyInput } from '../../schemas/satisfaction-survey';
import { COMMENT_MAX, RATINGS, RATING_DIMENSIONS } from '../../schemas/satisfaction-survey-rules';
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

type SurveyTranslate = (key: KeyWithPrefix<'survey.'>, params?: Params) => string;
type SurveyControl = Control<SatisfactionSurveyInput, unknown, SatisfactionSurvey>;

interface Props {
  t: SurveyTranslate;
  register: UseFormRegister<SatisfactionSurveyInput>;
  control: SurveyControl;
  message: (field: SurveyAnswerField) => string | undefined;
  errorPrefix: string;
  channels: ChannelOption[];
}

/** The channel used, the five ratings, the 0-10 recommendation and the comment (policy, detailed goal 6-t). */
export function SurveyFields({ t, register, control, message, errorPrefix, channels }: Props) {
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
        after={<CommentCount control={control} t={t} />}
      >
        {(control) => <textarea {...control} className="textarea" rows={5} dir="auto" {...register('comment')} />}
      </Field>
    </>
  );
}

/** The comment's character count, watching the field itself so typing re-renders only the count. */
function CommentCount({ control, t }: { control: SurveyControl; t: SurveyTranslate }) {
  const comment = useWatch({ control, name: 'comment' }) ?? '';
  return <CharacterCount id="comment-count" count={[...comment.trim()].length} max={COMMENT_MAX} text={(count, max) => t('survey.comment.count', { count, max })} />;
}
