import { randomUUID } from "node:crypto";
import { interventions } from "@interventions/db";
import {
  assertFound,
  assertIdsFound,
  assertNotInFuture,
  assertRuleKinds,
  type CreateUnplannedPreventiveBody,
  CreationStatus,
  createUnplannedPreventiveBody,
  DomainError,
  ErrorCode,
  InterventionType,
  interventionEventTypes,
  Operation,
  RuleKind,
  siteRulesCovering,
  statusForCreationStatus,
  uniqueIds,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { signatureObjectKey } from "../../storage/signature-storage";
import { settledValue } from "../settled";
import { defineVerb } from "../verb";
import { activeSubscriptions, announceInterventionChanges } from "../webhooks/announce";
import { HistoryAction, recordEvent } from "./history/record-event";
import { insertSiteLinks } from "./links/site-links";
import { insertSiteRuleLinks } from "./links/site-rule-links";
import { findCompanyIds, findRules, findSiteIds, findSiteRules } from "./lookups/organization-records";
import { findContact } from "./lookups/people";
import { tellCreated } from "./notify/who-is-told";
import { insertedView, toUserShaped } from "./read/intervention-view";

/**
 * 000 — a provider's technician, on site, records a check nobody planned. It is done when recorded, so it
 * waits for the client's verification; the signature image is uploaded afterwards through the returned URL.
 */
export const createUnplannedPreventive = defineVerb(
  { operation: Operation.createUnplannedPreventive, input: createUnplannedPreventiveBody },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const siteIds = uniqueIds(input.siteIds);
    const ruleIds = uniqueIds(input.ruleIds);
    const actualStart = input.actualStart ? new Date(input.actualStart) : ctx.now;
    assertNotInFuture("actualStart", actualStart, ctx.now);
    const actualEnd = new Date(Math.max(actualStart.getTime(), ctx.now.getTime()));

    const { view, signatureKey } = await ctx.db.transaction(async (tx) => {
      // The lookups are sent together (one round trip), then checked in this order.
      const lookups = await Promise.allSettled([
        findCompanyIds(tx, organizationId, [input.companyId]),
        ctx.actor.companyContactId === null ? undefined : findContact(tx, organizationId, ctx.actor.companyContactId),
        findSiteIds(tx, organizationId, siteIds),
        findRules(tx, organizationId, ruleIds),
        findSiteRules(tx, organizationId, { siteIds, ruleIds }),
      ] as const);
      const [companiesFound, technicianFound, sitesFound, rulesFound, siteRulesFound] = lookups;
      const companies = settledValue(companiesFound);
      assertFound("companyId", companies.length === 1, "company", input.companyId);
      const technician = settledValue(technicianFound);
      if (technician && technician.companyId !== input.companyId) {
        throw new DomainError(ErrorCode.forbidden, "A technician records interventions for their own company only");
      }
      assertIdsFound("siteIds", input.siteIds, settledValue(sitesFound), "site");
      const rules = settledValue(rulesFound);
      assertIdsFound(
        "ruleIds",
        input.ruleIds,
        rules.map((rule) => rule.id),
        "rule",
      );
      assertRuleKinds(input.ruleIds, rules, RuleKind.check, (index) => `ruleIds.${index}`);
      const siteRuleIds = siteRulesCovering(input.siteIds, input.ruleIds, settledValue(siteRulesFound));

      const [row] = await tx
        .insert(interventions)
        .values({
          organizationId,
          type: InterventionType.preventive,
          status: statusForCreationStatus(CreationStatus.done),
          creationStatus: CreationStatus.done,
          autoCreated: true,
          scheduledStart: actualStart,
          scheduledEnd: actualEnd,
          actualStart,
          actualEnd,
          providerFirstName: input.provider.firstName,
          providerLastName: input.provider.lastName,
          providerEmail: input.provider.email,
          providerActionComment: input.provider.actionComment ?? null,
          providerGeneralComment: input.provider.comment ?? null,
          companyId: input.companyId,
          assignedCompanyContactId: technician?.id ?? null,
          assignedProfileId: technician ? ctx.actor.profileId : null,
          createdByProfileId: ctx.actor.profileId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      if (!row) throw new Error("intervention insert returned nothing");
      const signatureKey = signatureObjectKey(organizationId, row.id, input.signature.mimeType, randomUUID());
      // Independent writes and the webhooks' subscriptions, sent together: one round trip.
      const [subscriptions] = await Promise.all([
        activeSubscriptions(tx, organizationId),
        tx
          .update(interventions)
          .set({ imgSignature: signatureKey, updatedAt: ctx.now })
          .where(eq(interventions.id, row.id)),
        insertSiteRuleLinks(tx, row.id, siteRuleIds),
        insertSiteLinks(tx, row.id, siteIds),
        recordEvent(tx, ctx, row.id, HistoryAction.created),
        // The technician recording it is its assignee, and nobody is told of their own action.
        tellCreated(tx, ctx, [{ intervention: row, assignees: {} }]),
      ]);
      const types = interventionEventTypes({ action: "created", byRoutine: false, status: row.status });
      const view = insertedView(
        { ...row, imgSignature: signatureKey },
        { assignedUserId: technician ? ctx.actor.userId : null, createdByUserId: ctx.actor.userId },
      );
      await announceInterventionChanges(tx, ctx, [{ interventionId: row.id, types }], { subscriptions, views: [view] });
      return { view, signatureKey };
    });

    const presignedUrl = await ctx.storage.presignUpload(signatureKey, input.signature.mimeType, input.signature.size);
    return { data: toUserShaped(view), presignedUrl, version: view.version };
  },
);

/**
 * A replay of the answer (an idempotent retry) with a new upload link for the same signature object: the
 * first one may have expired since.
 */
export async function freshUploadUrl(ctx: ServiceContext, input: CreateUnplannedPreventiveBody, answer: unknown) {
  const stored = answer as { data: { imgSignature: string | null }; presignedUrl: string };
  if (!stored.data.imgSignature) return stored;
  const { mimeType, size } = input.signature;
  return { ...stored, presignedUrl: await ctx.storage.presignUpload(stored.data.imgSignature, mimeType, size) };
}
