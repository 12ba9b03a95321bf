import { routines, siteRules, sites } from "@interventions/db";
import { DomainError, ErrorCode, Operation, updateRoutineInput } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { resolveContact, resolveProfile } from "../interventions/lookups/people";
import { defineVerb } from "../verb";
import { readRoutineViews } from "./routine-view";

/**
 * Changes who a routine's checks are assigned to, its lead time, or whether it plans at all. The row is
 * locked first, as the generator locks it, so that a pass plans with the routine as it was or as it is now.
 */
export const updateRoutine = defineVerb(
  { operation: Operation.updateRoutine, input: updateRoutineInput },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const data = await ctx.db.transaction(async (tx) => {
      // A routine of an archived site is no longer shown, nor changed.
      const [current] = await tx
        .select({ id: routines.id })
        .from(routines)
        .innerJoin(siteRules, eq(siteRules.id, routines.siteRuleId))
        .innerJoin(sites, and(eq(sites.id, siteRules.siteId), isNull(sites.archivedAt)))
        .where(and(eq(routines.id, input.routineId), eq(routines.organizationId, organizationId)))
        .for("update", { of: routines });
      if (!current) throw new DomainError(ErrorCode.notFound, `Routine ${input.routineId} not found`);

      const contact = await resolveContact(tx, organizationId, input.assignedCompanyContactId ?? undefined);
      const profile = await resolveProfile(
        tx,
        organizationId,
        input.assignedProfileId ?? undefined,
        "assignedProfileId",
      );
      const changes: Partial<typeof routines.$inferInsert> = {
        ...(input.assignedCompanyContactId !== undefined && { assignedCompanyContactId: contact?.id ?? null }),
        ...(input.assignedProfileId !== undefined && { assignedProfileId: profile?.id ?? null }),
        ...(input.leadDays !== undefined && { leadDays: input.leadDays }),
        ...(input.active !== undefined && { active: input.active }),
      };
      if (Object.keys(changes).length > 0) {
        await tx
          .update(routines)
          .set({ ...changes, updatedAt: ctx.now })
          .where(and(eq(routines.id, current.id), eq(routines.organizationId, organizationId)));
      }
      const [view] = await readRoutineViews(tx, organizationId, { routineId: current.id }, ctx.now);
      if (!view) throw new Error(`routine ${current.id} vanished while locked`);
      return view;
    });
    return { data };
  },
);
