import { companies, type Executor, rules, siteRules, sites } from "@interventions/db";
import type { RuleFacts, RuleKind, SiteRuleFacts } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { inIds } from "../../id-array";

// The records a request names by id, always within one organization: another organization's rows are
// simply not found.

export async function findCompanyIds(db: Executor, organizationId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.organizationId, organizationId), inIds(companies.id, ids)));
  return rows.map((row) => row.id);
}

export async function findSiteIds(db: Executor, organizationId: number, ids: number[]): Promise<number[]> {
  const rows = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inIds(sites.id, ids), isNull(sites.archivedAt)));
  return rows.map((row) => row.id);
}

export function findRules(db: Executor, organizationId: number, ids: number[]): Promise<RuleFacts[]> {
  return db
    .select({ id: rules.id, kind: rules.kind })
    .from(rules)
    .where(and(eq(rules.organizationId, organizationId), inIds(rules.id, ids)));
}

export type SiteRuleRecord = SiteRuleFacts & { kind: RuleKind };

/** Site rules by id, or those of some sites and rules, with the kind of their rule. */
export function findSiteRules(
  db: Executor,
  organizationId: number,
  filter: { siteIds?: number[]; ruleIds?: number[]; ids?: number[] },
): Promise<SiteRuleRecord[]> {
  const conditions = [eq(siteRules.organizationId, organizationId)];
  if (filter.siteIds) conditions.push(inIds(siteRules.siteId, filter.siteIds));
  if (filter.ruleIds) conditions.push(inIds(siteRules.ruleId, filter.ruleIds));
  if (filter.ids) conditions.push(inIds(siteRules.id, filter.ids));
  return db
    .select({ id: siteRules.id, siteId: siteRules.siteId, ruleId: siteRules.ruleId, kind: rules.kind })
    .from(siteRules)
    .innerJoin(rules, eq(rules.id, siteRules.ruleId))
    .where(and(...conditions));
}
