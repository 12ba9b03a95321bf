import { interventionSiteRules, type Transaction } from "@interventions/db";
import { eq, sql } from "drizzle-orm";
import { idArray } from "../../id-array";

/** The site rules a preventive checks, in id order. */
export async function linkedSiteRuleIds(tx: Transaction, interventionId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: interventionSiteRules.siteRuleId })
    .from(interventionSiteRules)
    .where(eq(interventionSiteRules.interventionId, interventionId));
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export async function insertSiteRuleLinks(tx: Transaction, interventionId: number, siteRuleIds: readonly number[]) {
  // As many links as sites times rules: one array parameter, not two per link.
  await tx.insert(interventionSiteRules).select(sql`select ${interventionId}::bigint, unnest(${idArray(siteRuleIds)})`);
}

export async function replaceSiteRuleLinks(tx: Transaction, interventionId: number, siteRuleIds: readonly number[]) {
  await tx.delete(interventionSiteRules).where(eq(interventionSiteRules.interventionId, interventionId));
  await insertSiteRuleLinks(tx, interventionId, siteRuleIds);
}
