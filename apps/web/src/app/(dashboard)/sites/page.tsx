import type { Metadata } from "next";
import { SiteList } from "./site-list";

export const metadata: Metadata = { title: "Sites" };

export default function SitesPage() {
  return (
    <>
      <h1>Sites</h1>
      <SiteList />
    </>
  );
}
