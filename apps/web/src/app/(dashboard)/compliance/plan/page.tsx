import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanCheckForm } from "./plan-check-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planCheck");
  return { title: t("title") };
}

const ID = /^\d{1,15}$/;

/** `?siteRuleId=3` (a cell of the grid), or several with `after=42` (the re-check of a rejected check). */
export default async function PlanCheckPage({
  searchParams,
}: {
  searchParams: Promise<{ siteRuleId?: string | string[]; after?: string }>;
}) {
  const { siteRuleId, after } = await searchParams;
  const ids = [siteRuleId ?? []].flat();
  if (ids.length === 0 || ids.length > 100 || !ids.every((id) => ID.test(id))) notFound();
  const from = after && ID.test(after) ? Number(after) : undefined;
  return <PlanCheckForm siteRuleIds={[...new Set(ids.map(Number))]} after={from} />;
}
