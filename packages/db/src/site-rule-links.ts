import { sql } from "drizzle-orm";
import type { Executor } from "./client";
import { interventionSiteRules } from "./schema";

/**
 * Links an intervention to site rules, each link with the copy of the intervention's coverage columns
 * (status, dates, not deleted) read from its own row, so the copy is right by construction; the cascading
 * foreign key then keeps it so.
 */
export async function linkSiteRules(db: Executor, interventionId: number, siteRuleIds: readonly number[]) {
  if (siteRuleIds.length === 0) return;
  for (const id of [interventionId, ...siteRuleIds]) {
    if (!Number.isSafeInteger(id)) throw new TypeError(`Not an id: ${String(id)}`);
  }
  // As many links as sites times rules: one array parameter, not one per link.
  await db.insert(interventionSiteRules).select(sql`
    select i.id, rule.id, i.status, i.scheduled_start, i.done_at, i.live
    from interventions i, unnest(${`{${siteRuleIds.join(",")}}`}::bigint[]) as rule(id)
    where i.id = ${interventionId}`);
}
