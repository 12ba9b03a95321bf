"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useTRPC } from "../../../lib/trpc";

export function SiteList() {
  const trpc = useTRPC();
  const t = useTranslations("sites");
  const sites = useQuery(trpc.sites.list.queryOptions());
  if (sites.isPending) return <Loading>{t("loading")}</Loading>;
  if (sites.error) return <ErrorBanner error={sites.error} />;
  if (sites.data.length === 0) return <Empty>{t("empty")}</Empty>;
  return (
    <div className="table-wrap">
      <table className="records">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("site")}</th>
            <th scope="col">{t("address")}</th>
            <th scope="col">{t("rules")}</th>
            <th scope="col">{t("openAnomalies")}</th>
          </tr>
        </thead>
        <tbody>
          {sites.data.map((site) => (
            <tr key={site.id}>
              <td>
                <Link href={`/sites/${site.id}`}>{site.name}</Link>
              </td>
              <td>
                {site.address}, {site.postalCode} {site.city}
              </td>
              <td>{site.ruleCount}</td>
              <td>{site.openAnomalyCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
