import { bulkAssignInput, Operation } from "@interventions/domain";
import { defineVerb } from "../verb";
import { applyToMany } from "./bulk/apply-to-many";
import { resolveContact, resolveProfile } from "./lookups/people";

/**
 * Assigns the selected interventions to one provider contact or one member (in place of whoever was), all or none: the same rules,
 * history and notices as one edit each (the new assignee is told of each).
 */
export const bulkAssignInterventions = defineVerb(
  { operation: Operation.updatePreventive, input: bulkAssignInput },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    return ctx.db.transaction(async (tx) => {
      // A wrong assignee is said once, at its field, before any row is read.
      await resolveContact(tx, organizationId, input.assignedCompanyContactId);
      const assignee = await resolveProfile(tx, organizationId, input.assignedProfileId, "assignedProfileId");
      return applyToMany(tx, ctx, input.interventionIds, {
        assignedCompanyContactId: input.assignedCompanyContactId,
        assignee,
        // The one assignee chosen replaces whoever was assigned, of either kind, as the edit form's control does.
        replaceAssignee: true,
      });
    });
  },
);
