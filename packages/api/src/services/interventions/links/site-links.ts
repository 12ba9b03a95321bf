import { interventionSites, linkSites, type Transaction } from "@interventions/db";
import { eq } from "drizzle-orm";

export const insertSiteLinks = (tx: Transaction, interventionId: number, siteIds: readonly number[]) =>
  linkSites(
    tx,
    siteIds.map((siteId) => ({ interventionId, siteId })),
  );

/** Replaces an intervention's site links. */
export async function replaceSiteLinks(tx: Transaction, interventionId: number, siteIds: readonly number[]) {
  await tx.delete(interventionSites).where(eq(interventionSites.interventionId, interventionId));
  await insertSiteLinks(tx, interventionId, siteIds);
}

/** The sites an intervention is on, in id order. */
export async function linkedSiteIds(tx: Transaction, interventionId: number): Promise<number[]> {
  const rows = await tx
    .select({ siteId: interventionSites.siteId })
    .from(interventionSites)
    .where(eq(interventionSites.interventionId, interventionId));
  return rows.map((row) => row.siteId).sort((a, b) => a - b);
}
