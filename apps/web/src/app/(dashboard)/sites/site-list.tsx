"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Empty, ErrorBanner, Loading } from "../../../components/states";
import { useTRPC } from "../../../lib/trpc";

export function SiteList() {
  const trpc = useTRPC();
  const sites = useQuery(trpc.sites.list.queryOptions());
  if (sites.isPending) return <Loading what="sites" />;
  if (sites.error) return <ErrorBanner error={sites.error} />;
  if (sites.data.length === 0) return <Empty>This organization has no site yet.</Empty>;
  return (
    <div className="table-wrap">
      <table className="records">
        <caption className="visually-hidden">Sites</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Address</th>
            <th scope="col">Rules</th>
            <th scope="col">Open anomalies</th>
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
