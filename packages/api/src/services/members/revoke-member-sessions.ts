import { profiles } from "@interventions/db";
import { DomainError, ErrorCode, Operation, revokeMemberSessionsInput } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";
import { revokeAllSessions } from "../../auth/revoke-sessions";
import { defineVerb } from "../verb";

/**
 * An admin signs a member out everywhere (a lost phone, a departure): every live session of the user ends
 * at once, on every device. Sessions are the user's, so this holds in their other organizations too.
 */
export const revokeMemberSessions = defineVerb(
  { operation: Operation.manageMembers, input: revokeMemberSessionsInput },
  async ({ ctx, input }) => {
    const answer = await ctx.db.transaction(async (tx) => {
      const [member] = await tx
        .select({ id: profiles.id })
        .from(profiles)
        .where(
          and(
            eq(profiles.organizationId, ctx.actor.organizationId),
            eq(profiles.userId, input.userId),
            isNull(profiles.deletedAt),
          ),
        );
      if (!member) throw new DomainError(ErrorCode.notFound, `No member with user id ${input.userId}`);
      return { revoked: await revokeAllSessions(tx, input.userId, ctx.now) };
    });
    // After the commit: a partner request of this process is refused from now on, not within the second.
    ctx.actors?.forgetUser(input.userId);
    return answer;
  },
);
