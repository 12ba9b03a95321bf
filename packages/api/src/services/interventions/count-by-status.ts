import { interventions } from "@interventions/db";
import { assertRoleAllows, Operation } from "@interventions/domain";
import { and, count } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { type InterventionFilters, interventionFilters } from "./filters";

/** How many of the organization's interventions match the filters, per status (the list's tabs). */
export async function countByStatus({ ctx, input }: { ctx: ServiceContext; input: InterventionFilters }) {
  assertRoleAllows(ctx.actor.role, Operation.read);
  const rows = await ctx.db
    .select({ status: interventions.status, count: count() })
    .from(interventions)
    .where(and(...interventionFilters(ctx, { ...input, status: undefined })))
    .groupBy(interventions.status);
  return rows.map((row) => ({ status: row.status, count: row.count }));
}
