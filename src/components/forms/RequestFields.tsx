import type { ReactNode } from 'react';
import { useWatch, type Control, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import type { SupportRequestInput } from '../../schemas/support-request';
import {
  BENEFICIARY_CATEGORIES,
  DESCRIPTION_MAX,
  REQUEST_TYPES,
  codePointLength,
  type BeneficiaryCategory,
  type RequestType,
} from '../../schemas/support-request-rules';
import { CharacterCount } from './CharacterCount';
import { Checkbox } from './Checkbox';
import { Field } from './Field';
import { RadioGroup } from './RadioGroup';
import { latinDigitsAsTyped } from './digitsAsTyped';
import type { ChoiceStyle, RequestField } from './request-fields';
import type { ChannelOption } from './types';

/** What the fields say: the public form speaks to the applicant, the staff form about the beneficiary. */
export interface RequestFieldsWording {
  label: Record<RequestField | 'declarations' | 'messages', string>;
  hint: Partial<Record<RequestField | 'messages', ReactNode>>;
  category: (value: BeneficiaryCategory) => string;
  requestType: (value: RequestType) => string;
  /** The empty first option of a select. */
  choose: (field: 'category' | 'request_type' | 'preferred_channel') => string;
  errorPrefix: string;
  count: (count: number, max: number) => string;
}

interface Props<V extends SupportRequestInput, Checked> {
  form: UseFormReturn<V, unknown, Checked>;
  wording: RequestFieldsWording;
  /** The sentence for each field's current error, if it has one. */
  message: (field: RequestField) => string | undefined;
  channels: ChannelOption[];
  choices: ChoiceStyle;
  /** The applicant's own details may be filled in by the browser; staff type someone else's. */
  autofill: boolean;
  /** Shown under a field (the public form's other channels when the daily limit is reached). */
  after?: Partial<Record<RequestField, ReactNode>>;
}

/**
 * The fields of a support request, for the public form and the staff workspace alike
 * (src/schemas/support-request.ts checks them for both).
 */
export function RequestFields<V extends SupportRequestInput, Checked>({ form, wording, message, channels, choices, autofill, after = {} }: Props<V, Checked>) {
  // V holds every request field (the staff form's also holds the intake channel).
  const { register, trigger, getValues, control } = form as unknown as UseFormReturn<SupportRequestInput>;
  const { label, hint, errorPrefix } = wording;
  const own = (token: string) => (autofill ? token : 'off');
  const field = (name: RequestField) => ({ id: name, label: label[name], hint: hint[name], error: message(name), errorPrefix, after: after[name] });

  // The check digit is checked as soon as the applicant leaves the field (not while typing).
  const nationalId = register('national_id', {
    onChange: latinDigitsAsTyped,
    onBlur: () => {
      if (getValues('national_id').trim() !== '') void trigger('national_id');
    },
  });

  return (
    <>
      <Field {...field('full_name')}>
        {(control) => <input {...control} type="text" className="input" autoComplete={own('name')} dir="auto" spellCheck={false} {...register('full_name')} />}
      </Field>

      <Field {...field('national_id')}>
        {(control) => <input {...control} type="text" className="input input--10" inputMode="numeric" autoComplete="off" dir="ltr" spellCheck={false} {...nationalId} />}
      </Field>

      <Field {...field('mobile')}>
        {(control) => <input {...control} type="tel" className="input input--14" inputMode="tel" autoComplete={own('tel')} dir="ltr" {...register('mobile', { onChange: latinDigitsAsTyped })} />}
      </Field>

      <Field {...field('email')}>
        {(control) => <input {...control} type="email" className="input" autoComplete={own('email')} dir="ltr" spellCheck={false} {...register('email')} />}
      </Field>

      <Field {...field('city')}>
        {(control) => <input {...control} type="text" className="input input--20" autoComplete={own('address-level2')} dir="auto" {...register('city')} />}
      </Field>

      <Choice
        {...field('category')}
        style={choices}
        options={BENEFICIARY_CATEGORIES.map((value) => ({ value, label: wording.category(value) }))}
        choose={wording.choose('category')}
        registration={register('category')}
      />

      <Choice
        {...field('request_type')}
        style="selects"
        options={REQUEST_TYPES.map((value) => ({ value, label: wording.requestType(value) }))}
        choose={wording.choose('request_type')}
        registration={register('request_type')}
      />

      <Field {...field('description')} after={<DescriptionCount control={control} text={wording.count} />}>
        {(control) => (
          <textarea
            {...control}
            aria-describedby={[control['aria-describedby'], 'description-count'].filter(Boolean).join(' ')}
            className="textarea"
            rows={7}
            dir="auto"
            {...register('description')}
          />
        )}
      </Field>

      <Choice
        {...field('preferred_channel')}
        style={choices}
        options={channels}
        choose={wording.choose('preferred_channel')}
        registration={register('preferred_channel')}
      />

      <fieldset className="declarations" aria-describedby={hint.messages ? 'messages-hint' : undefined}>
        <legend>{label.messages}</legend>
        {hint.messages && <p id="messages-hint" className="field__hint">{hint.messages}</p>}
        <Checkbox {...field('messages_by_sms')} registration={register('messages_by_sms')} />
        <Checkbox {...field('messages_by_email')} registration={register('messages_by_email')} />
      </fieldset>

      <fieldset className="declarations">
        <legend>{label.declarations}</legend>
        <Checkbox {...field('accuracy_confirmed')} registration={register('accuracy_confirmed')} />
        <Checkbox {...field('privacy_consent')} registration={register('privacy_consent')} />
      </fieldset>
    </>
  );
}

/**
 * The description's character count. It watches the field itself (useWatch), so typing re-renders
 * the count alone, not the whole form (react-hook-form's `watch` re-renders the form's root).
 */
function DescriptionCount({ control, text }: { control: Control<SupportRequestInput>; text: RequestFieldsWording['count'] }) {
  const description = useWatch({ control, name: 'description' }) ?? '';
  return <CharacterCount id="description-count" count={codePointLength(description.trim())} max={DESCRIPTION_MAX} text={text} />;
}

interface ChoiceProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  errorPrefix: string;
  style: ChoiceStyle;
  options: { value: string; label: string }[];
  choose: string;
  registration: UseFormRegisterReturn;
}

/** One answer from a list: a group of radios, or a select that starts on "choose". */
function Choice({ id, label, hint, error, errorPrefix, style, options, choose, registration }: ChoiceProps) {
  if (style === 'radios') {
    return <RadioGroup name={id} legend={label} hint={hint} options={options} error={error} errorPrefix={errorPrefix} registration={registration} />;
  }
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={errorPrefix}>
      {(control) => (
        <select {...control} className="select" {...registration}>
          <option value="">{choose}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}
