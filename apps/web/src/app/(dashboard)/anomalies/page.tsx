import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AnomaliesBoard } from "./anomalies-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("anomalies");
  return { title: t("title") };
}

export default function AnomaliesPage() {
  const t = useTranslations("anomalies");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <AnomaliesBoard />
    </>
  );
}
