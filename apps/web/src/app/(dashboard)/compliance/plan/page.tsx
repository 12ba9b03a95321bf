import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanCheckForm } from "./plan-check-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planCheck");
  return { title: t("title") };
}

export default async function PlanCheckPage({ searchParams }: { searchParams: Promise<{ siteRuleId?: string }> }) {
  const { siteRuleId } = await searchParams;
  if (!siteRuleId || !/^\d{1,15}$/.test(siteRuleId)) notFound();
  return <PlanCheckForm siteRuleId={Number(siteRuleId)} />;
}
