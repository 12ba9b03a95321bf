import type { ServiceContext } from "@interventions/api";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getActor, serviceContextFor } from "../lib/session";

/**
 * What every CSV download needs before its rows: the signed-in member's context, the file's words in their
 * language and the organization's time zone; null when nobody is signed in.
 */
export async function csvExportRequest(): Promise<{
  ctx: ServiceContext;
  t: Awaited<ReturnType<typeof getTranslations<"export">>>;
  labels: Awaited<ReturnType<typeof getTranslations<"labels">>>;
  timeZone: string;
} | null> {
  const actor = await getActor();
  if (!actor) return null;
  const [t, labels, timeZone, ctx] = await Promise.all([
    getTranslations("export"),
    getTranslations("labels"),
    getTimeZone(),
    serviceContextFor(actor),
  ]);
  return { ctx, t, labels, timeZone };
}
