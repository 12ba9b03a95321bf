import { interventionSites, interventions } from "@interventions/db";
import {
  assertRoleAllows,
  type ListInterventionsQuery,
  Operation,
  roleAllows,
  validationError,
} from "@interventions/domain";
import { and, asc, desc, eq, exists, gt, gte, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "../../context";

const cursorSchema = z.tuple([z.iso.datetime(), z.int()]);

export function encodeCursor(scheduledStart: Date, id: number): string {
  return Buffer.from(JSON.stringify([scheduledStart.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { scheduledStart: Date; id: number } {
  try {
    const [start, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { scheduledStart: new Date(start), id };
  } catch {
    throw validationError([{ path: "cursor", message: "Invalid cursor: use the nextCursor of a previous page" }]);
  }
}

/** A page of the organization's interventions in scheduled order, after the cursor's (date, id). */
export async function listInterventions({ ctx, input }: { ctx: ServiceContext; input: ListInterventionsQuery }) {
  assertRoleAllows(ctx.actor.role, Operation.read);
  const conditions: (SQL | undefined)[] = [
    eq(interventions.organizationId, ctx.actor.organizationId),
    isNull(interventions.deletedAt),
    input.type === undefined ? undefined : eq(interventions.type, input.type),
    input.status === undefined ? undefined : eq(interventions.status, input.status),
    input.assignedProfileId === undefined ? undefined : eq(interventions.assignedProfileId, input.assignedProfileId),
    input.assignedCompanyContactId === undefined
      ? undefined
      : eq(interventions.assignedCompanyContactId, input.assignedCompanyContactId),
    input.from === undefined ? undefined : gte(interventions.scheduledStart, new Date(input.from)),
    input.to === undefined ? undefined : lt(interventions.scheduledStart, new Date(input.to)),
  ];
  if (input.siteId !== undefined) {
    conditions.push(
      exists(
        ctx.db
          .select({ one: interventionSites.siteId })
          .from(interventionSites)
          .where(
            and(eq(interventionSites.interventionId, interventions.id), eq(interventionSites.siteId, input.siteId)),
          ),
      ),
    );
  }
  const ascending = input.order === "asc";
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    const beyond = ascending ? gt : lt;
    conditions.push(
      or(
        beyond(interventions.scheduledStart, after.scheduledStart),
        and(eq(interventions.scheduledStart, after.scheduledStart), beyond(interventions.id, after.id)),
      ),
    );
  }
  const direction = ascending ? asc : desc;
  const rows = await ctx.db
    .select()
    .from(interventions)
    .where(and(...conditions))
    .orderBy(direction(interventions.scheduledStart), direction(interventions.id))
    .limit(input.limit + 1);

  const showPin = roleAllows(ctx.actor.role, Operation.readCodePin);
  const items = rows.slice(0, input.limit).map((row) => (showPin ? row : { ...row, codePin: null }));
  const last = items.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeCursor(last.scheduledStart, last.id) : null;
  return { items, nextCursor };
}
