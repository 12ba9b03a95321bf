import {
  assertIdsFound,
  assertRuleKinds,
  Operation,
  planPreventiveInput,
  RuleKind,
  uniqueIds,
} from "@interventions/domain";
import { defineVerb } from "../verb";
import { findSiteRules } from "./lookups/organization-records";
import { resolveContact, resolveProfile } from "./lookups/people";
import { insertPlannedPreventives } from "./planning/insert-preventive";
import { toUserShaped, viewAfterWrite } from "./read/intervention-view";

/** The dashboard plans a preventive check of some site rules (from the compliance grid, for instance). */
export const planPreventive = defineVerb(
  { operation: Operation.planPreventive, input: planPreventiveInput },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const view = await ctx.db.transaction(async (tx) => {
      const siteRules = await findSiteRules(tx, organizationId, { ids: uniqueIds(input.siteRuleIds) });
      assertIdsFound(
        "siteRuleIds",
        input.siteRuleIds,
        siteRules.map((siteRule) => siteRule.id),
        "site rule",
      );
      assertRuleKinds(input.siteRuleIds, siteRules, RuleKind.check, (index) => `siteRuleIds.${index}`);
      const contact = await resolveContact(tx, organizationId, input.assignedCompanyContactId);
      const profile = await resolveProfile(tx, organizationId, input.assignedProfileId, "assignedProfileId");
      const [id] = await insertPlannedPreventives(tx, ctx, [
        {
          siteRules,
          scheduledStart: new Date(input.scheduledStart),
          scheduledEnd: new Date(input.scheduledEnd),
          creationStatus: input.creationStatus,
          description: input.description ?? null,
          contact,
          profile,
        },
      ]);
      if (!id) throw new Error("a plan without a routine cannot conflict");
      return viewAfterWrite(tx, organizationId, id);
    });
    return { data: toUserShaped(view), version: view.version };
  },
);
