import { interventionSiteRules } from "@interventions/db";
import {
  assertIdsFound,
  assertRoleAllows,
  assertRuleKinds,
  assertStateAllows,
  InterventionType,
  Operation,
  RuleKind,
  type UpdatePreventiveBody,
  uniqueIds,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { resolveProfile } from "./assignees";
import { lockIntervention } from "./locking";
import { commitUpdate, planningChanges, planUpdate } from "./planning";
import { findSiteRules } from "./references";
import { replaceSiteLinks } from "./site-links";
import { readInterventionView, toProfileShaped } from "./view";

export interface UpdatePreventiveInput {
  interventionId: number;
  patch: UpdatePreventiveBody;
}

const PLANNING_FIELDS = [
  "description",
  "scheduledStart",
  "scheduledEnd",
  "siteRuleIds",
  "creationStatus",
  "assignedCompanyContactId",
  "assignedProfileId",
] as const;

/** 002 — re-plans a preventive check: dates, the site rules it checks, its assignee. Answers in the profile shape. */
export async function updatePreventive({ ctx, input }: { ctx: ServiceContext; input: UpdatePreventiveInput }) {
  assertRoleAllows(ctx.actor.role, Operation.updatePreventive);
  const { organizationId } = ctx.actor;
  const { patch } = input;

  await ctx.db.transaction(async (tx) => {
    const current = await lockIntervention(tx, organizationId, input.interventionId, InterventionType.preventive);
    assertStateAllows(current.status, Operation.updatePreventive);
    // An empty PATCH (or one holding only e-mail options) changes nothing and records nothing.
    if (PLANNING_FIELDS.every((field) => patch[field] === undefined)) return;

    const assignee = await resolveProfile(tx, organizationId, patch.assignedProfileId, "assignedProfileId");
    const values = await planUpdate(tx, ctx, current, { ...patch, assignee });
    const changes = planningChanges(current, values);

    if (patch.siteRuleIds) {
      const siteRuleIds = uniqueIds(patch.siteRuleIds);
      const found = await findSiteRules(tx, organizationId, { ids: siteRuleIds });
      assertIdsFound(
        "siteRuleIds",
        patch.siteRuleIds,
        found.map((sr) => sr.id),
        "site rule",
      );
      assertRuleKinds(
        patch.siteRuleIds,
        found.map((sr) => ({ id: sr.id, kind: sr.ruleKind })),
        RuleKind.check,
        (index) => `siteRuleIds.${index}`,
      );
      const linked = await tx
        .select({ id: interventionSiteRules.siteRuleId })
        .from(interventionSiteRules)
        .where(eq(interventionSiteRules.interventionId, current.id));
      const before = linked.map((row) => row.id).sort((a, b) => a - b);
      const after = [...siteRuleIds].sort((a, b) => a - b);
      if (before.join() !== after.join()) {
        changes.siteRuleIds = { from: before, to: after };
        await tx.delete(interventionSiteRules).where(eq(interventionSiteRules.interventionId, current.id));
        await tx
          .insert(interventionSiteRules)
          .values(after.map((siteRuleId) => ({ interventionId: current.id, siteRuleId })));
        await replaceSiteLinks(tx, current, uniqueIds(found.map((sr) => sr.siteId)));
      }
    }
    await commitUpdate(tx, ctx, current, values, changes, patch);
  });

  const view = await readInterventionView(ctx.db, organizationId, input.interventionId);
  if (!view) throw new Error(`intervention ${input.interventionId} vanished after commit`);
  return { data: toProfileShaped(view) };
}
