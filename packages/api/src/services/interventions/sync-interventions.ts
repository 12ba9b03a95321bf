import { interventionSites, interventions, profiles } from "@interventions/db";
import { Operation, roleAllows, syncInterventionsInput } from "@interventions/domain";
import { and, asc, eq, exists, gte, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { pageCursor } from "../page-cursor";
import { defineVerb } from "../verb";
import { selectInterventionViews, toUserShaped } from "./read/intervention-view";
import { interventionScope } from "./read/scope";

const cursor = pageCursor(z.tuple([z.iso.datetime(), z.int()]));

/**
 * How long after its `updatedAt` a change is listed. A write stamps `updatedAt` before it commits; a sync
 * that listed the latest changes at once could move its cursor past a change still committing, which would
 * then never be listed. Far above what any write transaction here takes (milliseconds; the request deadline
 * is 10 s).
 */
export const SYNC_SETTLE_MS = 15_000;

/**
 * The interventions changed since a date, in the order they last changed (`updatedAt`, then id), a page
 * after the cursor: what a partner syncs from. A row changed while a client pages moves to the end of the
 * order, so the client sees it again with its new version, never twice with the same one.
 */
export const syncInterventions = defineVerb(
  { operation: Operation.read, input: syncInterventionsInput },
  async ({ ctx, input }) => {
    const { actor } = ctx;
    const conditions = [
      interventionScope(actor),
      lt(interventions.updatedAt, new Date(ctx.now.getTime() - SYNC_SETTLE_MS)),
      input.type === undefined ? undefined : eq(interventions.type, input.type),
      input.status === undefined ? undefined : eq(interventions.status, input.status),
      input.assignedCompanyContactId === undefined
        ? undefined
        : eq(interventions.assignedCompanyContactId, input.assignedCompanyContactId),
      input.assignedUserId === undefined
        ? undefined
        : inArray(
            interventions.assignedProfileId,
            ctx.db
              .select({ id: profiles.id })
              .from(profiles)
              .where(and(eq(profiles.organizationId, actor.organizationId), eq(profiles.userId, input.assignedUserId))),
          ),
      input.siteId === undefined
        ? undefined
        : exists(
            ctx.db
              .select({ one: interventionSites.siteId })
              .from(interventionSites)
              .where(
                and(eq(interventionSites.interventionId, interventions.id), eq(interventionSites.siteId, input.siteId)),
              ),
          ),
      input.updatedSince === undefined ? undefined : gte(interventions.updatedAt, new Date(input.updatedSince)),
    ];
    if (input.cursor) {
      const [updatedAt, id] = cursor.decode(input.cursor);
      // A row comparison: an index condition on (organization, updated at, id) at any depth.
      conditions.push(
        sql`(${interventions.updatedAt}, ${interventions.id}) > (${sql.param(new Date(updatedAt), interventions.updatedAt)}, ${id})`,
      );
    }
    const rows = await selectInterventionViews(ctx.db)
      .where(and(...conditions))
      .orderBy(asc(interventions.updatedAt), asc(interventions.id))
      .limit(input.limit + 1);

    const showPin = roleAllows(actor.role, Operation.readCodePin);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      data: page.map((view) => ({ ...toUserShaped(view), ...(showPin ? {} : { codePin: null }) })),
      nextCursor: rows.length > input.limit && last ? cursor.encode([last.updatedAt.toISOString(), last.id]) : null,
    };
  },
);
