import { interventions, type Transaction } from "@interventions/db";
import {
  type CreationStatus,
  InterventionType,
  needsCodePin,
  statusForCreationStatus,
  uniqueIds,
} from "@interventions/domain";
import type { WriteContext } from "../../../context";
import { HistoryAction, recordEvent } from "../history/record-event";
import { insertSiteLinks } from "../links/site-links";
import { insertSiteRuleLinks } from "../links/site-rule-links";
import type { SiteRuleRecord } from "../lookups/organization-records";
import type { ContactFacts, ProfileFacts } from "../lookups/people";
import { tellCreated } from "../notify/who-is-told";
import { newCodePin } from "./code-pin";

export interface PlannedPreventive {
  siteRules: readonly SiteRuleRecord[];
  scheduledStart: Date;
  scheduledEnd: Date;
  creationStatus: CreationStatus;
  description: string | null;
  contact: ContactFacts | undefined;
  profile: ProfileFacts | undefined;
  /** Set when a routine plans it: the occurrence it plans, unique per routine (see the generator). */
  routine?: { id: number; dueAt: Date };
}

/**
 * Inserts a planned preventive check of some site rules, with its links, history and notices, in the
 * caller's transaction. Returns its id, or null when the routine's occurrence was already planned: the
 * unique key, not a read before the write, is what makes a routine plan each occurrence once.
 */
export async function insertPlannedPreventive(
  tx: Transaction,
  ctx: WriteContext,
  plan: PlannedPreventive,
): Promise<number | null> {
  const status = statusForCreationStatus(plan.creationStatus);
  const [row] = await tx
    .insert(interventions)
    .values({
      organizationId: ctx.actor.organizationId,
      type: InterventionType.preventive,
      status,
      creationStatus: plan.creationStatus,
      description: plan.description,
      codePin: needsCodePin(status) ? newCodePin() : null,
      autoCreated: plan.routine !== undefined,
      routineId: plan.routine?.id ?? null,
      routineDueAt: plan.routine?.dueAt ?? null,
      scheduledStart: plan.scheduledStart,
      scheduledEnd: plan.scheduledEnd,
      companyId: plan.contact?.companyId ?? null,
      assignedCompanyContactId: plan.contact?.id ?? null,
      assignedProfileId: plan.profile?.id ?? null,
      createdByProfileId: ctx.actor.profileId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing({ target: [interventions.routineId, interventions.routineDueAt] })
    .returning();
  if (!row) return null;
  await insertSiteRuleLinks(tx, row.id, uniqueIds(plan.siteRules.map((siteRule) => siteRule.id)));
  await insertSiteLinks(tx, row, uniqueIds(plan.siteRules.map((siteRule) => siteRule.siteId)));
  await recordEvent(tx, ctx, row.id, HistoryAction.created);
  await tellCreated(tx, ctx, row, { contact: plan.contact, profile: plan.profile });
  return row.id;
}
