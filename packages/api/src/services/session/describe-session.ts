import { users } from "@interventions/db";
import { Operation } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { membershipsOf } from "../../auth/browser-session";
import { defineVerb, noInput } from "../verb";

/** Who is signed in, in which organization and role, and which other organizations they can switch to. */
export const describeSession = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  const [[user], memberships] = await Promise.all([
    ctx.db
      .select({ firstName: users.firstName, lastName: users.lastName, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, ctx.actor.userId)),
    membershipsOf(ctx.db, ctx.actor.userId),
  ]);
  const organization = memberships.find((membership) => membership.organizationId === ctx.actor.organizationId);
  if (!user || !organization) throw new Error("the session's user or organization vanished");
  return {
    user,
    profileId: ctx.actor.profileId,
    role: ctx.actor.role,
    organization: { id: organization.organizationId, name: organization.name, timeZone: organization.timeZone },
    memberships,
  };
});
