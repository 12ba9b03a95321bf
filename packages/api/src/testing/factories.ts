import {
  anomalies,
  type Database,
  interventionSiteRules,
  interventionSites,
  interventions,
  linkSiteRules,
  linkSites,
} from "@interventions/db";
import { must } from "@interventions/db/testing";
import { AnomalySeverity, AnomalyStatus } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { type InterventionKind, type OrgFixture, type OrgRef, seededIntervention } from "./demo-records";

// Rows a test creates for itself, so that each test changes its own target and the seed stays as it was
// for the next one.

/**
 * A fresh copy of the seeded intervention of that type and status, with its site and site-rule links:
 * `freshIntervention(db, seed.acme, { type: InterventionType.preventive, status: InterventionStatus.scheduled })`.
 * Not for curatives (their anomalies are not copied).
 */
export async function freshIntervention(db: Database, org: OrgRef, kind: InterventionKind): Promise<number> {
  const sourceId = await seededIntervention(db, org, kind);
  const [source] = await db.select().from(interventions).where(eq(interventions.id, sourceId));
  const { id: _id, ...values } = must(source, `intervention ${sourceId}`);
  const [copy] = await db.insert(interventions).values(values).returning({ id: interventions.id });
  const id = must(copy, "copied intervention").id;
  const siteLinks = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, sourceId));
  await linkSites(
    db,
    siteLinks.map((link) => ({ interventionId: id, siteId: link.siteId })),
  );
  const ruleLinks = await db
    .select()
    .from(interventionSiteRules)
    .where(eq(interventionSiteRules.interventionId, sourceId));
  await linkSiteRules(
    db,
    ruleLinks.map((link) => ({ interventionId: id, siteRuleId: link.siteRuleId })),
  );
  return id;
}

/** A new open anomaly, covered by no intervention, on a site of the organization (its first by default). */
export async function openAnomaly(db: Database, org: OrgFixture, siteIndex = 0): Promise<number> {
  const [row] = await db
    .insert(anomalies)
    .values({
      organizationId: org.id,
      siteId: must(org.siteIds[siteIndex], "site"),
      description: "Test anomaly",
      severity: AnomalySeverity.major,
      status: AnomalyStatus.open,
      detectedAt: new Date("2026-11-01T00:00:00.000Z"),
    })
    .returning({ id: anomalies.id });
  return must(row, "anomaly").id;
}
