import { describeLocale } from "@interventions/api/services";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor, serviceContextFor } from "../lib/session";
import { resolveLocale } from "./locale";
import { catalogueOf } from "./messages";

/**
 * The language of this request (next-intl reads it once per request): the signed-in user's choice, else the
 * browser's Accept-Language, else the organization's default; with the organization's time zone.
 */
export default getRequestConfig(async () => {
  const [actor, requestHeaders] = await Promise.all([getActor(), headers()]);
  const settings = actor ? await describeLocale({ ctx: await serviceContextFor(actor) }) : null;
  const locale = resolveLocale({
    chosen: settings?.chosen ?? null,
    acceptLanguage: requestHeaders.get("accept-language"),
    organizationDefault: settings?.organizationDefault ?? null,
  });
  return { locale, messages: catalogueOf(locale), timeZone: settings?.timeZone ?? "Europe/Paris" };
});
