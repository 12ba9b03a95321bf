import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AnomaliesBoard } from "./anomalies-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("anomalies");
  return { title: t("title") };
}

const ID = /^\d{1,15}$/;

/** `?anomaly=3&anomaly=5&after=42`: the repair of what a rejected intervention left open, preselected. */
export default async function AnomaliesPage({
  searchParams,
}: {
  searchParams: Promise<{ anomaly?: string | string[]; after?: string }>;
}) {
  const { anomaly, after } = await searchParams;
  const t = await getTranslations("anomalies");
  const preselected = [anomaly ?? []]
    .flat()
    .filter((id) => ID.test(id))
    .slice(0, 500)
    .map(Number);
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <AnomaliesBoard preselected={preselected} after={after && ID.test(after) ? Number(after) : undefined} />
    </>
  );
}
