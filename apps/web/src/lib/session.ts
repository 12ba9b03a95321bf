import { type Actor, actorFromBrowserSession, readBrowserSession, type ServiceContext } from "@interventions/api";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getRuntime } from "../server/runtime";
import { safeNext } from "./safe-next";

/** The signed-in actor of this request (read once per render), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const [jar, { database, tokens }] = await Promise.all([cookies(), getRuntime()]);
  return actorFromBrowserSession(
    database.db,
    tokens,
    readBrowserSession((name) => jar.get(name)?.value),
    new Date(),
  );
});

/** Every dashboard page needs a session: without one, to the sign-in page and back afterwards. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(safeNext(returnTo))}`);
  return actor;
}

/** What a server component needs to call a verb as the signed-in user. */
export async function serviceContextFor(actor: Actor): Promise<ServiceContext> {
  const { services } = await getRuntime();
  return { ...services, actor, now: new Date() };
}
