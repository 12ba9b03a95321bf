/** One e-mail, ready to go: the worker builds it from an outbox row. */
export interface OutgoingMessage {
  from: string;
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  html: string;
  /** The outbox row's Message-ID, the same on every attempt. */
  messageId: string;
}

/** Where messages go: an SMTP server, or a folder of `.eml` files when none is configured. */
export interface MailTransport {
  /** For logs: where messages are going (never the SMTP password). */
  readonly description: string;
  /** Resolves once the message is accepted; rejects with the cause otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

/** nodemailer's view of a message, with the recipient named when we know the name. */
export function toNodemailer(message: OutgoingMessage) {
  const { to, ...rest } = message;
  return { ...rest, to: to.name ? { name: to.name, address: to.address } : to.address };
}
