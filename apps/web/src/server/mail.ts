import { type MailDelivery, startMailDelivery } from "@interventions/api/runtime";
import { env } from "../env";
import { getDatabase } from "./database";
import { oncePerProcess } from "./once-per-process";

/** Starts the outbox's delivery worker of this process, once (MAIL_WORKER=off leaves it to `mail-worker`). */
export function startMail(): Promise<MailDelivery | null> {
  return oncePerProcess("mail", async () => {
    const { db } = await getDatabase();
    const delivery = startMailDelivery(env, db);
    if (delivery) console.info(`Mail worker delivering the outbox via ${delivery.description}.`);
    return delivery;
  });
}
