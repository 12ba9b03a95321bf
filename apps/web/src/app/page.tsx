import { Operation, roleAllows } from "@interventions/domain";
import { redirect } from "next/navigation";
import { requireActor } from "../lib/session";

/** The first page after signing in: where the obligations stand, for those who answer for them. */
export default async function HomePage() {
  const actor = await requireActor("/");
  redirect(roleAllows(actor.role, Operation.readCompliance) ? "/compliance" : "/interventions");
}
