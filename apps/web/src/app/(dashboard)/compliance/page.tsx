import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ComplianceGrid } from "./compliance-grid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance");
  return { title: t("title") };
}

export default function CompliancePage() {
  const t = useTranslations("compliance");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/compliance/routines">{t("routines")}</Link>
        <span className="muted"> — {t("routinesHint")}</span>
      </p>
      <ComplianceGrid />
    </>
  );
}
