import { interventionSites, type Transaction } from "@interventions/db";
import { eq } from "drizzle-orm";

/** The intervention as its site links need it: the scheduled start is copied into each link. */
export interface LinkedIntervention {
  id: number;
  organizationId: number;
  scheduledStart: Date;
}

/**
 * Links an intervention to its sites. The start must be the one stored now: a reschedule in the same
 * transaction is carried to the links afterwards by the foreign key (on update cascade).
 */
export async function insertSiteLinks(tx: Transaction, intervention: LinkedIntervention, siteIds: readonly number[]) {
  await tx.insert(interventionSites).values(
    siteIds.map((siteId) => ({
      interventionId: intervention.id,
      siteId,
      organizationId: intervention.organizationId,
      scheduledStart: intervention.scheduledStart,
    })),
  );
}

/** Replaces an intervention's site links. */
export async function replaceSiteLinks(tx: Transaction, intervention: LinkedIntervention, siteIds: readonly number[]) {
  await tx.delete(interventionSites).where(eq(interventionSites.interventionId, intervention.id));
  await insertSiteLinks(tx, intervention, siteIds);
}

/** The sites an intervention is on, in id order. */
export async function linkedSiteIds(tx: Transaction, interventionId: number): Promise<number[]> {
  const rows = await tx
    .select({ siteId: interventionSites.siteId })
    .from(interventionSites)
    .where(eq(interventionSites.interventionId, interventionId));
  return rows.map((row) => row.siteId).sort((a, b) => a - b);
}
