import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteRegister } from "./site-register";

export const metadata: Metadata = { title: "Site register" };

export default async function SitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  return <SiteRegister siteId={Number(id)} />;
}
