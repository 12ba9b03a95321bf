import { join } from "node:path";
import type { Database } from "@interventions/db";
import { createMailTransport } from "../mail/create-mail-transport";
import { createMailWorker } from "../mail/mail-worker";
import { resolveDataDir } from "./data-dir";
import type { ServerEnv } from "./env";

export interface MailDelivery {
  /** Where messages go: the SMTP server, or the folder of `.eml` files. */
  description: string;
  stop(): Promise<void>;
}

/** The outbox's delivery worker inside a server process (unless MAIL_WORKER=off), started at once. */
export function startMailDelivery(
  env: ServerEnv,
  db: Database,
  log: (message: string, error?: unknown) => void = console.info,
): MailDelivery | null {
  if (env.MAIL_WORKER === "off") return null;
  const transport = createMailTransport({
    smtpUrl: env.SMTP_URL,
    directory: env.MAIL_DIR ?? join(resolveDataDir(env), "mail"),
  });
  const worker = createMailWorker({ db, transport, appUrl: env.APP_URL, from: env.MAIL_FROM, log });
  worker.start();
  return {
    description: transport.description,
    async stop() {
      await worker.stop();
      await transport.close();
    },
  };
}
