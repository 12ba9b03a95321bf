import {
  assertIdsFound,
  assertRuleKinds,
  assertStateAllows,
  InterventionType,
  Operation,
  RuleKind,
  uniqueIds,
  updatePreventiveInput,
} from "@interventions/domain";
import { defineVerb } from "../verb";
import { viewAfterAnnouncedWrite } from "../webhooks/announce";
import { replaceSiteLinks } from "./links/site-links";
import { linkedSiteRuleIds, replaceSiteRuleLinks } from "./links/site-rule-links";
import { lockIntervention } from "./lookups/lock-intervention";
import { findSiteRules } from "./lookups/organization-records";
import { resolveProfile } from "./lookups/people";
import { commitUpdate } from "./planning/commit-update";
import { planningChanges, planUpdate } from "./planning/plan-update";
import { toProfileShaped, viewAfterWrite } from "./read/intervention-view";

const PLANNING_FIELDS = [
  "description",
  "scheduledStart",
  "scheduledEnd",
  "siteRuleIds",
  "creationStatus",
  "assignedCompanyContactId",
  "assignedProfileId",
  "unassign",
] as const;

/** 002 — re-plans a preventive check: dates, the site rules it checks, its assignee. Answers in the profile shape. */
export const updatePreventive = defineVerb(
  { operation: Operation.updatePreventive, input: updatePreventiveInput },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const view = await ctx.db.transaction(async (tx) => {
      const current = await lockIntervention(tx, organizationId, input.interventionId, {
        type: InterventionType.preventive,
        expectedVersions: input.expectedVersions,
      });
      assertStateAllows(current.status, Operation.updatePreventive);
      // An empty PATCH (or one holding only e-mail options) changes nothing and records nothing.
      if (PLANNING_FIELDS.every((field) => input[field] === undefined))
        return viewAfterWrite(tx, organizationId, current.id);

      const assignee = await resolveProfile(tx, organizationId, input.assignedProfileId, "assignedProfileId");
      const values = await planUpdate(tx, ctx, current, { ...input, assignee });
      const changes = planningChanges(current, values);

      if (input.siteRuleIds) {
        const siteRuleIds = uniqueIds(input.siteRuleIds).sort((a, b) => a - b);
        const found = await findSiteRules(tx, organizationId, { ids: siteRuleIds });
        assertIdsFound(
          "siteRuleIds",
          input.siteRuleIds,
          found.map((siteRule) => siteRule.id),
          "site rule",
        );
        assertRuleKinds(input.siteRuleIds, found, RuleKind.check, (index) => `siteRuleIds.${index}`);
        const before = await linkedSiteRuleIds(tx, current.id);
        if (before.join() !== siteRuleIds.join()) {
          changes.siteRuleIds = { from: before, to: siteRuleIds };
          await replaceSiteRuleLinks(tx, current.id, siteRuleIds);
          await replaceSiteLinks(tx, current.id, uniqueIds(found.map((siteRule) => siteRule.siteId)));
        }
      }
      const events = await commitUpdate(tx, ctx, { current, values, changes }, input);
      return viewAfterAnnouncedWrite(tx, ctx, current.id, events);
    });
    return { data: toProfileShaped(view), version: view.version };
  },
);
