// Which provider sends each channel, from the function's secrets (supabase/CONTRACT.md, "Edge
// Functions"): SMS_TRANSPORT = inbox | taqnyat | unifonic, EMAIL_TRANSPORT = smtp | resend. Adding
// a provider is a module like taqnyat.ts and one entry below. A channel without a working
// configuration answers `retry` with what is missing, so its messages wait (and staff see why).
import type { SendEmail, SendSms } from './outcome.ts';
import { taqnyatSms } from './taqnyat.ts';
import { unifonicSms } from './unifonic.ts';
import { resendEmail } from './resend.ts';
import { smtpTransport } from './smtp.ts';
import { sendingLanes } from '../outreach/lanes.ts';

type Env = (name: string) => string | undefined;

const notConfigured = (what: string) => async () => ({ kind: 'retry' as const, reason: `not configured: ${what}` });

function required(env: Env, names: string[]): string[] | null {
  const missing = names.filter((n) => !env(n));
  return missing.length ? missing : null;
}

export function providersFrom(env: Env) {
  let smtp: ReturnType<typeof smtpTransport> | null = null;
  const smtpOnce = () =>
    (smtp ??= smtpTransport({
      host: env('SMTP_HOST') ?? '',
      port: Number(env('SMTP_PORT') ?? 587),
      secure: env('SMTP_SECURE') === 'true',
      user: env('SMTP_USER') || undefined,
      pass: env('SMTP_PASS') || undefined,
      from: env('MAIL_FROM') ?? '',
      connections: sendingLanes(env),
    }));

  const SMS: Record<string, () => SendSms> = {
    inbox: () => required(env, ['SMTP_HOST', 'SMS_INBOX_DOMAIN']) ? notConfigured('SMTP_HOST and SMS_INBOX_DOMAIN') : smtpOnce().smsThroughInbox(env('SMS_INBOX_DOMAIN')!),
    taqnyat: () => required(env, ['TAQNYAT_TOKEN', 'SMS_SENDER'])
      ? notConfigured('TAQNYAT_TOKEN and SMS_SENDER')
      : taqnyatSms({ token: env('TAQNYAT_TOKEN')!, sender: env('SMS_SENDER')!, apiUrl: env('TAQNYAT_API_URL') || undefined }),
    unifonic: () => required(env, ['UNIFONIC_APP_SID', 'SMS_SENDER'])
      ? notConfigured('UNIFONIC_APP_SID and SMS_SENDER')
      : unifonicSms({ appSid: env('UNIFONIC_APP_SID')!, sender: env('SMS_SENDER')!, apiUrl: env('UNIFONIC_API_URL') || undefined }),
  };
  const EMAIL: Record<string, () => SendEmail> = {
    smtp: () => required(env, ['SMTP_HOST', 'MAIL_FROM']) ? notConfigured('SMTP_HOST and MAIL_FROM') : smtpOnce().email,
    resend: () => required(env, ['RESEND_API_KEY', 'MAIL_FROM'])
      ? notConfigured('RESEND_API_KEY and MAIL_FROM')
      : resendEmail({ apiKey: env('RESEND_API_KEY')!, from: env('MAIL_FROM')!, apiUrl: env('RESEND_API_URL') || undefined }),
  };

  const smsName = env('SMS_TRANSPORT') ?? '';
  const emailName = env('EMAIL_TRANSPORT') ?? 'smtp';
  return {
    sms: (Object.hasOwn(SMS, smsName) ? SMS[smsName]!() : null) ?? notConfigured(`SMS_TRANSPORT (${Object.keys(SMS).join(' | ')})`),
    email: (Object.hasOwn(EMAIL, emailName) ? EMAIL[emailName]!() : null) ?? notConfigured(`EMAIL_TRANSPORT (${Object.keys(EMAIL).join(' | ')})`),
    close: () => smtp?.close(),
  };
}
