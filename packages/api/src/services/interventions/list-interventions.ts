import { interventionSites, interventions } from "@interventions/db";
import { listInterventionsInput, Operation, roleAllows } from "@interventions/domain";
import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import { pageCursor } from "../page-cursor";
import { defineVerb } from "../verb";
import { interventionFilters } from "./read/filters";
import { searchTerms } from "./read/search";

const cursor = pageCursor(z.tuple([z.iso.datetime(), z.int()]));

/** A page of the organization's interventions in scheduled order, after the cursor's (date, id). */
export const listInterventions = defineVerb(
  { operation: Operation.read, input: listInterventionsInput },
  async ({ ctx, input }) => {
    // For one site the rows come through its links: their index is in (site, scheduled start, id) order, so
    // a page is read in order at any depth instead of filtering the organization's whole list.
    const bySite = input.siteId !== undefined;
    const orderStart = bySite ? interventionSites.scheduledStart : interventions.scheduledStart;
    const orderId = bySite ? interventionSites.interventionId : interventions.id;
    const search = await searchTerms(ctx.db, ctx.actor.organizationId, input.q);
    const conditions = interventionFilters(ctx, input, "joinedLink", search);
    const ascending = input.order === "asc";
    if (input.cursor) {
      const [scheduledStart, id] = cursor.decode(input.cursor);
      const after = { scheduledStart: new Date(scheduledStart), id };
      // A row comparison, not `start > x or (start = x and id > y)`: PostgreSQL makes it an index condition on
      // (…, scheduled start, id), so a page 10,000 rows deep reads its 26 rows instead of 10,026.
      const start = sql.param(after.scheduledStart, orderStart);
      conditions.push(sql`(${orderStart}, ${orderId}) ${sql.raw(ascending ? ">" : "<")} (${start}, ${after.id})`);
    }
    const direction = ascending ? asc : desc;
    const from = ctx.db.select(getTableColumns(interventions)).from(interventions).$dynamic();
    const rows = await (bySite
      ? from.innerJoin(interventionSites, eq(interventionSites.interventionId, interventions.id))
      : from
    )
      .where(and(...conditions))
      .orderBy(direction(orderStart), direction(orderId))
      .limit(input.limit + 1);

    const showPin = roleAllows(ctx.actor.role, Operation.readCodePin);
    const items = rows.slice(0, input.limit).map((row) => (showPin ? row : { ...row, codePin: null }));
    const last = items.at(-1);
    const nextCursor =
      rows.length > input.limit && last ? cursor.encode([last.scheduledStart.toISOString(), last.id]) : null;
    return { items, nextCursor };
  },
);
