import { randomUUID } from "node:crypto";
import { interventionSiteRules, interventions } from "@interventions/db";
import {
  assertFound,
  assertIdsFound,
  assertNotInFuture,
  assertRoleAllows,
  assertRuleKinds,
  type CreateUnplannedPreventiveBody,
  CreationStatus,
  DomainError,
  ErrorCode,
  InterventionType,
  Operation,
  RuleKind,
  siteRulesCovering,
  statusForCreationStatus,
  uniqueIds,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { signatureObjectKey } from "../../storage/signature-storage";
import { notifyVerifiers } from "./effects";
import { HistoryAction, recordEvent } from "./history";
import { findCompanyIds, findContact, findRules, findSiteIds, findSiteRules } from "./references";
import { insertSiteLinks } from "./site-links";
import { readInterventionView, toUserShaped } from "./view";

/**
 * 000 — a provider's technician, on site, records a check nobody planned. It is done when recorded, so it
 * waits for the client's verification; the signature image is uploaded afterwards through the returned URL.
 */
export async function createUnplannedPreventive({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateUnplannedPreventiveBody;
}) {
  assertRoleAllows(ctx.actor.role, Operation.createUnplannedPreventive);
  const { organizationId } = ctx.actor;
  const siteIds = uniqueIds(input.siteIds);
  const ruleIds = uniqueIds(input.ruleIds);
  const actualStart = input.actualStart ? new Date(input.actualStart) : ctx.now;
  assertNotInFuture("actualStart", actualStart, ctx.now);
  const actualEnd = new Date(Math.max(actualStart.getTime(), ctx.now.getTime()));

  const { id, signatureKey } = await ctx.db.transaction(async (tx) => {
    assertFound(
      "companyId",
      (await findCompanyIds(tx, organizationId, [input.companyId])).length === 1,
      "company",
      input.companyId,
    );
    const technician =
      ctx.actor.companyContactId === null
        ? undefined
        : await findContact(tx, organizationId, ctx.actor.companyContactId);
    if (technician && technician.companyId !== input.companyId) {
      throw new DomainError(ErrorCode.forbidden, "A technician records interventions for their own company only");
    }
    assertIdsFound("siteIds", input.siteIds, await findSiteIds(tx, organizationId, siteIds), "site");
    const rules = await findRules(tx, organizationId, ruleIds);
    assertIdsFound(
      "ruleIds",
      input.ruleIds,
      rules.map((rule) => rule.id),
      "rule",
    );
    assertRuleKinds(input.ruleIds, rules, RuleKind.check, (index) => `ruleIds.${index}`);
    const siteRuleIds = siteRulesCovering(
      input.siteIds,
      input.ruleIds,
      await findSiteRules(tx, organizationId, { siteIds, ruleIds }),
    );

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
      .returning({
        id: interventions.id,
        organizationId: interventions.organizationId,
        scheduledStart: interventions.scheduledStart,
      });
    if (!row) throw new Error("intervention insert returned nothing");
    const signatureKey = signatureObjectKey(organizationId, row.id, input.signature.mimeType, randomUUID());
    await tx
      .update(interventions)
      .set({ imgSignature: signatureKey, updatedAt: ctx.now })
      .where(eq(interventions.id, row.id));
    await tx
      .insert(interventionSiteRules)
      .values(siteRuleIds.map((siteRuleId) => ({ interventionId: row.id, siteRuleId })));
    await insertSiteLinks(tx, row, siteIds);
    await recordEvent(tx, ctx, row.id, HistoryAction.created);
    await notifyVerifiers(tx, ctx, row.id);
    return { id: row.id, signatureKey };
  });

  const view = await readInterventionView(ctx.db, organizationId, id);
  if (!view) throw new Error(`intervention ${id} vanished after commit`);
  const presignedUrl = await ctx.storage.presignUpload(signatureKey, input.signature.mimeType, input.signature.size);
  return { data: toUserShaped(view), presignedUrl };
}
