import { companies, companyContacts, type Executor, interventions, profiles, users } from "@interventions/db";
import { exportInterventionsInput, Operation } from "@interventions/domain";
import { aliasedTable, and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { inIds } from "../id-array";
import { pageCursor } from "../page-cursor";
import { defineVerb } from "../verb";
import { interventionFilters } from "./read/filters";
import { searchTerms } from "./read/search";

const cursor = pageCursor(z.tuple([z.iso.datetime(), z.int()]));
const assignee = aliasedTable(users, "assignee_user");

/**
 * One batch of the list as filtered, for a file: what a reader needs in words (the sites', the assignee's and
 * the provider's names), in the list's order after the cursor. An export of any size is read batch by batch,
 * each its own short query, so that neither the server nor the database holds the whole set.
 */
export const exportInterventions = defineVerb(
  { operation: Operation.read, input: exportInterventionsInput },
  async ({ ctx, input }) => {
    const search = await searchTerms(ctx.db, ctx.actor.organizationId, input.q);
    const conditions = interventionFilters(ctx, input, "subquery", search);
    const ascending = input.order === "asc";
    if (input.cursor) {
      const [scheduledStart, id] = cursor.decode(input.cursor);
      const start = sql.param(new Date(scheduledStart), interventions.scheduledStart);
      conditions.push(
        sql`(${interventions.scheduledStart}, ${interventions.id}) ${sql.raw(ascending ? ">" : "<")} (${start}, ${id})`,
      );
    }
    const direction = ascending ? asc : desc;
    const organizationId = ctx.actor.organizationId;
    // The page first, in the list's index order; its names after, for its rows only (joined before the
    // limit, the planner would read and sort the whole filtered set for every batch).
    const rows = await ctx.db
      .select({
        id: interventions.id,
        type: interventions.type,
        status: interventions.status,
        scheduledStart: interventions.scheduledStart,
        scheduledEnd: interventions.scheduledEnd,
        actualEnd: interventions.actualEnd,
        description: interventions.description,
      })
      .from(interventions)
      .where(and(...conditions))
      .orderBy(direction(interventions.scheduledStart), direction(interventions.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    const names = new Map(
      (
        await namesOf(
          ctx.db,
          organizationId,
          page.map((row) => row.id),
        )
      ).map((n) => [n.id, n]),
    );
    const items = page.map((row) => {
      const named = names.get(row.id);
      return {
        ...row,
        siteNames: named?.sites ?? [],
        assigneeName: named?.memberFirstName
          ? `${named.memberFirstName} ${named.memberLastName}`
          : named?.contactFirstName
            ? `${named.contactFirstName} ${named.contactLastName}`
            : null,
        companyName: named?.company ?? null,
      };
    });
    const last = items.at(-1);
    const nextCursor =
      rows.length > input.limit && last ? cursor.encode([last.scheduledStart.toISOString(), last.id]) : null;
    return { items, nextCursor };
  },
);

/** The sites', the assignee's and the provider's names of a page of interventions, in one query. */
function namesOf(db: Executor, organizationId: number, ids: number[]) {
  return db
    .select({
      id: interventions.id,
      sites: sql<string[]>`array(select s.name from intervention_sites l join sites s
        on s.id = l.site_id and s.organization_id = ${organizationId}
        where l.intervention_id = ${interventions.id} order by s.name)`,
      memberFirstName: assignee.firstName,
      memberLastName: assignee.lastName,
      contactFirstName: companyContacts.firstName,
      contactLastName: companyContacts.lastName,
      company: companies.name,
    })
    .from(interventions)
    .leftJoin(
      profiles,
      and(eq(profiles.id, interventions.assignedProfileId), eq(profiles.organizationId, organizationId)),
    )
    .leftJoin(assignee, eq(assignee.id, profiles.userId))
    .leftJoin(
      companyContacts,
      and(
        eq(companyContacts.id, interventions.assignedCompanyContactId),
        eq(companyContacts.organizationId, organizationId),
      ),
    )
    .leftJoin(companies, and(eq(companies.id, interventions.companyId), eq(companies.organizationId, organizationId)))
    .where(and(eq(interventions.organizationId, organizationId), inIds(interventions.id, ids)));
}
