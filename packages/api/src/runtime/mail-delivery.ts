import { join } from "node:path";
import type { Database } from "@interventions/db";
import type { JobEngine } from "../jobs/job-engine";
import { createMailTransport } from "../mail/create-mail-transport";
import type { MailEnv } from "../mail/mail-env";
import { workMail } from "../mail/work-mail";
import { resolveDataDir } from "./data-dir";
import type { ServerEnv } from "./env";

export interface MailDelivery {
  /** Where messages go: the SMTP server, or the folder of `.eml` files. */
  description: string;
  /** Takes no more messages and waits for the sends under way; the engine itself stays up. */
  stop(): Promise<void>;
}

/** The outbox's delivery inside a server process, on its job engine (unless MAIL_WORKER=off). */
export async function startMailDelivery(
  env: ServerEnv,
  engine: JobEngine,
  db: Database,
  log?: (message: string, error?: unknown) => void,
): Promise<MailDelivery | null> {
  if (env.MAIL_WORKER === "off") return null;
  return deliverMail(env, engine, db, log);
}

/** Works the mail queue on this engine, through the configured transport (SMTP, or `.eml` files in MAIL_DIR). */
export async function deliverMail(
  env: MailEnv & Pick<ServerEnv, "DATA_DIR">,
  engine: JobEngine,
  db: Database,
  log?: (message: string, error?: unknown) => void,
): Promise<MailDelivery> {
  const directory = env.MAIL_DIR ?? join(resolveDataDir(env), "mail");
  const transport = createMailTransport({ smtpUrl: env.SMTP_URL, directory });
  const worker = await workMail(engine, { db, transport, appUrl: env.APP_URL, from: env.MAIL_FROM, log });
  return {
    description: transport.description,
    async stop() {
      await worker.stop();
      await transport.close();
    },
  };
}
