import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanCheckForm } from "./plan-check-form";

export const metadata: Metadata = { title: "Plan a check" };

export default async function PlanCheckPage({ searchParams }: { searchParams: Promise<{ siteRuleId?: string }> }) {
  const { siteRuleId } = await searchParams;
  if (!siteRuleId || !/^\d{1,15}$/.test(siteRuleId)) notFound();
  return <PlanCheckForm siteRuleId={Number(siteRuleId)} />;
}
