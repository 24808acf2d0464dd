import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { schemaResolver } from '../forms/schema-resolver';
import { registerRequestOnBehalf } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import { CHANNELS, STAFF_INTAKE_CHANNELS } from '../../schemas/channels';
import { onBehalfRequestSchema, type OnBehalfRequest, type OnBehalfRequestInput, type OnBehalfRuleKey } from '../../schemas/on-behalf-request';
import { ErrorSummary, summaryOf } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { RequestFields, type RequestFieldsWording } from '../forms/RequestFields';
import { REQUEST_FIELDS, controlId, emptyRequest } from '../forms/request-fields';
import { dbErrorMessage } from './db-error';
import { rememberIssuedLink } from './issued-link';
import OpenRequestsNotice from './OpenRequestsNotice';

interface Props {
  t: IslandTranslate<'staff'>;
  locale: Locale;
  onRegistered: (id: string) => void;
}

/** The staff form asks what the public form asks, and how the request arrived and in which language to answer. */
const FIELDS = ['intake_channel', 'locale', ...REQUEST_FIELDS] as const;
type OnBehalfField = (typeof FIELDS)[number];

function staffWording(t: IslandTranslate<'staff'>): RequestFieldsWording {
  return {
    label: {
      full_name: t('staff.field.full_name'),
      national_id: t('staff.field.national_id'),
      mobile: t('staff.field.mobile'),
      email: t('staff.field.email'),
      city: t('staff.field.city'),
      category: t('staff.field.category'),
      request_type: t('staff.field.request_type'),
      description: t('staff.field.description'),
      preferred_channel: t('staff.field.preferred_channel'),
      messages: t('staff.contact.title'),
      messages_by_sms: t('staff.contact.sms'),
      messages_by_email: t('staff.contact.email'),
      accuracy_confirmed: t('staff.register.accuracy'),
      privacy_consent: t('staff.register.privacy'),
      declarations: t('staff.register.declarations'),
    },
    hint: {},
    category: (value) => t(`staff.category.${value}`),
    requestType: (value) => t(`staff.requestType.${value}`),
    choose: () => t('staff.assign.choose'),
    errorPrefix: t('form.error.prefix'),
    count: (count, max) => t('request.description.count', { count, max }),
  };
}

/** Policy channels: a request received by phone, interview, letter, representative or volunteer. */
export default function RegisterOnBehalf({ t, locale, onRegistered }: Props) {
  const form = useForm<OnBehalfRequestInput, unknown, OnBehalfRequest>({
    resolver: schemaResolver(onBehalfRequestSchema),
    defaultValues: { ...emptyRequest(locale), intake_channel: '' } as unknown as OnBehalfRequestInput,
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());
  const errors = form.formState.errors;
  const message = (field: OnBehalfField) => {
    const key = errors[field]?.message;
    return key ? t(`errors.${key as OnBehalfRuleKey}`) : undefined;
  };
  const errorPrefix = t('form.error.prefix');

  const onValid = async (request: OnBehalfRequest) => {
    setBusy(true);
    setFormError(null);
    const outcome = await registerRequestOnBehalf(request, idempotencyKey.current);
    setBusy(false);
    if (outcome.ok) {
      idempotencyKey.current = crypto.randomUUID();
      if (outcome.data.id) {
        // The new request's page shows the beneficiary's private link, once.
        rememberIssuedLink(outcome.data.id, outcome.data.privateLinkSecret);
        onRegistered(outcome.data.id);
      }
      return;
    }
    const { field, ruleKey } = outcome.failure;
    if (!field || !ruleKey || !(FIELDS as readonly string[]).includes(field)) return setFormError(dbErrorMessage(t, outcome.failure));
    form.setError(field as OnBehalfField, { type: 'server', message: ruleKey });
    setAttempt((n) => n + 1);
  };

  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title" tabIndex={-1}>{t('staff.register.title')}</h2>
      <p>{t('staff.register.intro')}</p>
      {formError && <div role="alert" className="staff-error">{formError}</div>}
      <form className="form" onSubmit={form.handleSubmit(onValid, () => setAttempt((n) => n + 1))} noValidate>
        <ErrorSummary title={t('staff.register.problem')} errors={summaryOf(FIELDS, message, (field) => controlId(field, 'selects'))} attempt={attempt} />
        <Field id="intake_channel" label={t('staff.register.intakeChannel')} error={message('intake_channel')} errorPrefix={errorPrefix}>
          {(control) => (
            <select {...control} className="select" {...form.register('intake_channel')}>
              <option value="">{t('staff.assign.choose')}</option>
              {STAFF_INTAKE_CHANNELS.map((c) => <option key={c} value={c}>{t(`staff.channel.${c}`)}</option>)}
            </select>
          )}
        </Field>
        <Field id="locale" label={t('staff.field.locale')} error={message('locale')} errorPrefix={errorPrefix}>
          {(control) => (
            <select {...control} className="select" {...form.register('locale')}>
              <option value="ar">العربية</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <RequestFields
          form={form}
          wording={staffWording(t)}
          message={message}
          channels={CHANNELS.map((value) => ({ value, label: t(`staff.channel.${value}`) }))}
          choices="selects"
          autofill={false}
        />
        <OpenRequestsNotice t={t} nationalId={String(form.watch('national_id') ?? '')} mobile={String(form.watch('mobile') ?? '')} />
        <button type="submit" disabled={busy}>{t('staff.register.submit')}</button>
      </form>
    </section>
  );
}
