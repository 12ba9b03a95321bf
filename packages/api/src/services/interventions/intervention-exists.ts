import type { Database } from "@interventions/db";
import { interventions } from "@interventions/db";
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../../context";

/** Whether the actor's organization has this intervention: pages answer 404 otherwise, whoever else has it. */
export async function interventionExists(db: Database, actor: Actor, interventionId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: interventions.id })
    .from(interventions)
    .where(
      and(
        eq(interventions.id, interventionId),
        eq(interventions.organizationId, actor.organizationId),
        isNull(interventions.deletedAt),
      ),
    );
  return row !== undefined;
}
