// SMTP, for the local inbox and for self-hosting (hosted Edge Functions cannot reach ports 25 or
// 587: use Resend there). One pooled connection for the whole run. Locally SMS go through the same
// server as mail to <mobile>@<SMS_INBOX_DOMAIN>, so a developer reads every message in one inbox.
import nodemailer from 'npm:nodemailer@^10';
import { SEND_TIMEOUT_MS, type SendEmail, type SendOutcome, type SendSms } from './outcome.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** One per sending lane (NOTIFY_LANES). */
  connections?: number;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

/** 5xx from the server: it refuses this message for good; anything else (4xx, no connection) may work later. */
function outcomeOf(error: SmtpError): SendOutcome {
  const reason = `SMTP ${error.responseCode ?? error.code ?? ''}: ${String(error.response ?? error.message ?? error)}`.slice(0, 400);
  return error.responseCode && error.responseCode >= 500 ? { kind: 'refused', reason } : { kind: 'retry', reason };
}

export function smtpTransport(config: SmtpConfig) {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ignoreTLS: !config.secure,
    pool: true,
    maxConnections: config.connections ?? 1,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
    ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
  });

  async function send(mail: Record<string, unknown>): Promise<SendOutcome> {
    try {
      const info = await transport.sendMail({ from: config.from, ...mail });
      if (info.rejected?.length) return { kind: 'refused', reason: `SMTP refused ${info.rejected.join(', ')}: ${info.response ?? ''}` };
      return { kind: 'accepted', providerId: String(info.messageId ?? info.response ?? 'smtp') };
    } catch (error) {
      return outcomeOf(error as SmtpError);
    }
  }

  const email: SendEmail = ({ to, subject, text, html, messageId }) =>
    send({ to, subject, text, html, headers: { 'X-Irtiqaa-Message': String(messageId) } });

  /** An SMS as mail to <mobile>@<domain>: the SMS text is the whole body. */
  const smsThroughInbox = (domain: string): SendSms => ({ to, text, messageId }) =>
    send({ to: `${to}@${domain}`, subject: `SMS ${to}`, text, headers: { 'X-Irtiqaa-Message': String(messageId), 'X-Irtiqaa-Channel': 'sms' } });

  return { email, smsThroughInbox, close: () => transport.close() };
}
