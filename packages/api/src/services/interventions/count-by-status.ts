import { interventions } from "@interventions/db";
import { interventionFiltersInput, Operation } from "@interventions/domain";
import { and, count } from "drizzle-orm";
import { defineVerb } from "../verb";
import { interventionFilters } from "./read/filters";
import { searchTerms } from "./read/search";

/** How many of the organization's interventions match the filters, per status (the list's tabs). */
export const countByStatus = defineVerb(
  { operation: Operation.read, input: interventionFiltersInput },
  async ({ ctx, input }) => {
    const search = await searchTerms(ctx.db, ctx.actor.organizationId, input.q);
    const rows = await ctx.db
      .select({ status: interventions.status, count: count() })
      .from(interventions)
      .where(and(...interventionFilters(ctx, { ...input, status: undefined }, "subquery", search)))
      .groupBy(interventions.status);
    return rows.map((row) => ({ status: row.status, count: row.count }));
  },
);
