import { useRef, useState, type FormEvent } from 'react';
import { supabase } from './staff-client';
import { STAFF_INTAKE_CHANNELS, CHANNELS } from '../../schemas/channels';
import { ACCURACY_DECLARATION_VERSION, BENEFICIARY_CATEGORIES, REQUEST_TYPES, RULE_FIELDS, supportRequestSchema } from '../../schemas/support-request';
import type { Translate } from './i18n';
import { dbErrorMessage } from './db-error';

interface Props {
  t: Translate;
  locale: 'ar' | 'en';
  onRegistered: (id: string) => void;
}

type FieldErrors = Record<string, string>;
const TEXT_FIELDS = [
  { name: 'full_name', type: 'text', autoComplete: 'off' },
  { name: 'national_id', type: 'text', inputMode: 'numeric', ltr: true },
  { name: 'mobile', type: 'tel', ltr: true },
  { name: 'email', type: 'email', ltr: true },
  { name: 'city', type: 'text' },
] as const;

/** Policy channels: a request received by phone, interview, letter, representative or volunteer. */
export default function RegisterOnBehalf({ t, locale, onRegistered }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const raw = {
      full_name: String(f.get('full_name') ?? ''),
      national_id: String(f.get('national_id') ?? ''),
      mobile: String(f.get('mobile') ?? ''),
      email: String(f.get('email') ?? ''),
      city: String(f.get('city') ?? ''),
      category: String(f.get('category') ?? ''),
      request_type: String(f.get('request_type') ?? ''),
      description: String(f.get('description') ?? ''),
      preferred_channel: String(f.get('preferred_channel') ?? ''),
      locale: String(f.get('locale') ?? locale),
      accuracy_confirmed: f.get('accuracy_confirmed') === 'on',
      privacy_consent: f.get('privacy_consent') === 'on',
    };
    const intake = String(f.get('intake_channel') ?? '');
    const parsed = supportRequestSchema.safeParse(raw);
    const next: FieldErrors = {};
    if (!intake) next.intake_channel = t('staff.register.intakeRequired');
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        next[field] ??= t(`errors.${issue.message}`);
      }
    }
    setErrors(next);
    setFormError(null);
    if (!parsed.success || Object.keys(next).length > 0) {
      document.getElementById('register-errors')?.focus();
      return;
    }
    setBusy(true);
    const d = parsed.data;
    const { data, error } = await supabase.rpc('register_request_on_behalf', {
      p_full_name: d.full_name,
      p_national_id: d.national_id,
      p_mobile: d.mobile,
      p_email: d.email,
      p_city: d.city,
      p_category: d.category,
      p_request_type: d.request_type,
      p_description: d.description,
      p_preferred_channel: d.preferred_channel,
      p_locale: d.locale,
      p_accuracy_confirmed: d.accuracy_confirmed,
      p_privacy_consent: d.privacy_consent,
      p_declaration_version: ACCURACY_DECLARATION_VERSION,
      p_idempotency_key: idempotencyKey.current,
      p_intake_channel: intake,
    });
    setBusy(false);
    if (error) {
      const field = (RULE_FIELDS as Record<string, string>)[error.message];
      if (field) setErrors({ [field]: t(`errors.${error.message}`) });
      else setFormError(dbErrorMessage(t, error));
      return;
    }
    const reference = (data as { reference: string }).reference;
    const { data: row } = await supabase.from('support_requests').select('id').eq('reference', reference).single();
    idempotencyKey.current = crypto.randomUUID();
    if (row) onRegistered(row.id as string);
  }

  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);
  const errorText = (name: string) => errors[name] && <p id={`${name}-error`} className="field-error">{errors[name]}</p>;
  const errorList = Object.entries(errors);

  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title" tabIndex={-1}>{t('staff.register.title')}</h2>
      <p>{t('staff.register.intro')}</p>
      {(errorList.length > 0 || formError) && (
        <div id="register-errors" role="alert" tabIndex={-1} className="staff-error">
          <p><strong>{t('staff.register.problem')}</strong></p>
          {formError && <p>{formError}</p>}
          <ul>{errorList.map(([field, msg]) => <li key={field}><a href={`#reg-${field}`} onClick={(e) => { e.preventDefault(); document.getElementById(`reg-${field}`)?.focus(); }}>{msg}</a></li>)}</ul>
        </div>
      )}
      <form className="staff-form" onSubmit={submit} noValidate>
        <label htmlFor="reg-intake_channel">{t('staff.register.intakeChannel')}</label>
        {errorText('intake_channel')}
        <select id="reg-intake_channel" name="intake_channel" defaultValue="" aria-describedby={describedBy('intake_channel')} aria-invalid={!!errors.intake_channel}>
          <option value="">{t('staff.assign.choose')}</option>
          {STAFF_INTAKE_CHANNELS.map((c) => <option key={c} value={c}>{t(`staff.channel.${c}`)}</option>)}
        </select>
        {TEXT_FIELDS.map((field) => (
          <div key={field.name}>
            <label htmlFor={`reg-${field.name}`}>{t(`staff.field.${field.name}`)}</label>
            {errorText(field.name)}
            <input id={`reg-${field.name}`} name={field.name} type={field.type} dir={'ltr' in field ? 'ltr' : undefined}
              aria-describedby={describedBy(field.name)} aria-invalid={!!errors[field.name]} />
          </div>
        ))}
        {([['category', BENEFICIARY_CATEGORIES, 'staff.category.'], ['request_type', REQUEST_TYPES, 'staff.requestType.'], ['preferred_channel', CHANNELS, 'staff.channel.']] as const).map(([name, values, prefix]) => (
          <div key={name}>
            <label htmlFor={`reg-${name}`}>{t(`staff.field.${name}`)}</label>
            {errorText(name)}
            <select id={`reg-${name}`} name={name} defaultValue="" aria-describedby={describedBy(name)} aria-invalid={!!errors[name]}>
              <option value="">{t('staff.assign.choose')}</option>
              {values.map((v) => <option key={v} value={v}>{t(`${prefix}${v}`)}</option>)}
            </select>
          </div>
        ))}
        <label htmlFor="reg-description">{t('staff.field.description')}</label>
        {errorText('description')}
        <textarea id="reg-description" name="description" rows={5} aria-describedby={describedBy('description')} aria-invalid={!!errors.description} />
        <label htmlFor="reg-locale">{t('staff.field.locale')}</label>
        <select id="reg-locale" name="locale" defaultValue={locale}>
          <option value="ar">العربية</option>
          <option value="en">English</option>
        </select>
        <span className="checkbox">
          <input id="reg-accuracy_confirmed" name="accuracy_confirmed" type="checkbox" aria-describedby={describedBy('accuracy_confirmed')} />
          <label htmlFor="reg-accuracy_confirmed">{t('staff.register.accuracy')}</label>
        </span>
        {errorText('accuracy_confirmed')}
        <span className="checkbox">
          <input id="reg-privacy_consent" name="privacy_consent" type="checkbox" aria-describedby={describedBy('privacy_consent')} />
          <label htmlFor="reg-privacy_consent">{t('staff.register.privacy')}</label>
        </span>
        {errorText('privacy_consent')}
        <button type="submit" disabled={busy}>{t('staff.register.submit')}</button>
      </form>
    </section>
  );
}
