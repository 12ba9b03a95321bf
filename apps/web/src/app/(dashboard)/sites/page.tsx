import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SiteList } from "./site-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sites");
  return { title: t("title") };
}

export default function SitesPage() {
  const t = useTranslations("sites");
  return (
    <>
      <h1>{t("title")}</h1>
      <SiteList />
    </>
  );
}
