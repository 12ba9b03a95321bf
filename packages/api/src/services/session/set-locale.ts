import { users } from "@interventions/db";
import { Operation, setLocaleInput } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { defineVerb } from "../verb";

/**
 * The signed-in user's choice of language, saved on their profile: the dashboard then speaks it on every
 * device whatever the browser asks for, and their notices and e-mails follow it. Their own row only.
 */
export const setLocale = defineVerb({ operation: Operation.read, input: setLocaleInput }, async ({ ctx, input }) => {
  await ctx.db.update(users).set({ locale: input.locale, localeChosen: true }).where(eq(users.id, ctx.actor.userId));
  return { locale: input.locale };
});
