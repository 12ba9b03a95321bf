import {
  CheckType,
  CreationStatus,
  DONE_STATUSES,
  InterventionStatus,
  InterventionType,
  ProfileRole,
} from "@interventions/domain";
import { and, eq, inArray } from "drizzle-orm";
import { linkSiteRules, linkSites } from "../coverage-links";
import { interventionEvents, interventionSiteRules, interventions, siteRules } from "../schema";
import type { SeedContext, SeededOrganization } from "./seed-organization";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Checks accepted long ago on the sites no other demo check covers: the last one's extinguishers (yearly) are
 * overdue, and a yearly check of the one before falls due within the warning window (the same site when it is
 * the only one), so that a manager signing in on the demo sees what needs attention. The other rules of those
 * sites stay never checked, and no site holds every status (the compliance flow needs one it lacks).
 */
export async function seedLapsedChecks(ctx: SeedContext, org: SeededOrganization): Promise<void> {
  const covered = await ctx.tx
    .selectDistinct({ siteId: siteRules.siteId })
    .from(interventionSiteRules)
    .innerJoin(siteRules, eq(siteRules.id, interventionSiteRules.siteRuleId))
    .where(and(eq(siteRules.organizationId, org.id), inArray(interventionSiteRules.status, [...DONE_STATUSES])));
  const uncovered = org.siteIds.filter((id) => !covered.some((row) => row.siteId === id));
  const overdueSite = uncovered.at(-1);
  const dueSoonSite = uncovered.at(-2) ?? overdueSite;
  if (overdueSite === undefined || dueSoonSite === undefined) return;
  const overdue = await siteRuleOf(ctx, org, overdueSite, ["EXT"]);
  const dueSoon = await siteRuleOf(ctx, org, dueSoonSite, ["EMLIGHT", "ELEC"]);
  if (overdue !== undefined) await acceptedCheck(ctx, org, overdueSite, overdue, 395);
  if (dueSoon !== undefined) await acceptedCheck(ctx, org, dueSoonSite, dueSoon, 350);
}

/** The site rule of the first of these rules that applies to the site. */
async function siteRuleOf(ctx: SeedContext, org: SeededOrganization, siteId: number, codes: string[]) {
  const ofSite = await ctx.tx
    .select({ id: siteRules.id, ruleId: siteRules.ruleId })
    .from(siteRules)
    .where(eq(siteRules.siteId, siteId));
  return codes
    .map((code) => ofSite.find((row) => row.ruleId === org.ruleIdByCode.get(code))?.id)
    .find((id) => id !== undefined);
}

async function acceptedCheck(
  ctx: SeedContext,
  org: SeededOrganization,
  siteId: number,
  siteRuleId: number,
  daysAgo: number,
): Promise<void> {
  const start = new Date(ctx.base.getTime() - daysAgo * DAY);
  const end = new Date(start.getTime() + 2 * 60 * 60 * 1000);
  const decidedAt = new Date(end.getTime() + 2 * DAY);
  const manager = org.profileIdByRole.get(ProfileRole.manager) ?? null;
  const contactId = org.contactIds[0] ?? null;
  const [row] = await ctx.tx
    .insert(interventions)
    .values({
      organizationId: org.id,
      type: InterventionType.preventive,
      status: InterventionStatus.accepted,
      creationStatus: CreationStatus.scheduled,
      checkType: CheckType.periodic,
      description: "Preventive check — done last year",
      scheduledStart: start,
      scheduledEnd: end,
      actualStart: start,
      actualEnd: end,
      companyId: contactId === null ? null : (org.companyIdByContact.get(contactId) ?? null),
      assignedCompanyContactId: contactId,
      verifiedByProfileId: manager,
      verifiedAt: decidedAt,
      decisionComment: "Compliant, report received.",
      createdByProfileId: manager,
      createdAt: new Date(start.getTime() - 14 * DAY),
      updatedAt: decidedAt,
    })
    .returning({ id: interventions.id });
  if (!row) throw new Error("intervention insert returned nothing");
  await linkSiteRules(ctx.tx, [{ interventionId: row.id, siteRuleId }]);
  await linkSites(ctx.tx, [{ interventionId: row.id, siteId }]);
  await ctx.tx.insert(interventionEvents).values([
    { organizationId: org.id, interventionId: row.id, actorProfileId: manager, action: "created", occurredAt: start },
    {
      organizationId: org.id,
      interventionId: row.id,
      actorProfileId: manager,
      action: "verified",
      changes: { status: { from: InterventionStatus.awaitingVerification, to: InterventionStatus.accepted } },
      occurredAt: decidedAt,
    },
  ]);
}
