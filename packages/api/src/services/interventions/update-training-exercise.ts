import { interventionSites } from "@interventions/db";
import {
  assertFound,
  assertIdsFound,
  assertRoleAllows,
  assertRuleAppliesToSites,
  assertRuleKinds,
  assertStateAllows,
  CreationStatus,
  InterventionType,
  Operation,
  RuleKind,
  type UpdateTrainingExerciseBody,
  uniqueIds,
  validationError,
} from "@interventions/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { resolveUserProfile } from "./assignees";
import { lockIntervention } from "./locking";
import { commitUpdate, planningChanges, planUpdate } from "./planning";
import { findRules, findSiteIds, findSiteRules } from "./references";
import { replaceSiteLinks } from "./site-links";
import { readInterventionView, toUserShaped } from "./view";

export interface UpdateTrainingExerciseInput {
  interventionId: number;
  patch: UpdateTrainingExerciseBody;
  /** How many people took part: the dashboard records it, the documented body has no such field. */
  attendeeCount?: number | undefined;
}

const PLANNING_FIELDS = [
  "description",
  "scheduledStart",
  "scheduledEnd",
  "ruleId",
  "siteIds",
  "creationStatus",
  "assignedCompanyContactId",
  "assignedUserId",
  "validateIntervention",
] as const;

/** 003 — re-plans a drill (its rule, sites, assignee) or validates it, which marks it done. */
export async function updateTrainingExercise({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateTrainingExerciseInput;
}) {
  assertRoleAllows(ctx.actor.role, Operation.updateTrainingExercise);
  const { organizationId } = ctx.actor;
  const { patch } = input;
  const complete = patch.validateIntervention === true;
  if (complete && patch.creationStatus !== undefined && patch.creationStatus !== CreationStatus.done) {
    throw validationError([
      { path: "creationStatus", message: "A validated exercise is done: creationStatus must be 2 or omitted" },
    ]);
  }

  await ctx.db.transaction(async (tx) => {
    const current = await lockIntervention(tx, organizationId, input.interventionId, InterventionType.trainingExercise);
    assertStateAllows(current.status, Operation.updateTrainingExercise);
    // An empty PATCH changes nothing and records nothing.
    const empty =
      input.attendeeCount === undefined &&
      PLANNING_FIELDS.every((field) => patch[field] === undefined || (field === "validateIntervention" && !complete));
    if (empty) return;

    const assignee = await resolveUserProfile(tx, organizationId, patch.assignedUserId, "assignedUserId");
    const values = await planUpdate(tx, ctx, current, { ...patch, assignee, complete });
    if (complete) values.validatedAt = ctx.now;
    if (input.attendeeCount !== undefined) values.attendeeCount = input.attendeeCount;

    const linked = await tx
      .select({ siteId: interventionSites.siteId })
      .from(interventionSites)
      .where(eq(interventionSites.interventionId, current.id));
    const currentSiteIds = linked.map((row) => row.siteId).sort((a, b) => a - b);
    const siteIds = patch.siteIds ? uniqueIds(patch.siteIds).sort((a, b) => a - b) : currentSiteIds;
    if (patch.ruleId !== undefined) {
      const rules = await findRules(tx, organizationId, [patch.ruleId]);
      assertFound("ruleId", rules.length === 1, "rule", patch.ruleId);
      assertRuleKinds([patch.ruleId], rules, RuleKind.exercise, () => "ruleId");
      values.ruleId = patch.ruleId;
    }
    if (patch.siteIds) assertIdsFound("siteIds", patch.siteIds, await findSiteIds(tx, organizationId, siteIds), "site");
    const ruleId = values.ruleId ?? current.ruleId;
    if ((patch.ruleId !== undefined || patch.siteIds) && ruleId !== null) {
      const siteRules = await findSiteRules(tx, organizationId, { siteIds, ruleIds: [ruleId] });
      // The error names the field the client changed: the sites, or the rule when only it changed.
      const pathOf = patch.siteIds ? (index: number) => `siteIds.${index}` : () => "ruleId";
      assertRuleAppliesToSites(ruleId, siteIds, siteRules, pathOf);
    }

    const changes = planningChanges(current, values);
    if (currentSiteIds.join() !== siteIds.join()) {
      changes.siteIds = { from: currentSiteIds, to: siteIds };
      await replaceSiteLinks(tx, current, siteIds);
    }
    await commitUpdate(tx, ctx, current, values, changes, {});
  });

  const view = await readInterventionView(ctx.db, organizationId, input.interventionId);
  if (!view) throw new Error(`intervention ${input.interventionId} vanished after commit`);
  return { data: toUserShaped(view) };
}
