import { type MailDelivery, startMailDelivery } from "@interventions/api/runtime";
import { env } from "../env";
import { getDatabase } from "./database";
import { getJobs } from "./jobs";
import { oncePerProcess } from "./once-per-process";

/** Starts this process's delivery of the outbox on its job engine, once (MAIL_WORKER=off leaves it to `mail-worker`). */
export function startMail(): Promise<MailDelivery | null> {
  return oncePerProcess("mail", async () => {
    const [{ db }, jobs] = await Promise.all([getDatabase(), getJobs()]);
    const delivery = await startMailDelivery(env, jobs, db);
    if (delivery) console.info(`Mail worker delivering the outbox via ${delivery.description}.`);
    return delivery;
  });
}
