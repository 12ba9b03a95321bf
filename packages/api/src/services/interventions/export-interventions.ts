import {
  companies,
  companyContacts,
  interventionSites,
  interventions,
  profiles,
  sites,
  users,
} from "@interventions/db";
import { exportInterventionsInput, Operation } from "@interventions/domain";
import { aliasedTable, and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
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
    const rows = await ctx.db
      .select({
        id: interventions.id,
        type: interventions.type,
        status: interventions.status,
        scheduledStart: interventions.scheduledStart,
        scheduledEnd: interventions.scheduledEnd,
        actualEnd: interventions.actualEnd,
        description: interventions.description,
        sites: sql<string[]>`array(select ${sites.name} from ${interventionSites} join ${sites}
          on ${sites.id} = ${interventionSites.siteId} and ${sites.organizationId} = ${organizationId}
          where ${interventionSites.interventionId} = ${interventions.id} order by ${sites.name})`,
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
      .where(and(...conditions))
      .orderBy(direction(interventions.scheduledStart), direction(interventions.id))
      .limit(input.limit + 1);

    const items = rows.slice(0, input.limit).map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      scheduledStart: row.scheduledStart,
      scheduledEnd: row.scheduledEnd,
      actualEnd: row.actualEnd,
      description: row.description,
      siteNames: row.sites,
      assigneeName: row.memberFirstName
        ? `${row.memberFirstName} ${row.memberLastName}`
        : row.contactFirstName
          ? `${row.contactFirstName} ${row.contactLastName}`
          : null,
      companyName: row.company,
    }));
    const last = items.at(-1);
    const nextCursor =
      rows.length > input.limit && last ? cursor.encode([last.scheduledStart.toISOString(), last.id]) : null;
    return { items, nextCursor };
  },
);
