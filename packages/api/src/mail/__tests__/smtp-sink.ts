import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on a free port, keeping what it receives, parsed. It can go down and come back. */
export interface SmtpSink {
  readonly url: string;
  readonly received: ParsedMail[];
  /** Closes the server: connections are refused, as with a server that is down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** Refuses RCPT TO for these addresses, for good (550). */
  rejectRecipients(addresses: string[]): void;
  /** Resolves once `count` messages in all have been received. */
  whenReceived(count: number): Promise<void>;
  /**
   * Leaves the next message unanswered, as a server that hangs mid-send: `reached` resolves when it is being
   * sent; `release()` then refuses it (451), as the end of a dropped connection would. Later messages go through.
   */
  holdNext(): { reached: Promise<void>; release(): void };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const rejected = new Set<string>();
  const waiting: { count: number; resolve: () => void }[] = [];
  let hold: { reach: () => void; released: Promise<void> } | undefined;
  let server: SMTPServer | undefined;
  let port = 0;

  async function listen() {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (rejected.has(address.address)) {
          callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        if (hold) {
          const { reach, released } = hold;
          hold = undefined;
          reach();
          stream.resume();
          void released.then(() => callback(Object.assign(new Error("Connection lost"), { responseCode: 451 })));
          return;
        }
        // Kept before the server answers 250: once a send resolves, its message is in `received`.
        simpleParser(stream).then(
          (mail) => {
            received.push(mail);
            for (const waiter of waiting.filter((w) => received.length >= w.count)) waiter.resolve();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      instance.once("error", reject);
      instance.listen(port, "127.0.0.1", () => resolve());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  }

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    restart: listen,
    rejectRecipients(addresses) {
      for (const address of addresses) rejected.add(address);
    },
    holdNext() {
      let reach = () => {};
      let release = () => {};
      const reached = new Promise<void>((resolve) => {
        reach = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      hold = { reach, released };
      return { reached, release };
    },
    whenReceived(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
  };
}
