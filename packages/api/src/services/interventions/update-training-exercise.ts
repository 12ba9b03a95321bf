import {
  assertFound,
  assertIdsFound,
  assertRuleAppliesToSites,
  assertRuleKinds,
  assertStateAllows,
  CreationStatus,
  InterventionType,
  Operation,
  RuleKind,
  uniqueIds,
  updateTrainingExerciseInput,
  validationError,
} from "@interventions/domain";
import { settledValue } from "../settled";
import { defineVerb } from "../verb";
import { viewAfterAnnouncedWrite } from "../webhooks/announce";
import { linkedSiteIds, replaceSiteLinks } from "./links/site-links";
import { lockIntervention } from "./lookups/lock-intervention";
import { findRules, findSiteIds, findSiteRules } from "./lookups/organization-records";
import { resolveUser } from "./lookups/people";
import { commitUpdate } from "./planning/commit-update";
import { planningChanges, planUpdate } from "./planning/plan-update";
import { toUserShaped, viewAfterWrite } from "./read/intervention-view";

const PLANNING_FIELDS = [
  "description",
  "scheduledStart",
  "scheduledEnd",
  "ruleId",
  "siteIds",
  "creationStatus",
  "assignedCompanyContactId",
  "assignedUserId",
  "attendeeCount",
  "unassign",
] as const;

/** 003 — re-plans a drill (its rule, sites, assignee) or validates it, which marks it done. */
export const updateTrainingExercise = defineVerb(
  { operation: Operation.updateTrainingExercise, input: updateTrainingExerciseInput },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const complete = input.validateIntervention === true;
    if (complete && input.creationStatus !== undefined && input.creationStatus !== CreationStatus.done) {
      throw validationError([
        { path: "creationStatus", message: "A validated exercise is done: creationStatus must be 2 or omitted" },
      ]);
    }

    const view = await ctx.db.transaction(async (tx) => {
      const current = await lockIntervention(tx, organizationId, input.interventionId, {
        type: InterventionType.trainingExercise,
        expectedVersions: input.expectedVersions,
      });
      assertStateAllows(current.status, Operation.updateTrainingExercise);
      // An empty PATCH changes nothing and records nothing.
      if (!complete && PLANNING_FIELDS.every((field) => input[field] === undefined)) {
        return viewAfterWrite(tx, organizationId, current.id);
      }

      const askedSiteIds = input.siteIds ? uniqueIds(input.siteIds).sort((a, b) => a - b) : undefined;
      // The lookups are sent together (one round trip), then checked in this order.
      const [assigneeFound, linkedFound, rulesFound, sitesFound] = await Promise.allSettled([
        resolveUser(tx, organizationId, input.assignedUserId, "assignedUserId"),
        linkedSiteIds(tx, current.id),
        input.ruleId === undefined ? [] : findRules(tx, organizationId, [input.ruleId]),
        askedSiteIds ? findSiteIds(tx, organizationId, askedSiteIds) : [],
      ] as const);
      const assignee = settledValue(assigneeFound);
      const values = await planUpdate(tx, ctx, current, { ...input, assignee, complete });
      if (complete) values.validatedAt = ctx.now;
      if (input.attendeeCount !== undefined) values.attendeeCount = input.attendeeCount;

      const currentSiteIds = settledValue(linkedFound);
      const siteIds = askedSiteIds ?? currentSiteIds;
      if (input.ruleId !== undefined) {
        const rules = settledValue(rulesFound);
        assertFound("ruleId", rules.length === 1, "rule", input.ruleId);
        assertRuleKinds([input.ruleId], rules, RuleKind.exercise, () => "ruleId");
        values.ruleId = input.ruleId;
      }
      if (input.siteIds) assertIdsFound("siteIds", input.siteIds, settledValue(sitesFound), "site");
      const ruleId = values.ruleId ?? current.ruleId;
      if ((input.ruleId !== undefined || input.siteIds) && ruleId !== null) {
        const siteRules = await findSiteRules(tx, organizationId, { siteIds, ruleIds: [ruleId] });
        // The error names the field the client changed: the sites, or the rule when only it changed.
        const pathOf = input.siteIds ? (index: number) => `siteIds.${index}` : () => "ruleId";
        assertRuleAppliesToSites(ruleId, siteIds, siteRules, pathOf);
      }

      const changes = planningChanges(current, values);
      if (currentSiteIds.join() !== siteIds.join()) {
        changes.siteIds = { from: currentSiteIds, to: siteIds };
        await replaceSiteLinks(tx, current.id, siteIds);
      }
      const events = await commitUpdate(tx, ctx, { current, values, changes }, {});
      return viewAfterAnnouncedWrite(tx, ctx, current.id, events);
    });
    return { data: toUserShaped(view), version: view.version };
  },
);
