import { type Actor, actorFromBrowserSession, readBrowserSession, SessionTokens } from "@interventions/api";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDatabase } from "../server/database";
import { sessionSecret } from "../server/session-secret";

export async function sessionTokens(): Promise<SessionTokens> {
  return new SessionTokens(await sessionSecret());
}

/** The signed-in actor of this request (read once per render), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const [{ db }, tokens] = await Promise.all([getDatabase(), sessionTokens()]);
  return actorFromBrowserSession(
    db,
    tokens,
    readBrowserSession((name) => jar.get(name)?.value),
    new Date(),
  );
});

/** Every dashboard page needs a session: without one, to the sign-in page and back afterwards. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}
