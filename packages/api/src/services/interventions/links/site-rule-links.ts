import { interventionSiteRules, linkSiteRules, type Transaction } from "@interventions/db";
import { eq } from "drizzle-orm";

/** The site rules a preventive checks, in id order. */
export async function linkedSiteRuleIds(tx: Transaction, interventionId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: interventionSiteRules.siteRuleId })
    .from(interventionSiteRules)
    .where(eq(interventionSiteRules.interventionId, interventionId));
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export const insertSiteRuleLinks = (tx: Transaction, interventionId: number, siteRuleIds: readonly number[]) =>
  linkSiteRules(
    tx,
    siteRuleIds.map((siteRuleId) => ({ interventionId, siteRuleId })),
  );

export async function replaceSiteRuleLinks(tx: Transaction, interventionId: number, siteRuleIds: readonly number[]) {
  await tx.delete(interventionSiteRules).where(eq(interventionSiteRules.interventionId, interventionId));
  await insertSiteRuleLinks(tx, interventionId, siteRuleIds);
}
