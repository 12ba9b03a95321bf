import { interventions } from "@interventions/db";
import { and, asc, type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { interventionScope } from "../interventions/read/scope";

/** How many rows each section of the home page shows; its count says how many there are in all. */
export const HOME_SECTION_ROWS = 5;

/** What a section says of one intervention: enough for a line with a link. */
export interface HomeIntervention {
  id: number;
  type: number;
  status: number;
  description: string | null;
  scheduledStart: Date;
  scheduledEnd: Date;
  /** The first of its sites by name, null for none. */
  siteName: string | null;
}

export interface HomeSection<Item> {
  count: number;
  items: Item[];
}

/**
 * The interventions the actor may see that meet `conditions`: how many, and the first few in `order`. One
 * statement: the count is a window over the same rows, taken before the limit.
 */
export async function interventionSection(
  ctx: ServiceContext,
  conditions: (SQL | undefined)[],
  order: SQL[] = [asc(interventions.scheduledStart), asc(interventions.id)],
): Promise<HomeSection<HomeIntervention>> {
  // Written out: a column interpolated here would lose its table's name, and "id" is ambiguous in the sub-query.
  const siteName = sql<string | null>`(select s.name from intervention_sites l join sites s on s.id = l.site_id
    where l.intervention_id = "interventions"."id" order by s.name limit 1)`;
  const rows = await ctx.db
    .select({
      id: interventions.id,
      type: interventions.type,
      status: interventions.status,
      description: interventions.description,
      scheduledStart: interventions.scheduledStart,
      scheduledEnd: interventions.scheduledEnd,
      siteName,
      total: sql<number>`(count(*) over ())::float8`,
    })
    .from(interventions)
    .where(and(interventionScope(ctx.actor), ...conditions))
    .orderBy(...order)
    .limit(HOME_SECTION_ROWS);
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...item }) => item),
  };
}
