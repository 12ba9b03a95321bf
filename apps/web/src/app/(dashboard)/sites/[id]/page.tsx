import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteRegister } from "./site-register";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("siteRegister");
  return { title: t("title") };
}

export default async function SitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  return <SiteRegister siteId={Number(id)} />;
}
