import { profiles, sessions, users } from "@interventions/db";
import { Operation } from "@interventions/domain";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { defineVerb } from "../verb";

/** The organization's members with their live sessions, for the admins' Members page. */
export const listMembers = defineVerb(
  { operation: Operation.manageMembers, input: z.strictObject({}).optional() },
  async ({ ctx }) => {
    const live = and(eq(sessions.userId, users.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, ctx.now));
    const rows = await ctx.db
      .select({
        userId: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        role: profiles.role,
        liveSessions: sql<number>`(select count(*) from ${sessions} where ${live})`.mapWith(Number),
        // Epoch milliseconds as float8: both drivers return a number.
        lastSignInMs: sql<
          number | null
        >`(select (extract(epoch from max(${sessions.createdAt})) * 1000)::float8 from ${sessions} where ${sessions.userId} = ${users.id})`,
      })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(and(eq(profiles.organizationId, ctx.actor.organizationId), isNull(profiles.deletedAt)))
      .orderBy(asc(users.lastName), asc(users.firstName));
    return {
      members: rows.map(({ lastSignInMs, ...row }) => ({
        ...row,
        lastSignInAt: lastSignInMs === null ? null : new Date(lastSignInMs).toISOString(),
      })),
    };
  },
);
