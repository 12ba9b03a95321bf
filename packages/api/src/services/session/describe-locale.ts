import { organizations, users } from "@interventions/db";
import { type Locale, Operation } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { defineVerb, noInput } from "../verb";

/**
 * What the dashboard picks its language from: the user's own choice, if they made one (else the browser's
 * Accept-Language decides), and the organization's default for a browser asking for no language it speaks;
 * with the organization's time zone, in which its dates are shown.
 */
export const describeLocale = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  const [row] = await ctx.db
    .select({
      locale: users.locale,
      chosen: users.localeChosen,
      organizationDefault: organizations.locale,
      timeZone: organizations.timeZone,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, ctx.actor.organizationId))
    .where(eq(users.id, ctx.actor.userId));
  if (!row) throw new Error("the session's user or organization vanished");
  const chosen: Locale | null = row.chosen ? (row.locale === "en" ? "en" : "fr") : null;
  return { chosen, organizationDefault: row.organizationDefault, timeZone: row.timeZone };
});
