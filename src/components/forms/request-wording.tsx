import type { IslandTranslate } from '../../i18n/islands';
import type { RequestFieldsWording } from './RequestFields';

/** The request form's words, addressed to the applicant (the review step reuses its labels). */
export function requestWording(t: IslandTranslate<'request'>, privacyHref: string): RequestFieldsWording {
  return {
    label: {
      full_name: t('request.fullName.label'),
      national_id: t('request.nationalId.label'),
      mobile: t('request.mobile.label'),
      email: t('request.email.label'),
      city: t('request.city.label'),
      category: t('request.category.legend'),
      request_type: t('request.requestType.label'),
      description: t('request.description.label'),
      preferred_channel: t('request.preferredChannel.legend'),
      messages: t('request.messages.legend'),
      messages_by_sms: t('request.messages.sms'),
      messages_by_email: t('request.messages.email'),
      accuracy_confirmed: t('request.accuracy.label'),
      privacy_consent: t('request.privacy.label'),
      declarations: t('request.declarations.legend'),
    },
    hint: {
      full_name: t('request.fullName.hint'),
      national_id: t('request.nationalId.hint'),
      mobile: t('request.mobile.hint'),
      email: t('request.email.hint'),
      description: t('request.description.hint'),
      preferred_channel: t('request.preferredChannel.hint'),
      messages: t('request.messages.hint'),
      accuracy_confirmed: t('request.accuracy.hint'),
      privacy_consent: <a href={privacyHref}>{t('request.privacy.link')}</a>,
    },
    category: (value) => t(`request.category.${value}`),
    requestType: (value) => t(`request.requestType.${value}`),
    choose: () => t('request.requestType.choose'),
    errorPrefix: t('form.error.prefix'),
    count: (count, max) => t('request.description.count', { count, max }),
  };
}
