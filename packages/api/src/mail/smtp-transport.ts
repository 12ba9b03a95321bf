import { createTransport } from "nodemailer";
import { type MailTransport, type OutgoingMessage, toNodemailer } from "./mail-transport";

/** Timeouts bound one attempt, so that a hung server costs a retry, not a stuck worker. */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * Sends through the SMTP server of an `smtp://` or `smtps://` URL (credentials, if any, in the URL;
 * nodemailer's query options such as `?ignoreTLS=true` are honoured).
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(`SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  const transporter = createTransport({ url: smtpUrl, ...TIMEOUTS });
  return {
    description: `SMTP ${url.protocol}//${url.host}`,
    async send(message: OutgoingMessage) {
      await transporter.sendMail(toNodemailer(message));
    },
    async close() {
      transporter.close();
    },
  };
}
