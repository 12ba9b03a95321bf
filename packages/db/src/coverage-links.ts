import { sql } from "drizzle-orm";
import type { Executor } from "./client";
import { interventionSiteRules, interventionSites } from "./schema";

/*
 * The link tables hold a copy of what coverage needs of the intervention (status, dates, not deleted…).
 * Each link is inserted from the intervention's own row, so the copy is right by construction; the
 * cascading foreign key then keeps it so.
 */

export interface SiteRuleLink {
  interventionId: number;
  siteRuleId: number;
}

export interface SiteLink {
  interventionId: number;
  siteId: number;
}

/** As many links as interventions times sites or rules: two array parameters, not two per link. */
function idArrays(pairs: readonly (readonly [number, number])[]): [string, string] {
  for (const id of pairs.flat()) {
    if (!Number.isSafeInteger(id)) throw new TypeError(`Not an id: ${String(id)}`);
  }
  return [`{${pairs.map(([left]) => left).join(",")}}`, `{${pairs.map(([, right]) => right).join(",")}}`];
}

/** Links preventives to the site rules they check. */
export async function linkSiteRules(db: Executor, links: readonly SiteRuleLink[]) {
  if (links.length === 0) return;
  const [interventionIds, siteRuleIds] = idArrays(links.map((link) => [link.interventionId, link.siteRuleId]));
  await db.insert(interventionSiteRules).select(sql`
    select i.id, link.site_rule_id, i.status, i.scheduled_start, i.done_at, i.live
    from unnest(${interventionIds}::bigint[], ${siteRuleIds}::bigint[]) as link(intervention_id, site_rule_id)
    join interventions i on i.id = link.intervention_id`);
}

/** Links interventions to the sites they take place on. */
export async function linkSites(db: Executor, links: readonly SiteLink[]) {
  if (links.length === 0) return;
  const [interventionIds, siteIds] = idArrays(links.map((link) => [link.interventionId, link.siteId]));
  await db.insert(interventionSites).select(sql`
    select i.id, link.site_id, i.organization_id, i.type, i.rule_key, i.status, i.scheduled_start, i.done_at, i.live
    from unnest(${interventionIds}::bigint[], ${siteIds}::bigint[]) as link(intervention_id, site_id)
    join interventions i on i.id = link.intervention_id`);
}
