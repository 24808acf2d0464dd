// The secrets Edge Functions get on the local stack: the one place local values live. On a
// hosted project the same names are set with `supabase secrets set NAME=value` (README).
import { ports } from '../../config/ports.mjs';

/** Mail leaves through the local inbox (maildev); SMS go to the same inbox, addressed to the mobile. */
export const LOCAL_FUNCTION_SECRETS = Object.freeze({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(ports.smtp),
  SMTP_SECURE: 'false',
  SMTP_USER: '',
  SMTP_PASS: '',
  MAIL_FROM: 'Irtiqaa <no-reply@irtiqaa.local>',
  // `inbox`: an SMS to +9665XXXXXXXX is mailed to +9665XXXXXXXX@<SMS_INBOX_DOMAIN> through SMTP above.
  SMS_TRANSPORT: 'inbox',
  SMS_INBOX_DOMAIN: 'sms.irtiqaa.local',
});
