import { createEmlDirectoryTransport } from "./eml-directory-transport";
import type { MailTransport } from "./mail-transport";
import { createSmtpTransport } from "./smtp-transport";

export interface MailTransportSettings {
  /** `smtp://` or `smtps://`; unset or empty: messages are written as `.eml` files instead. */
  smtpUrl?: string | undefined;
  /** Where the `.eml` files go when there is no SMTP server (the app passes `<DATA_DIR>/mail`). */
  directory: string;
}

export function createMailTransport(settings: MailTransportSettings): MailTransport {
  return settings.smtpUrl ? createSmtpTransport(settings.smtpUrl) : createEmlDirectoryTransport(settings.directory);
}
