import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Loading } from "../../../components/states";
import { paramsOf, wordedSearch } from "../interventions/list-filters";
import { PlanningCalendar } from "./planning-calendar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planning");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PlanningPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // An old link naming a type by its number leads to the same planning, in words.
  const worded = wordedSearch(paramsOf(await searchParams));
  if (worded !== null) permanentRedirect(`/planning${worded}`);
  return <Planning />;
}

function Planning() {
  const t = useTranslations("planning");
  return (
    <>
      <h1>{t("title")}</h1>
      <Suspense fallback={<Loading>{t("loading")}</Loading>}>
        <PlanningCalendar />
      </Suspense>
    </>
  );
}
