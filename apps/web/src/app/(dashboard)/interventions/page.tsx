import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Loading } from "../../../components/states";
import { InterventionList } from "./intervention-list";
import { paramsOf, wordedSearch } from "./list-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("list");
  return { title: { absolute: t("title") } };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function InterventionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // An old link naming a status or a type by its number still works: it leads to the same list, in words.
  const worded = wordedSearch(paramsOf(await searchParams));
  if (worded !== null) permanentRedirect(`/interventions${worded}`);
  return <Interventions />;
}

function Interventions() {
  const t = useTranslations("list");
  return (
    <>
      <h1>{t("title")}</h1>
      <Suspense fallback={<Loading>{t("loading")}</Loading>}>
        <InterventionList />
      </Suspense>
    </>
  );
}
