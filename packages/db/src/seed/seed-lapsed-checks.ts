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
 * Checks accepted long ago on the last site no other demo check covers: its extinguishers (yearly) are
 * overdue and its next yearly check falls due within the warning window, so that a manager signing in on
 * the demo sees what needs attention. Sites that stay never checked are left so.
 */
export async function seedLapsedChecks(ctx: SeedContext, org: SeededOrganization): Promise<void> {
  const covered = await ctx.tx
    .selectDistinct({ siteId: siteRules.siteId })
    .from(interventionSiteRules)
    .innerJoin(siteRules, eq(siteRules.id, interventionSiteRules.siteRuleId))
    .where(and(eq(siteRules.organizationId, org.id), inArray(interventionSiteRules.status, [...DONE_STATUSES])));
  const siteId = org.siteIds.filter((id) => !covered.some((row) => row.siteId === id)).at(-1);
  if (siteId === undefined) return;
  const ofSite = await ctx.tx
    .select({ id: siteRules.id, ruleId: siteRules.ruleId })
    .from(siteRules)
    .where(eq(siteRules.siteId, siteId));
  const siteRuleOf = (code: string) => ofSite.find((row) => row.ruleId === org.ruleIdByCode.get(code))?.id;
  const overdue = siteRuleOf("EXT");
  const dueSoon = siteRuleOf("EMLIGHT") ?? siteRuleOf("ELEC");
  if (overdue !== undefined) await acceptedCheck(ctx, org, siteId, overdue, 395);
  if (dueSoon !== undefined) await acceptedCheck(ctx, org, siteId, dueSoon, 350);
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
