import { homeOverview } from "@interventions/api/services";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor, serviceContextFor } from "../../lib/session";
import { HomeSections } from "./_home/home-sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: { absolute: t("title") } };
}

/** The first page after signing in: what needs the member's attention today, most urgent first. */
export default async function HomePage() {
  const actor = await requireActor("/");
  const [home, locale, t] = await Promise.all([
    homeOverview({ ctx: await serviceContextFor(actor) }),
    getLocale(),
    getTranslations("home"),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <HomeSections home={home} role={actor.role} locale={locale} />
    </>
  );
}
